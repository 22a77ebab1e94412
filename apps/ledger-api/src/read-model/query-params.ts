import type { ServerResponse } from 'node:http';
import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { fiscalYearMax, fiscalYearMin, RegionCode, sourceLevels } from '@ledger/domain';
import { parseMoment, parsePosition } from './as-of';
import type { AsOf } from './read-side';

/**
 * class-validator rules for the query strings of the read routes. A query value is a string (or an
 * array when repeated, which every rule refuses); each rule is named by the code it refuses with,
 * the `rule` of the field error.
 */
function textRule(rule: string, isValid: (text: string) => boolean, mustBe: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: rule,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValid(value),
        defaultMessage: buildMessage((each) => `${each}$property must be ${mustBe}`, options),
      },
    },
    options,
  );
}

/** A fiscal year, 4 digits in the ledger's range. */
export function IsFiscalYearText(options?: ValidationOptions): PropertyDecorator {
  const isYear = (text: string) => /^\d{4}$/.test(text) && Number(text) >= fiscalYearMin && Number(text) <= fiscalYearMax;
  return textRule('FISCAL_YEAR.INVALID', isYear, `a year from ${fiscalYearMin} to ${fiscalYearMax}`, options);
}

export function IsSourceLevelText(options?: ValidationOptions): PropertyDecorator {
  return textRule('SOURCE_LEVEL.UNKNOWN', (text) => (sourceLevels as readonly string[]).includes(text), `one of ${sourceLevels.join(', ')}`, options);
}

/** `asOf`: an RFC 3339 moment with its offset (as-of.ts). */
export function IsAsOfMoment(options?: ValidationOptions): PropertyDecorator {
  return textRule('ASOF.INVALID', (text) => parseMoment(text) !== undefined, 'an RFC 3339 date-time with its offset, e.g. 2019-04-01T12:00:00+08:00 or 2019-04-01T04:00:00Z', options);
}

/** `asOfPosition`: a log position. */
export function IsAsOfPosition(options?: ValidationOptions): PropertyDecorator {
  return textRule('ASOF_POSITION.INVALID', (text) => parsePosition(text) !== undefined, 'a log position: decimal digits', options);
}

/** A page size `1..max`. */
export function IsPageSize(max: number, options?: ValidationOptions): PropertyDecorator {
  return textRule('LIMIT.INVALID', (text) => /^\d{1,6}$/.test(text) && Number(text) >= 1 && Number(text) <= max, `an integer from 1 to ${max}`, options);
}

/**
 * A region as the read queries take it: written at its level's length (county 6, township 9,
 * village 12 digits). A 12-digit code of a county or township (`513336100000`) is read as the
 * township (or county) it names.
 */
export function regionQueryCode(code: string): string {
  const region = RegionCode.of(code);
  return region.level === 'county' ? region.county() : region.level === 'township' ? region.township() : region.village();
}

/** Says on the answer which log prefix it reflects: the position its figures are as of. */
export function answerAsOf(response: Pick<ServerResponse, 'setHeader'>, asOf: AsOf): void {
  response.setHeader('X-Ledger-Position', String(asOf.position));
}
