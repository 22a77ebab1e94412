import { DomainError } from './domain-error';

/** 财政专项 / 统筹整合 / 东西部协作·对口帮扶 / 小额信贷, plus the county's own funds and donations (seed 000). */
export const standardFundTypes = ['special', 'integrated', 'paired_assistance', 'micro_credit', 'county_own', 'donation'] as const;
/**
 * A fund type is a string from the configured list (LocalRules.fundTypes), which starts as
 * `standardFundTypes` and can grow by configuration; the domain treats the standard ones specially.
 */
export type FundType = string;

export function fundType(input: unknown, allowed: readonly string[]): FundType {
  if (typeof input !== 'string' || !allowed.includes(input)) {
    throw new DomainError('FUND_TYPE.UNKNOWN', `unknown fund type: ${String(input)}`, { value: input, allowed });
  }
  return input;
}

export const sourceLevels = ['central', 'provincial', 'municipal', 'county'] as const;
export type SourceLevel = (typeof sourceLevels)[number];

export function sourceLevel(input: unknown): SourceLevel {
  if (!sourceLevels.includes(input as SourceLevel)) {
    throw new DomainError('SOURCE_LEVEL.UNKNOWN', `unknown source level: ${String(input)}`, { value: input });
  }
  return input as SourceLevel;
}

/** The eight campaigns (八大扶贫攻坚专项) of seed 000. */
export const projectCategories = [
  'housing_safety',
  'industry',
  'employment',
  'education',
  'health',
  'infrastructure',
  'ecology',
  'social_security',
] as const;
export type ProjectCategory = (typeof projectCategories)[number];

export function projectCategory(input: unknown): ProjectCategory {
  if (!projectCategories.includes(input as ProjectCategory)) {
    throw new DomainError('PROJECT_CATEGORY.UNKNOWN', `unknown project category: ${String(input)}`, { value: input });
  }
  return input as ProjectCategory;
}

/** The Chinese fiscal year is the calendar year. The ledger covers 脱贫攻坚 (from 2014) onwards. */
export type FiscalYear = number;
export const fiscalYearMin = 2000;
export const fiscalYearMax = 2100;

export function fiscalYear(input: unknown): FiscalYear {
  if (!Number.isInteger(input) || (input as number) < fiscalYearMin || (input as number) > fiscalYearMax) {
    throw new DomainError('FISCAL_YEAR.INVALID', `not a fiscal year between ${fiscalYearMin} and ${fiscalYearMax}: ${String(input)}`, {
      value: input,
    });
  }
  return input as number;
}

/** Free-text fields are bounded so that one event stays small (the audit log serves them forever). */
export const textLengthMax = 500;

export function requiredText(input: unknown, field: string, lengthMax = textLengthMax): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new DomainError('FIELD.REQUIRED', `${field} is required`, { field });
  }
  if (input.length > lengthMax) {
    throw new DomainError('FIELD.TOO_LONG', `${field} is longer than ${lengthMax} characters`, { field, lengthMax });
  }
  return input;
}

/**
 * Business ids (allocationId, projectId, …) are chosen by the client (a UUID, or the bureau's own
 * code) and become part of a stream name, so they are limited to letters, digits, '_' and '-'.
 */
export const entityIdLengthMax = 64;

export function entityId(input: unknown, field: string): string {
  if (typeof input !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(input) || input.length > entityIdLengthMax) {
    throw new DomainError('FIELD.REQUIRED', `${field} must be 1–${entityIdLengthMax} letters, digits, '_' or '-'`, { field, value: input });
  }
  return input;
}
