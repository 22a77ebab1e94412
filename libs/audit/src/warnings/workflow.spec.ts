import type { LedgerEvent } from '@ledger/projections';
import * as e from '@ledger/projections/testing';
import { warningIdOf } from './warning-id';
import { dayPasses, warningsHarness, type WarningsHarness } from './testing/warnings-harness';

const noted = (type: 'WarningAcknowledged' | 'WarningResolved', warningId: string, on: string): LedgerEvent => ({
  type,
  data: { warningId, rule: 'NOTICE.MISSING', regionCode: e.county, note: type === 'WarningAcknowledged' ? '正在核实' : '已补发公告', on },
});

function openedFrom(warningId: string): LedgerEvent {
  const task = { taskId: 't-1', description: '补发资金分配结果公告', responsibleUnit: '乡城县财政局', deadline: '2024-04-30' };
  return { type: 'RectificationOpened', data: { rectificationId: 'r-1', regionCode: e.county, problem: '资金分配结果未公告', tasks: [task], fromWarning: warningId, openedOn: '2024-03-10', regionCodeEdition: '2023' } };
}

describe('the inspectors’ workflow on a warning', () => {
  let w: WarningsHarness;
  const missing = warningIdOf('NOTICE.MISSING', { stream: 'allocation-a-1', id: 'a-1' });
  beforeEach(async () => {
    w = await warningsHarness();
    await w.given(e.allocated('a-1', '1000.00'), dayPasses('2024-03-01'));
  });
  afterEach(() => w.close());

  const state = async () => (await w.warnings({ rule: 'NOTICE.MISSING' })).map((warning) => [warning.id, warning.state]);

  it('names the warning by its rule and subject (UUIDv5): the same id on every replay and every replica', async () => {
    // Pinned: rectification items name warnings by this id (fromWarning), so the scheme never changes.
    expect(missing).toBe('519a3230-1d39-5542-9ba9-f7c6aeec7944');
    expect(await state()).toEqual([[missing, 'open']]);
  });

  it('is acknowledged, then resolved, by the inspectors’ events, with their notes', async () => {
    await w.given(noted('WarningAcknowledged', missing, '2024-03-02'));
    expect(await state()).toEqual([[missing, 'acknowledged']]);
    await w.given(noted('WarningResolved', missing, '2024-03-05'));
    const [warning] = await w.warnings({ rule: 'NOTICE.MISSING' });
    expect(warning!.workflow).toEqual({ acknowledgedOn: '2024-03-02', acknowledgedNote: '正在核实', resolvedOn: '2024-03-05', resolvedNote: '已补发公告', rectifications: [] });
    expect(warning!.state).toBe('resolved');
  });

  it('is rectifying while an item opened from it is open, resolved once it is closed, rectifying again when reopened', async () => {
    await w.given(noted('WarningAcknowledged', missing, '2024-03-02'), openedFrom(missing));
    expect(await state()).toEqual([[missing, 'rectifying']]);
    await w.given(
      { type: 'RectificationTaskClosed', data: { rectificationId: 'r-1', taskId: 't-1', evidence: '公告截图', on: '2024-04-01' } },
      { type: 'RectificationClosed', data: { rectificationId: 'r-1', evidence: '销号审核', on: '2024-04-02' } },
    );
    expect(await state()).toEqual([[missing, 'resolved']]);
    await w.given({ type: 'RectificationReopened', data: { rectificationId: 'r-1', reason: '回头看', taskIds: ['t-1'], on: '2024-04-20' } });
    expect(await state()).toEqual([[missing, 'rectifying']]);
  });

  it('filters by state and by region prefix', async () => {
    await w.given(e.listed('p-1', { villageCode: e.villageB }), e.approved('p-1', '2024-01-02'), noted('WarningAcknowledged', missing, '2024-03-02'));
    expect((await w.warnings({ state: 'acknowledged' })).map((x) => x.subject.id)).toEqual(['a-1']);
    expect((await w.warnings({ state: 'open' })).map((x) => x.subject.id)).toEqual(['p-1']);
    expect((await w.warnings({ region: '513336200' })).map((x) => x.subject.id)).toEqual(['p-1']);
    expect((await w.warnings({ region: '51' })).map((x) => x.subject.id).sort()).toEqual(['a-1', 'p-1']);
    expect(await w.warnings({ region: '341821' })).toEqual([]);
  });
});
