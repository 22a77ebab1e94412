import { IsIn, IsOptional, IsString, Length, ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { textLengthMax, warningRules, warningSeverities, warningStates } from '@ledger/domain';
import { warningPageSizeMax } from '../../../../libs/audit/src/warnings';
import { IsBusinessDate, IsEntityId } from '../http/validation/domain-value.decorators';

/** A query value checked as text (query strings are strings), named by the rule it refuses with. */
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

/**
 * `GET /v1/audit/warnings`: every filter optional. `region` is a prefix of region codes (2 digits a
 * province … 12 a village) under the caller's own; `on` shows the warnings as of that business date
 * instead of each county's latest; pages of `limit` (default 100, at most 500) after a warning id.
 */
export class ListWarningsQuery {
  @IsOptional() @textRule('REGION.INVALID', (text) => /^\d{2,12}$/.test(text), 'a prefix of a region code: 2 to 12 digits') region?: string;
  @IsOptional() @IsIn(warningRules) rule?: string;
  @IsOptional() @IsIn(warningStates) state?: string;
  @IsOptional() @IsIn(warningSeverities) severity?: string;
  @IsOptional() @IsBusinessDate() on?: string;
  @IsOptional() @textRule('LIMIT.INVALID', (text) => /^\d{1,6}$/.test(text) && Number(text) >= 1 && Number(text) <= warningPageSizeMax, `an integer from 1 to ${warningPageSizeMax}`) limit?: string;
  @IsOptional() @IsEntityId() after?: string;
}

/** `GET /v1/audit/warnings/{id}`: shown as of `on`, or its county's latest business date. */
export class WarningQuery {
  @IsOptional() @IsBusinessDate() on?: string;
}

/**
 * What an inspector records on a warning (acknowledgement or resolution): a note, scanned for
 * personal data, and its business date (`on`: the Beijing date the request arrived when left out).
 */
export class WarningNoteBody {
  @IsString() @Length(1, textLengthMax) note!: string;
  @IsOptional() @IsBusinessDate() on?: string;
}
