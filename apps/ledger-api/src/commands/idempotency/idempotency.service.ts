import type { OnAppend } from '@ledger/event-store';
import { EdgeError } from '../../http/edge-error';
import { answerFor as commandAnswerFor } from '../command-executor';
import type { IdempotencyRecords, StoredAnswer } from './idempotency-records';

/** One request that holds its key: the hash of what was asked, and the id its answer will name. */
interface InFlight {
  readonly requestHash: string;
  answerId?: string;
  /** Settles when the request has its final answer (recorded or not). */
  readonly done: Promise<void>;
}

/**
 * The `Idempotency-Key` contract (IETF httpapi draft): keys are scoped to the principal; the same
 * key with the same request returns the first final answer again and appends nothing; a request
 * arriving while the first is in flight waits for it; the same key with another request is
 * IDEMPOTENCY.KEY_REUSED. Answers that appended events are recorded inside the append transaction
 * (`appendHook`), so no crash can separate the two; refusals (4xx) are recorded right after.
 */
export class IdempotencyService {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(private readonly records: IdempotencyRecords) {}

  /**
   * Runs `work` at most once per principal and key. `work` answers a 201 body or throws; `finalAnswerOf`
   * says whether a thrown error is a final answer to record (4xx) and how it reads.
   */
  async run(
    principalId: string,
    key: string,
    requestHash: string,
    work: () => Promise<unknown>,
    finalAnswerOf: (error: unknown) => StoredAnswer | undefined,
  ): Promise<StoredAnswer> {
    const scope = scopeOf(principalId, key);
    // A loop, not an if: after the first request ends, a third may have taken the key in between.
    for (let pending = this.inFlight.get(scope); pending; pending = this.inFlight.get(scope)) await pending.done;
    const recorded = this.records.find(principalId, key);
    if (recorded) {
      if (recorded.requestHash !== requestHash) throw keyReused(key);
      return recorded;
    }
    // Nothing awaits between the look-up above and taking the key here, so two waiters that wake
    // together cannot both take it.
    let release!: () => void;
    const entry: InFlight = { requestHash, done: new Promise<void>((resolve) => (release = resolve)) };
    this.inFlight.set(scope, entry);
    try {
      return await this.execute(principalId, key, entry, work, finalAnswerOf);
    } finally {
      this.inFlight.delete(scope);
      release();
    }
  }

  /** Names the id of the answer that the request in flight under this key is about to append. */
  expectAnswer(principalId: string, key: string, answerId: string): void {
    const entry = this.inFlight.get(scopeOf(principalId, key));
    if (entry) entry.answerId = answerId;
  }

  /** Records the answer of a request whose events are being appended, in the same transaction. */
  readonly appendHook: OnAppend = (_db, recorded) => {
    const byScope = new Map<string, typeof recorded>();
    for (const event of recorded) {
      const { actor, idempotencyKey } = event.metadata;
      if (actor === undefined || idempotencyKey === undefined) continue;
      const scope = scopeOf(actor, idempotencyKey);
      byScope.set(scope, [...(byScope.get(scope) ?? []), event]);
    }
    for (const [scope, events] of byScope) {
      const entry = this.inFlight.get(scope);
      if (!entry?.answerId) continue;
      const [principalId, key] = splitScope(scope);
      const lastPosition = events.reduce((max, e) => (e.position > max ? e.position : max), 0n);
      const body = commandAnswerFor(entry.answerId, { events, lastPosition });
      this.records.save(principalId, key, { requestHash: entry.requestHash, status: 201, body });
    }
  };

  private async execute(
    principalId: string,
    key: string,
    entry: InFlight,
    work: () => Promise<unknown>,
    finalAnswerOf: (error: unknown) => StoredAnswer | undefined,
  ): Promise<StoredAnswer> {
    try {
      const body = await work();
      // A no-op append (every event already stored) runs no hook: record the answer here instead.
      this.records.save(principalId, key, { requestHash: entry.requestHash, status: 201, body });
      return { status: 201, body };
    } catch (error) {
      const answer = finalAnswerOf(error);
      if (answer) this.records.save(principalId, key, { requestHash: entry.requestHash, ...answer });
      throw error;
    }
  }
}

/** A key a client chose is opaque text; the NUL byte cannot appear in a principal id or an HTTP header. */
const scopeSeparator = '\u0000';

function scopeOf(principalId: string, key: string): string {
  return `${principalId}${scopeSeparator}${key}`;
}

function splitScope(scope: string): [string, string] {
  const at = scope.indexOf(scopeSeparator);
  return [scope.slice(0, at), scope.slice(at + 1)];
}

function keyReused(key: string): EdgeError {
  return new EdgeError('IDEMPOTENCY.KEY_REUSED', `Idempotency-Key ${JSON.stringify(key)} was already used for a different request`);
}
