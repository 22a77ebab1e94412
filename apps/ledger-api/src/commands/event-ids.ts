import { createHash } from 'node:crypto';

/**
 * Event ids derive from the request's idempotency key, so that the store's own idempotency backs
 * the HTTP one: the same principal, key and index always name the same event (RFC 9562 UUIDv5,
 * SHA-1 name-based, in a namespace of the ledger's own).
 */
const ledgerNamespace = Buffer.from('6f1d7c2e4b3a4f0e9d8c7b6a5f4e3d2c', 'hex');

export function uuidV5(name: string, namespace: Buffer = ledgerNamespace): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function eventIdFor(principalId: string, idempotencyKey: string, index: number): string {
  return uuidV5(`${principalId}\n${idempotencyKey}\n${index}`);
}
