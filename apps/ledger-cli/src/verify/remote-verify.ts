import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Checkpoint, parseVerifierKey, verifyCheckpointExtends, verifyCheckpointNote } from '@ledger/audit';
import { CannotCheck } from '../command-options';

/** How long one request to the ledger may take before the check gives up (exit 3, try again). */
export const remoteRequestTimeoutMs = 10_000;

/**
 * What a client remembers between visits: the last checkpoint it verified, as the signed note
 * itself, so that a rewritten log leaves evidence (two notes signed by one key that no
 * consistency proof joins).
 */
export interface VerifyState {
  readonly verifierKey: string;
  readonly size: string;
  readonly rootHash: string;
  readonly note: string;
  readonly verifiedAt: string;
}

export interface RemoteVerifyOptions {
  readonly url: string;
  readonly verifierKey: string;
  /** Default `~/.ledger-verify/<origin>.json` (the origin URL-encoded). */
  readonly statePath?: string;
  readonly now?: () => Date;
}

export type RemoteOutcome =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly previous: Checkpoint | undefined; readonly statePath: string }
  | { readonly ok: false; readonly code: string; readonly reason: string; readonly trustedNote?: string; readonly servedNote?: string };

export function defaultStatePath(origin: string): string {
  return join(homedir(), '.ledger-verify', `${encodeURIComponent(origin)}.json`);
}

/**
 * One visit of a ledger from outside, with its verifier key pinned: the latest checkpoint must be
 * signed by that key, and extend the last checkpoint this client verified (a consistency proof
 * from its size, RFC 9162 §2.1.4); only then is it remembered. The first visit trusts what it
 * sees (trust on first use): pin the key and keep the state file from then on.
 */
export async function verifyRemote(options: RemoteVerifyOptions): Promise<RemoteOutcome> {
  const key = parseVerifierKey(options.verifierKey);
  if (!key.ok) return { ok: false, code: 'AUDIT.VERIFIER_KEY_INVALID', reason: key.reason };
  const statePath = options.statePath ?? defaultStatePath(key.value.name);
  const state = readState(statePath, options.verifierKey);
  const note = await fetchText(`${options.url}/v1/audit/checkpoint`);
  const next = verifyCheckpointNote(note, options.verifierKey);
  if (!next.ok) return { ok: false, code: next.code, reason: next.reason, servedNote: note };
  let previous: Checkpoint | undefined;
  if (state !== undefined) {
    const trusted = verifyCheckpointNote(state.note, options.verifierKey);
    if (!trusted.ok) throw new CannotCheck(`the state file ${statePath} holds a note the key does not verify: ${trusted.reason}`);
    previous = trusted.value;
    const extended = verifyCheckpointExtends(trusted.value, next.value, await consistencyProof(options.url, trusted.value, next.value));
    if (!extended.ok) return { ok: false, code: extended.code, reason: extended.reason, trustedNote: state.note, servedNote: note };
  }
  writeState(statePath, {
    verifierKey: options.verifierKey,
    size: next.value.size.toString(),
    rootHash: next.value.rootHash.toString('base64'),
    note,
    verifiedAt: (options.now ?? (() => new Date()))().toISOString(),
  });
  return { ok: true, checkpoint: next.value, previous, statePath };
}

/** The proof from the trusted size to the served one; none is needed from the empty tree, or to a smaller one (refused as rolled back). */
async function consistencyProof(url: string, trusted: Checkpoint, next: Checkpoint): Promise<Buffer[]> {
  if (trusted.size === 0n || next.size <= trusted.size) return [];
  const text = await fetchText(`${url}/v1/audit/proofs/consistency?from=${trusted.size}&to=${next.size}`);
  const body = JSON.parse(text) as { proof?: unknown };
  if (!Array.isArray(body.proof) || !body.proof.every((hash) => typeof hash === 'string')) throw new CannotCheck(`${url} answered a consistency proof without a proof`);
  return (body.proof as string[]).map((hash) => Buffer.from(hash, 'base64'));
}

async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(remoteRequestTimeoutMs) });
  } catch (error: unknown) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new CannotCheck(`cannot reach ${url}: ${cause}`);
  }
  const text = await response.text();
  if (!response.ok) throw new CannotCheck(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

function readState(path: string, verifierKey: string): VerifyState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const state = JSON.parse(text) as VerifyState;
  if (typeof state.note !== 'string') throw new CannotCheck(`${path} is not a verify state file`);
  if (state.verifierKey !== verifierKey) throw new CannotCheck(`${path} remembers checkpoints of another key (${state.verifierKey}); give another --state`);
  return state;
}

/** Written whole then renamed: a crash leaves the old state or the new one, never half of one. */
function writeState(path: string, state: VerifyState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, path);
}
