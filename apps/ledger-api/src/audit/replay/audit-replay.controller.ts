import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type EventStore, type RecordedEvent, isStreamName } from '@ledger/event-store';
import type Database from 'better-sqlite3';
import { Roles } from '../../access/access.decorators';
import { EdgeError } from '../../http/edge-error';
import { EMBEDDED_DATABASE, EVENT_STORE } from '../../store/event-store.module';
import { logPageSizeMax, logScanPositionsMax, streamPageSizeMax } from '../audit-limits';
import { beyondTree, invalidField, LogQuery, momentOf, pageSize, StreamAsOfQuery } from '../audit-queries';
import { type AuditEnvelope, envelopeOf } from '../envelope';
import { TransparencyLog } from '../transparency-log';
import { readLogRows } from './log-rows';

/** The signed checkpoint an answer can be checked against: its tree covers every position shown. */
export interface CoveringCheckpoint {
  readonly size: number;
  readonly note: string;
}

export interface StreamAsOfAnswer {
  readonly stream: string;
  /** The moment asked for (normalised to UTC), null when a position was asked for or none. */
  readonly asOf: string | null;
  /** The log prefix shown: the last position recorded at or before the moment. */
  readonly asOfPosition: number;
  /** When the event at that position was recorded; null for position 0. */
  readonly asOfRecordedAt: string | null;
  readonly events: readonly AuditEnvelope[];
  /** The revision to ask for next (`fromRevision`), null when the stream (as of then) is complete. */
  readonly nextRevision: number | null;
  readonly checkpoint: CoveringCheckpoint;
}

export interface LogAnswer {
  readonly from: number;
  readonly to: number;
  readonly region: string | null;
  readonly type: string | null;
  readonly events: readonly AuditEnvelope[];
  /** The position to ask for next (`from`), null when the range is done. */
  readonly next: number | null;
  readonly checkpoint: CoveringCheckpoint;
}

/**
 * Replay for inspectors: a stream as the ledger knew it at any past moment, and the global log
 * filtered by region and type, each with the signed checkpoint that covers it. The whole log is
 * public through /v1/audit/entries, so no region is withheld here; the role keeps these
 * convenience reads (and their SQL scans) to inspectors.
 */
@ApiTags('audit')
@Roles('inspector')
@Controller('v1/audit')
export class AuditReplayController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EMBEDDED_DATABASE) private readonly db: Database.Database,
    private readonly log: TransparencyLog,
  ) {}

  @Get('streams/:stream')
  async stream(@Param('stream') stream: string, @Query() query: StreamAsOfQuery): Promise<StreamAsOfAnswer> {
    if (!isStreamName(stream)) throw invalidField('stream', 'STREAM.INVALID', 'stream must be a stream name, e.g. project-p-2019-01');
    if (query.asOf !== undefined && query.asOfPosition !== undefined) {
      throw invalidField('asOfPosition', 'AS_OF.AMBIGUOUS', 'give asOf or asOfPosition, not both');
    }
    const limit = pageSize(query.limit, streamPageSizeMax);
    const moment = query.asOf === undefined ? undefined : momentOf(query.asOf);
    const position = await this.asOfPosition(moment, query.asOfPosition);
    if ((await this.store.streamRevision(stream)) === 'no_stream') {
      throw new EdgeError('AUDIT.STREAM_NOT_FOUND', `no event was ever recorded on ${stream}`);
    }
    const events: RecordedEvent[] = [];
    const fromRevision = BigInt(query.fromRevision ?? '0');
    for await (const event of this.store.readStream(stream, { fromRevision, asOfPosition: position, maxCount: limit + 1 })) events.push(event);
    const shown = events.slice(0, limit);
    return {
      stream,
      asOf: moment?.toISOString() ?? null,
      asOfPosition: Number(position),
      asOfRecordedAt: (await this.recordedAt(position))?.toISOString() ?? null,
      events: shown.map(envelopeOf),
      nextRevision: events.length > limit ? Number(events[limit]!.revision) : null,
      checkpoint: this.covering(position),
    };
  }

  @Get('log')
  async globalLog(@Query() query: LogQuery): Promise<LogAnswer> {
    const limit = pageSize(query.limit, logPageSizeMax);
    const head = await this.store.headPosition();
    const from = BigInt(query.from ?? '1');
    if (from === 0n) throw invalidField('from', 'RANGE.INVALID', 'positions start at 1');
    const to = query.to === undefined ? head : BigInt(query.to);
    if (query.to !== undefined && to < from) throw invalidField('to', 'RANGE.INVALID', 'to must not be less than from');
    if (from > head) throw beyondTree('from', from, head);
    const last = to < head ? to : head;
    const scanEnd = last - from + 1n > BigInt(logScanPositionsMax) ? from + BigInt(logScanPositionsMax) - 1n : last;
    const events = readLogRows(this.db, { from, to: scanEnd, region: query.region, type: query.type, limit });
    const full = events.length === limit;
    const resume = full ? BigInt(events[limit - 1]!.position) + 1n : scanEnd + 1n;
    return {
      from: Number(from),
      to: Number(last),
      region: query.region ?? null,
      type: query.type ?? null,
      events,
      next: resume <= last ? Number(resume) : null,
      checkpoint: this.covering(full ? resume - 1n : scanEnd),
    };
  }

  private async asOfPosition(moment: Date | undefined, position: string | undefined): Promise<bigint> {
    if (moment !== undefined) return this.store.positionAt(moment);
    const head = await this.store.headPosition();
    if (position === undefined) return head;
    const asked = BigInt(position);
    if (asked > head) throw beyondTree('asOfPosition', asked, head);
    return asked;
  }

  private async recordedAt(position: bigint): Promise<Date | undefined> {
    if (position === 0n) return undefined;
    for await (const event of this.store.readAll({ fromPosition: position, maxCount: 1 })) return event.recordedAt;
    return undefined;
  }

  private covering(position: bigint): CoveringCheckpoint {
    const checkpoint = this.log.covering(position);
    return { size: Number(checkpoint.size), note: checkpoint.note };
  }
}
