import { type OnAppend, StoreError } from '@ledger/event-store';

/** Who holds the gate: the principal of an import and the row-key prefix of its files. */
interface Holder {
  readonly principalId: string;
  readonly keyPrefixes: readonly string[];
}

/**
 * Makes an import the ledger's only writer while it posts. Its rows were decided against the log
 * as it stood; another command appended in between could change a stream the import writes, and
 * the import would then stop halfway with a revision conflict. While the gate is held, an append
 * hook refuses every append that is not the import's own with STORE.REVISION_CONFLICT: the
 * command's executor retries it (three times), then answers 409, which a client may retry with
 * the same key. Posting 10,000 rows takes a few seconds (one append per batch of rows).
 */
export class WriteGate {
  private holder: Holder | undefined;

  hold(holder: Holder): void {
    if (this.holder !== undefined) throw new Error(`the write gate is already held by an import of ${this.holder.principalId}`);
    this.holder = holder;
  }

  release(): void {
    this.holder = undefined;
  }

  get held(): boolean {
    return this.holder !== undefined;
  }

  readonly appendHook: OnAppend = (_db, recorded) => {
    const holder = this.holder;
    if (holder === undefined) return;
    const own = recorded.every(
      ({ metadata }) =>
        metadata.actor === holder.principalId && holder.keyPrefixes.some((prefix) => metadata.idempotencyKey?.startsWith(prefix) === true),
    );
    if (!own) {
      throw new StoreError('STORE.REVISION_CONFLICT', 'an import is posting; the ledger takes other writes again when it is done: retry shortly', {
        stream: recorded[0]?.stream ?? '',
      });
    }
  };
}
