import { Inject, Injectable } from '@nestjs/common';
import { readEntries } from '@ledger/audit';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { EdgeError } from '../../http/edge-error';
import { EVENT_STORE } from '../../store/event-store.module';
import { proofBundleEventsMax } from '../audit-limits';
import { TransparencyLog } from '../transparency-log';

/** How to check a bundle with nothing but the bundle and the log's pinned verifier key. */
export const proofBundleMethod =
  'Verify checkpoint.note (C2SP signed note, Ed25519) with the verifier key you pinned for the log; its second line is the tree size N, ' +
  'its third the base64 root hash. For each event: leafHash = SHA-256(0x00 || base64-decode(leaf)); fold proof into leafHash as RFC 9162 ' +
  '§2.1.3.2 describes, for leaf index `index` in a tree of size N; the result must equal the root hash. The leaf is the event\'s ' +
  'RFC 8785 canonical JSON: its recordedAt is when the ledger recorded it, the dates inside data are business dates.';

/** Every event of some streams, each with its inclusion proof in one signed checkpoint. */
export interface ProvenEvents {
  /** The streams whose every event (up to the checkpoint) is proven. */
  readonly streams: readonly string[];
  readonly checkpoint: { readonly size: number; readonly note: string; readonly keyId: string };
  readonly events: ReadonlyArray<{
    readonly index: number;
    readonly stream: string;
    readonly revision: number;
    readonly type: string;
    /** Base64 of the canonical bytes the leaf hash covers. */
    readonly leaf: string;
    /** Inclusion proof of `index` in the checkpoint's tree, bottom-up, base64. */
    readonly proof: readonly string[];
  }>;
  readonly method: string;
}

@Injectable()
export class ProofBundles {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: TransparencyLog,
  ) {}

  /**
   * Proves every event of `streams` recorded up to `size` (the log's whole prefix when omitted)
   * against a checkpoint of exactly `size` (else the latest). Past `proofBundleEventsMax` events
   * the bundle is refused, never cut: a cut bundle would prove less than it claims.
   */
  async prove(streams: readonly string[], size?: bigint): Promise<ProvenEvents> {
    const events: RecordedEvent[] = [];
    for (const stream of streams) {
      for (const event of await this.eventsOf(stream)) if (size === undefined || event.position <= size) events.push(event);
      if (events.length > proofBundleEventsMax) {
        const message = `the bundle would hold more than ${proofBundleEventsMax} events; ask for one fiscal year, a township or a village`;
        throw new EdgeError('VALIDATION.FAILED', message, { errors: [{ field: 'fiscalYear', rule: 'PROOF_BUNDLE.TOO_LARGE', message }] });
      }
    }
    events.sort((a, b) => (a.position < b.position ? -1 : 1));
    const checkpoint = size === undefined ? this.log.covering(events.at(-1)?.position ?? 0n) : this.log.checkpoints.ofSize(size);
    return {
      streams,
      checkpoint: { size: Number(checkpoint.size), note: checkpoint.note, keyId: checkpoint.keyId },
      events: events.map((event) => {
        const index = event.position - 1n;
        const [entry] = readEntries(this.log.db, index, index);
        return {
          index: Number(index),
          stream: event.stream,
          revision: Number(event.revision),
          type: event.type,
          leaf: Buffer.from(entry!.canonical, 'utf8').toString('base64'),
          proof: this.log.tree.inclusionProof(index, checkpoint.size).map((hash) => hash.toString('base64')),
        };
      }),
      method: proofBundleMethod,
    };
  }

  async eventsOf(stream: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(stream, { maxCount: proofBundleEventsMax + 1 })) events.push(event);
    return events;
  }
}
