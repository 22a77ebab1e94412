import { join } from 'node:path';
import { streams, type WarningEvent } from '@ledger/domain';
import { newEventId } from '@ledger/event-store';
import { type LedgerEvent, type ReadModel, dumpProjection, dumpTable, checkpointTable, SqliteReadModel, rebuildAll } from '@ledger/projections';
import { ledgerProjections } from '../ledger-projections';
import { embeddedLedger, removeTempDirs, tempDir, type EmbeddedLedger, countyYearScenario, appendLedgerEvents } from '@ledger/projections/testing';
import * as e from '@ledger/projections/testing';
import { listWarnings, warningsDb } from './warnings.queries';
import { warningsProjection } from './warnings.projection';
import { warningIdOf } from './warning-id';

/**
 * The warnings projection among every projection of the ledger, inline in a real SqliteEventStore:
 * the county year of the projections' specs, plus facts that raise warnings and the inspectors'
 * notes on them, then rebuilt from position 0 into byte-identical tables (libs/projections' dump).
 */
const onlyWarnings = [warningsProjection()];

const extraFacts = [
  e.allocated('a-idle', '300.00', { allocatedOn: '2024-01-02' }),
  e.received('a-idle', 'rc-idle', '300.00', '2024-01-10'),
  shortBoardNotice(),
];

function shortBoardNotice(): LedgerEvent {
  const notice = e.noticePublished('n-short', { kind: 'project', projectId: 'p-2' }, '2024-05-02', 'village', e.villageB) as Extract<LedgerEvent, { type: 'NoticePublished' }>;
  return { ...notice, data: { ...notice.data, postedUntil: '2024-05-06' } };
}

/** The warnings projection's tables and its checkpoint: what "byte-identical" compares here. */
async function warningsDump(readModel: ReadModel): Promise<Record<string, string[]>> {
  const checkpoint = (await dumpTable(readModel, checkpointTable)).filter((line) => line.startsWith('["warnings",'));
  return { ...(await dumpProjection(readModel, warningsProjection())), [checkpointTable.name]: checkpoint };
}

describe('the warnings tables, inline and rebuilt (real SQLite store, every projection)', () => {
  let ledger: EmbeddedLedger;
  let reference: Record<string, string[]>;
  const idle = warningIdOf('FUNDS.IDLE', { stream: 'allocation-a-idle', id: 'a-idle' });

  beforeAll(async () => {
    ledger = await embeddedLedger({ projections: ledgerProjections() });
    await appendLedgerEvents(ledger.store, [...countyYearScenario(), ...extraFacts], 5);
    const notes: WarningEvent[] = [
      { type: 'WarningAcknowledged', data: { warningId: idle, rule: 'FUNDS.IDLE', regionCode: '513336', note: '核实中', on: '2025-08-02' } },
      { type: 'WarningResolved', data: { warningId: idle, rule: 'FUNDS.IDLE', regionCode: '513336', note: '已安排使用', on: '2025-08-03' } },
    ];
    await ledger.store.append([{ stream: streams.warning(idle), expectedRevision: 'no_stream', events: notes.map((event) => ({ eventId: newEventId(), type: event.type, data: event.data as never })) }]);
    reference = await warningsDump(ledger.readModel);
  });
  afterAll(async () => {
    await ledger.close();
    removeTempDirs();
  });

  it('raised the warnings and folded the notes inline, with every projection at the head', async () => {
    const { items } = await listWarnings(warningsDb(ledger.readModel), { limit: 500 });
    expect(items.find((w) => w.id === idle)).toMatchObject({ rule: 'FUNDS.IDLE', state: 'resolved' });
    expect(items.map((w) => w.rule)).toEqual(expect.arrayContaining(['FUNDS.IDLE', 'NOTICE.TOO_SHORT']));
    const head = await ledger.store.headPosition();
    expect((await ledger.runner.status()).every((s) => s.checkpoint === head)).toBe(true);
  });

  it('rebuilds the warnings projection alone into byte-identical tables (same ids, same positions)', async () => {
    await ledger.runner.rebuild('warnings');
    expect(await warningsDump(ledger.readModel)).toEqual(reference);
    expect(reference.warnings!.length).toBeGreaterThan(0);
  });

  it('builds the same tables by catch-up into another file as inline', async () => {
    const other = SqliteReadModel.open(join(tempDir(), 'read.sqlite'));
    await rebuildAll(ledger.store, other, onlyWarnings);
    const rebuilt = await warningsDump(other);
    await other.close();
    expect(rebuilt).toEqual(reference);
  });
});
