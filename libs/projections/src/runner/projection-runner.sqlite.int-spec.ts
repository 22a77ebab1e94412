import { join } from 'node:path';
import { InvariantViolation } from '@ledger/domain';
import { newEventId } from '@ledger/event-store';
import { dumpAll, embeddedLedger, removeTempDirs, tempDir, type EmbeddedLedger } from '../../testing/embedded-ledger';
import { failOnce } from '../../testing/faults';
import * as e from '../../testing/ledger-events';
import { countyYearScenario } from '../../testing/scenario';
import { appendLedgerEvents } from '../../testing/store-events';
import { queryMetrics } from '../metrics/metrics.queries';
import { readProjections } from '../projections';
import { SqliteReadModel } from '../read-model/sqlite-read-model';
import { ProjectionRunner, type ProjectionProgress } from './projection-runner';
import { rebuildAll } from './start';

/** Every projection's checkpoint at `position`, in their order. */
const everyProjectionAt = (position: bigint): bigint[] => readProjections().map(() => position);

const scenario = countyYearScenario();

describe('projections inline in the embedded store (a real SqliteEventStore)', () => {
  let ledger: EmbeddedLedger;
  let reference: Record<string, string[]>;

  beforeAll(async () => {
    ledger = await embeddedLedger();
    await appendLedgerEvents(ledger.store, scenario);
    reference = await dumpAll(ledger.readModel);
  });
  afterAll(async () => {
    await ledger.close();
    removeTempDirs();
  });

  it('applies every append in its own transaction: an answered append is readable at once', async () => {
    const fresh = await embeddedLedger();
    await appendLedgerEvents(fresh.store, [e.allocated('a', '100.00'), e.received('a', 'rc', '60.00')]);
    // No await on the runner: the rows committed with the events.
    expect((await queryMetrics(fresh.readModel.db, { region: '513336' })).amounts.received).toBe('60.00');
    expect((await fresh.runner.status()).map((s) => s.checkpoint)).toEqual(everyProjectionAt(2n));
    await fresh.close();
  });

  it('keeps every checkpoint at the head', async () => {
    const head = await ledger.store.headPosition();
    expect(head).toBe(BigInt(scenario.length));
    expect((await ledger.runner.status()).every((s) => s.checkpoint === head)).toBe(true);
  });

  it('rebuilds from position 0 into byte-identical tables, reporting progress', async () => {
    const progress: ProjectionProgress[] = [];
    const report = await ledger.runner.rebuild(undefined, (p) => progress.push(p));
    expect(await dumpAll(ledger.readModel)).toEqual(reference);
    expect(report).toMatchObject({ projections: readProjections().map((p) => p.name), events: scenario.length, position: BigInt(scenario.length) });
    expect(progress[progress.length - 1]).toMatchObject({ position: BigInt(scenario.length), head: BigInt(scenario.length), events: scenario.length });
  });

  it('rebuilds one projection alone', async () => {
    await ledger.runner.rebuild('metrics');
    expect(await dumpAll(ledger.readModel)).toEqual(reference);
  });

  it('builds the same tables by catch-up into another file (rebuildAll) as inline', async () => {
    const other = SqliteReadModel.open(join(tempDir(), 'read.sqlite'));
    const report = await rebuildAll(ledger.store, other, readProjections());
    expect(report.events).toBe(scenario.length);
    expect(await dumpAll(other)).toEqual(reference);
    await other.close();
  });

  it('survives a crash between a page’s rows and its checkpoint: rolled back, reapplied once', async () => {
    const other = SqliteReadModel.open(join(tempDir(), 'read.sqlite'));
    const runner = new ProjectionRunner({ store: ledger.store, readModel: other, projections: readProjections(), pageSizeMax: 10, faults: failOnce('metrics', 20n) });
    await runner.install();
    await expect(runner.catchUp()).rejects.toThrow(/simulated crash/);
    // The page 11–20 rolled back whole: every projection is still at 10, nothing of 11–20 is in its tables.
    expect((await runner.status()).map((s) => s.checkpoint)).toEqual(everyProjectionAt(10n));
    const facts = (await dumpAll(other)).metrics_facts!;
    expect(facts.every((line) => BigInt(JSON.parse(line)[0] as string) <= 10n)).toBe(true);
    await runner.catchUp();
    expect(await dumpAll(other)).toEqual(reference);
    await other.close();
  });

  it('refuses the append when a projection fails inside it, and the retried append projects once', async () => {
    const failing = await embeddedLedger({ faults: failOnce('projects', 5n) });
    await appendLedgerEvents(failing.store, scenario.slice(0, 4));
    await expect(appendLedgerEvents(failing.store, scenario.slice(4, 5))).rejects.toThrow(/simulated crash/);
    expect(await failing.store.headPosition()).toBe(4n);
    await appendLedgerEvents(failing.store, scenario.slice(4));
    expect(await dumpAll(failing.readModel)).toEqual(reference);
    await failing.close();
  });

  it('catches up a read model that was installed after the events were appended', async () => {
    const late = await embeddedLedger({ inline: false });
    await appendLedgerEvents(late.store, scenario, 8);
    expect((await late.runner.status()).map((s) => s.checkpoint)).toEqual(everyProjectionAt(0n));
    await late.runner.catchUp();
    expect(await dumpAll(late.readModel)).toEqual(reference);
    await late.close();
  });

  it('leaves a projection that is behind to a catch-up instead of applying over the hole', async () => {
    const fresh = await embeddedLedger();
    await appendLedgerEvents(fresh.store, scenario.slice(0, 10));
    await fresh.readModel.reset(fresh.runner.projections.filter((p) => p.name === 'journal'));
    await appendLedgerEvents(fresh.store, scenario.slice(10, 11));
    // Metrics and projects applied 11 inline; the journal was at 0, so it waits for the scheduled catch-up.
    await fresh.runner.waitForPosition(11n);
    expect((await fresh.runner.status()).map((s) => s.checkpoint)).toEqual(everyProjectionAt(11n));
    await fresh.close();
  });

  it('stops at an event type it does not know, unless told to ignore it', async () => {
    const strict = await embeddedLedger();
    const unknown = [{ stream: 'audit-1', expectedRevision: 'any' as const, events: [{ eventId: newEventId(), type: 'TreeHeadSigned', data: {} }] }];
    await expect(strict.store.append(unknown)).rejects.toThrow(InvariantViolation);
    await strict.close();
    const tolerant = await embeddedLedger({ ignoredEventTypes: ['TreeHeadSigned'] });
    await tolerant.store.append(unknown);
    expect((await tolerant.runner.status()).map((s) => s.checkpoint)).toEqual(everyProjectionAt(1n));
    await tolerant.close();
  });

  it('follows the store by subscription into another read model', async () => {
    const fresh = await embeddedLedger({ inline: false });
    const other = SqliteReadModel.open(join(tempDir(), 'read.sqlite'));
    const runner = new ProjectionRunner({ store: fresh.store, readModel: other, projections: readProjections() });
    await runner.install();
    runner.start();
    await appendLedgerEvents(fresh.store, scenario, 5);
    await runner.waitForPosition(BigInt(scenario.length));
    await runner.stop();
    expect(await dumpAll(other)).toEqual(reference);
    await other.close();
    await fresh.close();
  });
});
