import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The published RFC 6962 proof vectors copied into test/fixtures (see its NOTICE.md). */
const fixtures = join(__dirname, '..', 'test', 'fixtures', 'rfc6962');

/** The 8 leaf inputs behind the vectors' happy paths. */
export const referenceLeaves: readonly Buffer[] = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => Buffer.from(hex, 'hex'));

export interface InclusionVector {
  readonly file: string;
  readonly leafIdx: bigint;
  readonly treeSize: bigint;
  readonly root: Buffer;
  readonly leafHash: Buffer;
  readonly proof: Buffer[];
  readonly wantErr: boolean;
}

export interface ConsistencyVector {
  readonly file: string;
  readonly size1: bigint;
  readonly size2: bigint;
  readonly root1: Buffer;
  readonly root2: Buffer;
  readonly proof: Buffer[];
  readonly wantErr: boolean;
}

type Json = Record<string, unknown>;

function vectorFiles(kind: 'inclusion' | 'consistency'): { file: string; json: Json }[] {
  const root = join(fixtures, kind);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: relative(fixtures, join(root, name)), json: JSON.parse(readFileSync(join(root, name), 'utf8')) as Json }));
}

const bytes = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : '', 'base64');
const hashes = (value: unknown): Buffer[] => (Array.isArray(value) ? value.map(bytes) : []);
// JSON numbers: one vector's index is 2^64 − 1 (a uint64 wrapped below zero), beyond a double's
// precision; BigInt of the parsed double still lands beyond every tree size, as intended.
const integer = (value: unknown): bigint => BigInt(typeof value === 'number' ? value : Number.NaN);

export function inclusionVectors(): InclusionVector[] {
  return vectorFiles('inclusion').map(({ file, json }) => ({
    file,
    leafIdx: integer(json.leafIdx),
    treeSize: integer(json.treeSize),
    root: bytes(json.root),
    leafHash: bytes(json.leafHash),
    proof: hashes(json.proof),
    wantErr: json.wantErr === true,
  }));
}

export function consistencyVectors(): ConsistencyVector[] {
  return vectorFiles('consistency').map(({ file, json }) => ({
    file,
    size1: integer(json.size1),
    size2: integer(json.size2),
    root1: bytes(json.root1),
    root2: bytes(json.root2),
    proof: hashes(json.proof),
    wantErr: json.wantErr === true,
  }));
}
