import { invariant } from '@ledger/domain';

/** Allocations one funding line or disbursement is split over: a pool has a few dozen channels at most. */
export const partsPerRowMax = 1_000;

/** Money of one allocation in a line or a disbursement: [allocationId, amount, used] in fen (funded/spent, amount/reversed). */
export type Part = readonly [allocationId: string, amountFen: bigint, usedFen: bigint];

export function readParts(text: string): Part[] {
  const raw = JSON.parse(text) as unknown;
  invariant(Array.isArray(raw) && raw.length <= partsPerRowMax, 'parts are not a bounded list');
  return raw.map((item: unknown) => {
    invariant(Array.isArray(item) && item.length === 3 && typeof item[0] === 'string', 'a part is not [id, fen, fen]');
    return [item[0], BigInt(item[1] as string), BigInt(item[2] as string)] as const;
  });
}

/** Stored sorted by allocation id (UTF-8 byte order, like ORDER BY in both dialects): the order splits are made in. */
export function writeParts(parts: readonly Part[]): string {
  invariant(parts.length <= partsPerRowMax, `more than ${partsPerRowMax} parts`);
  const sorted = [...parts].sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
  return JSON.stringify(sorted.map(([id, amount, used]) => [id, amount.toString(), used.toString()]));
}
