import { RegionCode, refuse, type RegionLevel } from '@ledger/domain';

/** The three disclosure levels of one 12-digit village code (county 6, township 9, village 12). */
export interface RegionParts {
  readonly county: string;
  readonly township: string;
  readonly village: string;
}

export function regionPartsOf(villageCode: string): RegionParts {
  const region = RegionCode.village(villageCode);
  return { county: region.county(), township: region.township(), village: region.village() };
}

/** A region filter: the prefix as given (6, 9 or 12 digits) and the level its length names. */
export interface RegionPrefix {
  readonly prefix: string;
  readonly level: RegionLevel;
  /** The column of the fact tables that holds codes of this length. */
  readonly column: 'county' | 'township' | 'village';
}

const levels: Readonly<Record<number, RegionPrefix['level']>> = { 6: 'county', 9: 'township', 12: 'village' };

/** Parses a query's region: 6, 9 or 12 digits, by length (not by trailing zeros: 513336100 is a township). */
export function regionPrefix(input: string): RegionPrefix {
  const level = /^\d+$/.test(input) ? levels[input.length] : undefined;
  if (level === undefined) refuse('REGION.INVALID', `region ${input} is not a 6-, 9- or 12-digit code`, { value: input });
  RegionCode.of(input); // refuses a province or city code
  return { prefix: input, level, column: level };
}
