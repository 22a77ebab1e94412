import { type Checkpoint, parseCheckpointText } from '../checkpoint/checkpoint-text';
import { type NoteVerifierKey, parseVerifierKey } from '../checkpoint/note-keys';
import { openSignedNote } from '../checkpoint/signed-note';
import { type Hash, emptyRoot } from '../merkle/hashes';
import { verifyConsistency, verifyInclusion } from '../merkle/verify-proofs';

/**
 * The pure steps of verifying a ledger from outside (the verify CLI, a monitor, a county's
 * neighbour): a client pins the log's verifier key once, keeps the last checkpoint it verified,
 * and on each visit checks the new checkpoint's signature and a consistency proof from the old
 * one. No I/O here: fetching the note and the proofs is the caller's.
 */
export const remoteFailureCodes = [
  /** The pinned verifier key text is malformed. */
  'AUDIT.VERIFIER_KEY_INVALID',
  /** The note is malformed, not signed by the pinned key, or its signature fails. */
  'AUDIT.NOTE_INVALID',
  /** The signed text is not a checkpoint. */
  'AUDIT.CHECKPOINT_MALFORMED',
  /** The checkpoint is of another log than the key's or the trusted checkpoint's. */
  'AUDIT.ORIGIN_MISMATCH',
  /** The new checkpoint is of a smaller tree than one already verified: the log was rolled back. */
  'AUDIT.LOG_ROLLED_BACK',
  /** The new tree does not extend the trusted one (bad proof, or a fork: two histories signed). */
  'AUDIT.LOG_INCONSISTENT',
  /** An inclusion proof does not lead from the leaf to the checkpoint's root. */
  'AUDIT.NOT_INCLUDED',
] as const;

export type RemoteFailureCode = (typeof remoteFailureCodes)[number];

export type RemoteVerdict<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: RemoteFailureCode; readonly reason: string };

/** Opens a checkpoint note with the pinned key; the origin must be the key's name, as this log signs. */
export function verifyCheckpointNote(note: string, verifierKey: string | NoteVerifierKey): RemoteVerdict<Checkpoint> {
  const key = typeof verifierKey === 'string' ? parseVerifierKey(verifierKey) : { ok: true as const, value: verifierKey };
  if (!key.ok) return failed('AUDIT.VERIFIER_KEY_INVALID', key.reason);
  const text = openSignedNote(note, key.value);
  if (!text.ok) return failed('AUDIT.NOTE_INVALID', text.reason);
  const checkpoint = parseCheckpointText(text.value);
  if (!checkpoint.ok) return failed('AUDIT.CHECKPOINT_MALFORMED', checkpoint.reason);
  if (checkpoint.value.size === 0n && !checkpoint.value.rootHash.equals(emptyRoot)) {
    return failed('AUDIT.CHECKPOINT_MALFORMED', 'the empty tree has another root than SHA-256 of nothing');
  }
  if (checkpoint.value.origin !== key.value.name) {
    return failed('AUDIT.ORIGIN_MISMATCH', `the checkpoint is of ${checkpoint.value.origin}, the key of ${key.value.name}`);
  }
  return { ok: true, value: checkpoint.value };
}

/**
 * Whether `next` (already verified with verifyCheckpointNote) extends `trusted`, the last
 * checkpoint the client verified, given the log's consistency proof from trusted.size to
 * next.size. On success the client keeps `next` as its trusted checkpoint. A trusted empty tree
 * is extended by every tree (and needs no proof).
 */
export function verifyCheckpointExtends(trusted: Checkpoint, next: Checkpoint, proof: readonly Hash[]): RemoteVerdict<Checkpoint> {
  if (next.origin !== trusted.origin) {
    return failed('AUDIT.ORIGIN_MISMATCH', `the trusted checkpoint is of ${trusted.origin}, the new one of ${next.origin}`);
  }
  if (next.size < trusted.size) {
    return failed('AUDIT.LOG_ROLLED_BACK', `the log shows size ${next.size} after size ${trusted.size} was verified`);
  }
  const consistent =
    trusted.size === 0n
      ? proof.length === 0
      : verifyConsistency(trusted.size, next.size, proof, trusted.rootHash, next.rootHash);
  if (!consistent) {
    return failed('AUDIT.LOG_INCONSISTENT', `the tree of size ${next.size} does not extend the verified tree of size ${trusted.size}`);
  }
  return { ok: true, value: next };
}

/** Whether the leaf (an event's leaf hash) is at `index` (position − 1) in the checkpoint's tree. */
export function verifyIncludedIn(checkpoint: Checkpoint, leafHash: Hash, index: bigint, proof: readonly Hash[]): RemoteVerdict<Checkpoint> {
  if (!verifyInclusion(leafHash, index, checkpoint.size, proof, checkpoint.rootHash)) {
    return failed('AUDIT.NOT_INCLUDED', `leaf ${index} is not proven in the tree of size ${checkpoint.size}`);
  }
  return { ok: true, value: checkpoint };
}

function failed<T>(code: RemoteFailureCode, reason: string): RemoteVerdict<T> {
  return { ok: false, code, reason };
}
