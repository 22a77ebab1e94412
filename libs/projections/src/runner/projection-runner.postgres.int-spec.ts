import type { RecordedEvent } from '@ledger/event-store';
import { postgresAvailability, startThrowawayCluster, type ThrowawayCluster } from '../../../../tests/support/postgres/throwaway-cluster';
import { dumpAll, embeddedLedger, removeTempDirs, type EmbeddedLedger } from '../../testing/embedded-ledger';
import { failOnce } from '../../testing/faults';
import { describeMetricsSpecs } from '../../testing/metrics-specs';
import { describeProjectsSpecs } from '../../testing/projects-specs';
import { describeDisclosureSpecs } from '../../testing/disclosure-specs';
import { describeTraceSpecs } from '../../testing/trace-specs';
import { countyYearScenario } from '../../testing/scenario';
import { appendLedgerEvents } from '../../testing/store-events';
import { queryMetrics, type MetricsFilter } from '../metrics/metrics.queries';
import { readProjections } from '../projections';
import { PostgresReadModel } from '../read-model/postgres-read-model';
import { ProjectionRunner } from './projection-runner';

/** Every projection's checkpoint at `position`, in their order. */
const everyProjectionAt = (position: bigint): bigint[] => readProjections().map(() => position);

/**
 * The projections against a real PostgreSQL server: a throwaway cluster started from the local
 * server binaries (tests/support/postgres). The same specs as on SQLite, the runner in
 * subscription mode fed by a real SqliteEventStore, and tables compared row for row with the
 * embedded read model built inline from the same events.
 */
const availability = postgresAvailability();
if (!availability.available) console.warn(`PostgreSQL integration tests SKIPPED: ${availability.reason}`);
const describePostgres = availability.available ? describe : describe.skip;
const title = availability.available ? 'projections on PostgreSQL' : `projections on PostgreSQL (skipped: ${availability.reason})`;

describePostgres(title, () => {
  let cluster: ThrowawayCluster;
  let databases = 0;
  const openPostgres = async () => PostgresReadModel.open(await cluster.createDatabase(`projections_${++databases}`), { poolSizeMax: 4 });

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  describeMetricsSpecs('PostgreSQL', openPostgres);
  describeProjectsSpecs('PostgreSQL', openPostgres);
  describeDisclosureSpecs('PostgreSQL', openPostgres);
  describeTraceSpecs('PostgreSQL', openPostgres);

  describe('the runner in subscription mode, fed by a real SqliteEventStore', () => {
    const scenario = countyYearScenario();
    let source: EmbeddedLedger;
    let reference: Record<string, string[]>;
    let postgres: PostgresReadModel;
    let runner: ProjectionRunner;

    beforeAll(async () => {
      source = await embeddedLedger();
      postgres = await openPostgres();
      runner = new ProjectionRunner({ store: source.store, readModel: postgres, projections: readProjections(), pageSizeMax: 16 });
      await runner.install();
      runner.start();
      await appendLedgerEvents(source.store, scenario, 3);
      await runner.waitForPosition(BigInt(scenario.length));
      reference = await dumpAll(source.readModel);
    });
    afterAll(async () => {
      await runner.stop();
      await postgres.close();
      await source.close();
      removeTempDirs();
    });

    it('builds tables identical, row for row, to the embedded ones built inline', async () => {
      expect(await dumpAll(postgres)).toEqual(reference);
    });

    it('answers the same metrics as SQLite', async () => {
      const filters: MetricsFilter[] = [
        { region: '513336' },
        { region: '513336', fiscalYear: 2024, until: '2024-06-30' },
        { region: '513336100', fundType: 'special' },
        { region: '513336', sourceLevel: 'provincial' },
      ];
      for (const filter of filters) expect(await queryMetrics(postgres.db, filter)).toEqual(await queryMetrics(source.readModel.db, filter));
    });

    it('follows later appends', async () => {
      await appendLedgerEvents(source.store, [{ type: 'ProjectStarted', data: { projectId: 'p-3', startedOn: '2024-12-01' } }]);
      await runner.waitForPosition(BigInt(scenario.length + 1));
      expect((await queryMetrics(postgres.db, { region: '513336' })).projects.started).toBe(3);
      reference = await dumpAll(source.readModel);
      expect(await dumpAll(postgres)).toEqual(reference);
    });

    it('rebuilds from position 0 into byte-identical tables', async () => {
      const report = await runner.rebuild();
      expect(report.position).toBe(BigInt(scenario.length + 1));
      expect(await dumpAll(postgres)).toEqual(reference);
    });

    it('survives a crash between a page’s rows and its checkpoint: rolled back, reapplied once', async () => {
      const other = await openPostgres();
      const crashing = new ProjectionRunner({ store: source.store, readModel: other, projections: readProjections(), pageSizeMax: 10, faults: failOnce('journal', 30n) });
      await crashing.install();
      await expect(crashing.catchUp()).rejects.toThrow(/simulated crash/);
      expect((await crashing.status()).map((s) => s.checkpoint)).toEqual(everyProjectionAt(20n));
      await crashing.catchUp();
      expect(await dumpAll(other)).toEqual(reference);
      await other.close();
    });

    it('lets two writers (two app instances) take turns on one database without trusting stale caches', async () => {
      const url = await cluster.createDatabase('two_writers');
      const [first, second] = [PostgresReadModel.open(url, { poolSizeMax: 2 }), PostgresReadModel.open(url, { poolSizeMax: 2 })];
      const projections = readProjections();
      await first.install(projections);
      const events: RecordedEvent[] = [];
      for await (const event of source.store.readAll()) events.push(event);
      for (let start = 0, turn = 0; start < events.length; start += 7, turn++) {
        await (turn % 2 === 0 ? first : second).applyPage(projections, events.slice(start, start + 7), { ignoredTypes: new Set() });
      }
      expect(await dumpAll(first)).toEqual(reference);
      await first.close();
      await second.close();
    });
  });
});
