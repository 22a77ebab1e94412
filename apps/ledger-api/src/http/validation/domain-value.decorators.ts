import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';
import {
  DomainError,
  Money,
  RegionCode,
  type RegionLevel,
  businessDate,
  defaultLocalRules,
  entityId,
  entityIdLengthMax,
  fundType,
} from '@ledger/domain';

/**
 * class-validator decorators for the domain's value rules. Each reuses the domain's own parser, so
 * the edge and the deciders can never disagree on what a valid amount or date is, and each
 * constraint is named with the code the domain refuses with: that name is the `rule` of the field
 * error (`{field: 'amount', rule: 'MONEY.INVALID'}`).
 */

/** What the domain parser makes of the value, or undefined when it refuses it; any other throw is a bug and propagates. */
function parsedOrUndefined<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error: unknown) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

function domainRule(rule: string, isValid: (value: unknown) => boolean, mustBe: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: rule,
      validator: {
        validate: (value: unknown) => isValid(value),
        defaultMessage: buildMessage((each) => `${each}$property must be ${mustBe}`, options),
      },
    },
    options,
  );
}

const moneyShape = 'a yuan amount as a decimal string with at most 2 decimals, e.g. "12345.67"';

/** A JSON string the domain's Money accepts (may be zero or negative: balances, corrections). */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return domainRule('MONEY.INVALID', Money.isValid, moneyShape, options);
}

/** A Money string above 0.00: what every command that moves money needs. */
export function IsPositiveMoney(options?: ValidationOptions): PropertyDecorator {
  const isPositive = (value: unknown): boolean => Money.isValid(value) && Money.of(value).isPositive();
  return domainRule('MONEY.INVALID', isPositive, `${moneyShape}, above 0.00`, options);
}

/**
 * How a region code field is written: `6` a county, `12` a full code, `'6or12'` either, `'any'`
 * also a 9-digit township (as notices accept).
 */
export type RegionCodeDigits = 6 | 12 | '6or12' | 'any';

export interface RegionCodeOptions {
  readonly digits: RegionCodeDigits;
  /** The level the code must name (a 12-digit code ending in 000000 is a county, in 000 a township). */
  readonly level?: RegionLevel;
}

const regionCodeShapes: Readonly<Record<RegionCodeDigits, { pattern: RegExp; text: string }>> = {
  6: { pattern: /^\d{6}$/, text: '6-digit' },
  12: { pattern: /^\d{12}$/, text: '12-digit' },
  '6or12': { pattern: /^(\d{6}|\d{12})$/, text: '6- or 12-digit' },
  any: { pattern: /^(\d{6}|\d{9}|\d{12})$/, text: '6-, 9- or 12-digit' },
};

/** A statistical region code of the given form (whether it exists is RegionDirectory's question). */
export function IsRegionCode(region: RegionCodeOptions, options?: ValidationOptions): PropertyDecorator {
  const shape = regionCodeShapes[region.digits];
  const isValid = (value: unknown): boolean => {
    const code = typeof value === 'string' && shape.pattern.test(value) ? parsedOrUndefined(() => RegionCode.of(value)) : undefined;
    return code !== undefined && (region.level === undefined || code.level === region.level);
  };
  return domainRule('REGION.INVALID', isValid, `a ${shape.text} ${region.level ?? 'region'} code`, options);
}

/** One of the configured fund types (`defaultLocalRules.fundTypes`: the standard six unless a province adds). */
export function IsFundType(options?: ValidationOptions): PropertyDecorator {
  const allowed = defaultLocalRules.fundTypes;
  return domainRule('FUND_TYPE.UNKNOWN', (value) => parsedOrUndefined(() => fundType(value, allowed)) !== undefined, `one of ${allowed.join(', ')}`, options);
}

/** A real calendar date written YYYY-MM-DD (2023-02-29 is refused). */
export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return domainRule('DATE.INVALID', (value) => parsedOrUndefined(() => businessDate(value)) !== undefined, 'a calendar date written YYYY-MM-DD', options);
}

/**
 * A client-chosen business id (it becomes part of a stream name). The rule is the code the domain's
 * `entityId` refuses with, FIELD.REQUIRED, so the edge and the decider name the failure alike.
 */
export function IsEntityId(options?: ValidationOptions): PropertyDecorator {
  return domainRule(
    'FIELD.REQUIRED',
    (value) => parsedOrUndefined(() => entityId(value, 'id')) !== undefined,
    `1–${entityIdLengthMax} letters, digits, '_' or '-', starting with a letter or digit`,
    options,
  );
}

/** Decimals a rate may carry: LPR and loan rates are quoted to basis points, with room for 0.01 bp. */
export const rateDecimalsMax = 6;
const ratePattern = new RegExp(`^0(\\.[0-9]{1,${rateDecimalsMax}})?$`);

/** A yearly rate as a decimal string, 0 ≤ r < 1 ("0.0385"): never a float, like money. */
export function IsRate(options?: ValidationOptions): PropertyDecorator {
  const isRate = (value: unknown): boolean => typeof value === 'string' && ratePattern.test(value);
  return domainRule('RATE.INVALID', isRate, `a decimal string from 0 to below 1 with at most ${rateDecimalsMax} decimals, e.g. "0.0385"`, options);
}
