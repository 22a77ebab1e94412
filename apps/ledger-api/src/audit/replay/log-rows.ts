import type { EventMetadata, JsonValue } from '@ledger/event-store';
import type Database from 'better-sqlite3';
import type { AuditEnvelope } from '../envelope';

export interface LogFilter {
  /** First and last position scanned, both inclusive. */
  readonly from: bigint;
  readonly to: bigint;
  /** Prefix of metadata.regionCode. */
  readonly region?: string;
  readonly type?: string;
  readonly limit: number;
}

interface LogRow {
  readonly position: bigint;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schemaVersion: bigint;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly recordedAt: string;
}

/**
 * The events of a position range that match the filters, read straight from the embedded store's
 * `events` table: the filters run in SQL (the region on `json_extract(metadata)`), so a rare match
 * costs a scan of the range, not the parsing of every event in it. The range is bounded by the caller.
 */
export function readLogRows(db: Database.Database, filter: LogFilter): AuditEnvelope[] {
  const conditions = ['position BETWEEN @from AND @to'];
  if (filter.type !== undefined) conditions.push('type = @type');
  if (filter.region !== undefined) conditions.push("substr(json_extract(metadata, '$.regionCode'), 1, @regionLength) = @region");
  const rows = db
    .prepare(
      `SELECT position, event_id AS eventId, stream, revision, type, schema_version AS schemaVersion,
              data AS dataJson, metadata AS metadataJson, recorded_at AS recordedAt
       FROM events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT @limit`,
    )
    .safeIntegers()
    .all({
      from: filter.from,
      to: filter.to,
      limit: filter.limit,
      ...(filter.type === undefined ? {} : { type: filter.type }),
      ...(filter.region === undefined ? {} : { region: filter.region, regionLength: filter.region.length }),
    }) as LogRow[];
  return rows.map((row) => ({
    position: Number(row.position),
    eventId: row.eventId,
    stream: row.stream,
    revision: Number(row.revision),
    type: row.type,
    schemaVersion: Number(row.schemaVersion),
    recordedAt: row.recordedAt,
    data: JSON.parse(row.dataJson) as JsonValue,
    metadata: JSON.parse(row.metadataJson) as EventMetadata,
  }));
}
