import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError, type NoticeSubject, streams } from '@ledger/domain';
import { readEntries } from '@ledger/audit';
import { type EventStore, type RecordedEvent, isStreamName } from '@ledger/event-store';
import { Public } from '../../access/access.decorators';
import { SubjectNotFoundInPath } from '../../http/subject-in-path';
import { EVENT_STORE } from '../../store/event-store.module';
import { proofBundleEventsMax } from '../audit-limits';
import { invalidField } from '../audit-queries';
import { TransparencyLog } from '../transparency-log';

/** How to check a bundle with nothing but the bundle and the log's pinned verifier key. */
export const proofBundleMethod =
  'Verify checkpoint.note (C2SP signed note, Ed25519) with the verifier key you pinned for the log; its second line is the tree size N, ' +
  'its third the base64 root hash. For each event: leafHash = SHA-256(0x00 || base64-decode(leaf)); fold proof into leafHash as RFC 9162 ' +
  '§2.1.3.2 describes, for leaf index `index` in a tree of size N; the result must equal the root hash. The leaf is the event\'s ' +
  'RFC 8785 canonical JSON: its recordedAt is when the ledger recorded it, the dates inside data are business dates.';

export interface ProofBundle {
  readonly noticeId: string;
  readonly subject: NoticeSubject;
  /** The streams whose every event is proven: the notice's, and its project's when it discloses one. */
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

/**
 * Everything needed to check published figures offline: the latest checkpoint and, for every
 * event behind a notice (the notice's own stream, and the project it discloses), the event's
 * canonical bytes and its inclusion proof against that checkpoint. Public, as the notice is.
 */
@ApiTags('audit')
@Public()
@Controller('v1/audit/proof-bundles')
export class ProofBundleController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: TransparencyLog,
  ) {}

  @Get('notices/:noticeId')
  async notice(@Param('noticeId') noticeId: string): Promise<ProofBundle> {
    const noticeStream = streams.notice(noticeId);
    if (!isStreamName(noticeStream)) throw invalidField('noticeId', 'FIELD.REQUIRED', 'noticeId must be a notice id');
    const noticeEvents = await this.eventsOf(noticeStream);
    const published = noticeEvents.find((event) => event.type === 'NoticePublished');
    if (published === undefined) {
      throw new SubjectNotFoundInPath(new DomainError('NOTICE.NOT_FOUND', `no notice ${noticeId} was published`, { noticeId }));
    }
    const subject = (published.data as { subject: NoticeSubject }).subject;
    const projectStream = subject.kind === 'project' || subject.kind === 'beneficiaries' ? streams.project(subject.projectId) : undefined;
    const events = [...noticeEvents, ...(projectStream === undefined ? [] : await this.eventsOf(projectStream))];
    events.sort((a, b) => (a.position < b.position ? -1 : 1));
    if (events.length > proofBundleEventsMax) throw new Error(`notice ${noticeId} rests on ${events.length} events, more than a bundle holds (${proofBundleEventsMax})`);
    const checkpoint = this.log.covering(events[events.length - 1]!.position);
    return {
      noticeId,
      subject,
      streams: projectStream === undefined ? [noticeStream] : [noticeStream, projectStream],
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

  private async eventsOf(stream: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(stream, { maxCount: proofBundleEventsMax + 1 })) events.push(event);
    return events;
  }
}
