import { createHash } from 'node:crypto';
import type { WarningRule } from '@ledger/domain';

/** What a warning is about: the stream an inspector opens, and the thing in it (an allocation, a payment, a voucher number…). */
export interface WarningSubject {
  readonly stream: string;
  readonly id: string;
}

/** The namespace of warning ids (RFC 9562 UUIDv5), distinct from the event ids' own. */
const warningsNamespace = Buffer.from('0b6e5d1c9f2a4e7b8c3d2a1f0e9d8c7b', 'hex');

/**
 * A warning's id: a UUIDv5 of its rule and subject, so that a rebuild, another replica or an
 * inspector's replay names the same warning the same way, and a rectification item opened from it
 * (`fromWarning`) keeps pointing at it. Also a valid entity id (the domain's `fromWarning`).
 */
export function warningIdOf(rule: WarningRule, subject: WarningSubject): string {
  const name = `${rule}\n${subject.stream}\n${subject.id}`;
  const known = recentIds.get(name);
  if (known !== undefined) return known;
  if (recentIds.size >= recentIdsMax) recentIds.clear();
  const id = uuidV5(name);
  recentIds.set(name, id);
  return id;
}

/** Ids computed lately: the rules judge the same subjects again and again (a voucher book, an allocation's notices). */
const recentIds = new Map<string, string>();
/** A county's worth of subjects; past this the memo starts again empty, which costs hashing, never correctness. */
const recentIdsMax = 50_000;

function uuidV5(name: string): string {
  const hash = createHash('sha1').update(warningsNamespace).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
