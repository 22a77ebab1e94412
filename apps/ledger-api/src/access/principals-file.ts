import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerConfig } from '../config/ledger-config';
import { demoPrincipalRecords, isDemoPrincipal } from './demo-principals';
import { type Role, roles } from './principal';
import type { PrincipalRecord } from './principal-registry';

/** `<dataDir>/principals.json`: `[{id, role, regionPrefix, tokenSha256}]`. */
export const principalsFileName = 'principals.json';

/** Every request scans all principals (see PrincipalRegistry); this bounds that scan to ~0.13 ms. */
export const principalsCountMax = 1_000;

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
/** '' (the country), or a province, city, county, township or village code. */
const regionPrefixPattern = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/;
const sha256HexPattern = /^[0-9a-f]{64}$/;
const recordKeys = ['id', 'role', 'regionPrefix', 'tokenSha256'] as const;

/**
 * Reads the principals of this ledger, at start. In the demo profile a missing file is created with
 * the demo principals; in production it must exist and hold no demo principal. Any flaw in the
 * file stops the start: a typo in a role must not be found by a bureau at 3 a.m.
 */
export function loadPrincipals(config: Pick<LedgerConfig, 'dataDir' | 'profile'>): PrincipalRecord[] {
  const path = join(config.dataDir, principalsFileName);
  if (!existsSync(path)) {
    if (config.profile === 'production') throw new Error(`${path} is missing: the production profile needs its principals configured`);
    mkdirSync(config.dataDir, { recursive: true });
    // 'wx': never overwrite a file another process created meanwhile. 0o600: the hashes are nobody else's business.
    writeFileSync(path, `${JSON.stringify(demoPrincipalRecords(), null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  }
  const records = parsePrincipals(readFileSync(path, 'utf8'), path);
  if (config.profile === 'production') refuseDemoPrincipals(records, path);
  return records;
}

export function refuseDemoPrincipals(records: readonly PrincipalRecord[], source: string): void {
  const demos = records.filter(isDemoPrincipal).map((record) => record.id);
  if (demos.length > 0) {
    throw new Error(`${source}: the production profile refuses demo principals (their tokens are public): ${demos.join(', ')}`);
  }
}

export function parsePrincipals(text: string, source: string): PrincipalRecord[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error(`${source}: expected a JSON array of principals`);
  if (parsed.length > principalsCountMax) throw new Error(`${source}: ${parsed.length} principals, at most ${principalsCountMax}`);
  const records = parsed.map((entry: unknown, index) => parseRecord(entry, `${source}[${index}]`));
  refuseDuplicates(records, 'id', source);
  // Two principals sharing a token would make the caller's identity depend on file order.
  refuseDuplicates(records, 'tokenSha256', source);
  return records;
}

function parseRecord(entry: unknown, where: string): PrincipalRecord {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${where}: expected an object`);
  const fields = new Map<string, unknown>(Object.entries(entry));
  const unknown = [...fields.keys()].filter((key) => !(recordKeys as readonly string[]).includes(key));
  if (unknown.length > 0) throw new Error(`${where}: unknown properties ${unknown.join(', ')}`);
  const id = fields.get('id');
  const role = fields.get('role');
  const regionPrefix = fields.get('regionPrefix');
  const tokenSha256 = fields.get('tokenSha256');
  if (typeof id !== 'string' || !idPattern.test(id)) throw new Error(`${where}: id must be 1–64 letters, digits, '.', '_', '@' or '-'`);
  if (!isRole(role)) throw new Error(`${where}: role must be one of ${roles.join(', ')}`);
  if (typeof regionPrefix !== 'string' || !regionPrefixPattern.test(regionPrefix)) {
    throw new Error(`${where}: regionPrefix must be '' or 2, 4, 6, 9 or 12 digits`);
  }
  if (typeof tokenSha256 !== 'string' || !sha256HexPattern.test(tokenSha256)) {
    throw new Error(`${where}: tokenSha256 must be 64 lowercase hex digits`);
  }
  return { id, role, regionPrefix, tokenSha256 };
}

function isRole(value: unknown): value is Role {
  return (roles as readonly unknown[]).includes(value);
}

function refuseDuplicates(records: readonly PrincipalRecord[], key: 'id' | 'tokenSha256', source: string): void {
  const firstIdBy = new Map<string, string>();
  for (const record of records) {
    const first = firstIdBy.get(record[key]);
    if (first !== undefined) throw new Error(`${source}: ${first} and ${record.id} have the same ${key}`);
    firstIdBy.set(record[key], record.id);
  }
}
