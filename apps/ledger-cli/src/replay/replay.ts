import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLocalRules } from '@ledger/domain';
import { type EventStore, SqliteEventStore, sqliteFileName } from '@ledger/event-store';
import { type Metrics, type MetricsFilter, ProjectionRunner, SqliteReadModel, metricsProjection, queryMetricsAsOf } from '@ledger/projections';
import { CannotCheck } from '../command-options';

/** Counties replayed at most when no region is given: a provincial ledger has ≈ 200; past this, name one. */
export const replayCountiesMax = 500;

export interface ReplayOptions {
  readonly dataDir: string;
  readonly asOf: Date;
  /** Without a region: every county that has figures by then. */
  readonly filter: Omit<MetricsFilter, 'region'> & { readonly region?: string };
}

export interface ReplayAnswer {
  /** The moment asked for, in UTC. */
  readonly asOf: string;
  /** The log prefix the figures reflect: the last position recorded at or before the moment. */
  readonly asOfPosition: number;
  /** When the event at that position was recorded (null before the first event). */
  readonly asOfRecordedAt: string | null;
  readonly metrics: readonly Metrics[];
}

/**
 * The metrics as the ledger knew them at a moment of recording time: the moment becomes a log
 * position (`positionAt`), and the metrics projection is replayed from the log up to that position
 * into a throwaway in-memory read model, then summed as of it (`queryMetricsAsOf`). Independent of
 * the ledger's own read models, so it answers the same whatever state they are in. It only reads
 * events at or before the position, which never change, so it needs no lock and may run beside a
 * running ledger.
 */
export async function replayMetrics(options: ReplayOptions): Promise<ReplayAnswer> {
  const file = join(options.dataDir, sqliteFileName);
  if (!existsSync(file)) throw new CannotCheck(`no ledger in ${options.dataDir} (${sqliteFileName} is missing)`);
  const store = new SqliteEventStore({ filename: file });
  const readModel = SqliteReadModel.open(':memory:');
  try {
    const position = await store.positionAt(options.asOf);
    const runner = new ProjectionRunner({ store: prefixOf(store, position), readModel, projections: [metricsProjection(defaultLocalRules)] });
    await runner.install();
    await runner.catchUp();
    const regions = options.filter.region === undefined ? await countiesOf(readModel, position) : [options.filter.region];
    const metrics: Metrics[] = [];
    for (const region of regions) metrics.push(await queryMetricsAsOf(readModel.db, position, { ...options.filter, region }));
    return {
      asOf: options.asOf.toISOString(),
      asOfPosition: Number(position),
      asOfRecordedAt: (await recordedAtOf(store, position))?.toISOString() ?? null,
      metrics,
    };
  } finally {
    await readModel.close();
    await store.close();
  }
}

async function countiesOf(readModel: SqliteReadModel, position: bigint): Promise<string[]> {
  const rows = await readModel.db
    .selectFrom('metrics_facts')
    .select('county')
    .distinct()
    .where('position', '<=', position)
    .orderBy('county')
    .limit(replayCountiesMax + 1)
    .execute();
  if (rows.length > replayCountiesMax) throw new CannotCheck(`more than ${replayCountiesMax} counties have figures: give --region`);
  return rows.map((row) => row.county);
}

async function recordedAtOf(store: EventStore, position: bigint): Promise<Date | undefined> {
  if (position === 0n) return undefined;
  for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) return event.recordedAt;
  return undefined;
}

/** The store as it was at `position`: reads stop there and its head is there; it takes no writes. */
function prefixOf(store: EventStore, position: bigint): EventStore {
  const bound = (asked: bigint | undefined): bigint => (asked === undefined || asked > position ? position : asked);
  return {
    kind: store.kind,
    append: () => Promise.reject(new Error('a replay never appends')),
    readStream: (stream, options = {}) => store.readStream(stream, { ...options, asOfPosition: bound(options.asOfPosition) }),
    readAll: (options = {}) => store.readAll({ ...options, asOfPosition: bound(options.asOfPosition) }),
    subscribeToAll: () => {
      throw new Error('a replay reads a fixed prefix of the log; it does not subscribe');
    },
    positionAt: async (moment) => bound(await store.positionAt(moment)),
    headPosition: async () => position,
    streamRevision: (stream) => store.streamRevision(stream),
    close: () => store.close(),
  };
}
