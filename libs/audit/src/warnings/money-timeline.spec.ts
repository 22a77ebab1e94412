import { defaultLocalRules } from '@ledger/domain';
import * as e from '@ledger/projections/testing';
import { dayPasses, warningsHarness, type WarningsHarness } from './testing/warnings-harness';

/** An allocation of 1000.00 on 2024-02-01 (ledger-events.ts), listed project p-1 in village A. */
describe('SPENDING.ABOVE_RECEIVED and SPENDING.ABOVE_ALLOCATED (money used ahead of its source, by date)', () => {
  let w: WarningsHarness;
  beforeEach(async () => (w = await warningsHarness()));
  afterEach(() => w.close());

  it('raises on an allocation assigned on a day before the money was received, with that day’s assignment as evidence', async () => {
    await w.given(e.allocated('a-1', '1000.00'), e.listed('p-1'), e.approved('p-1'));
    await w.given(e.fundedFromAllocation('p-1', 'f-1', 'a-1', '600.00', '2024-02-20'));
    await w.given(e.received('a-1', 'rc-1', '1000.00', '2024-03-01'));
    const [warning] = await w.warnings({ rule: 'SPENDING.ABOVE_RECEIVED' });
    expect(warning).toMatchObject({
      subject: { stream: 'allocation-a-1', id: 'a-1' },
      severity: 'high',
      region: '513336',
      raisedOn: '2024-02-20',
      evidence: [4],
      details: { on: '2024-02-20', used: '600.00', received: '0.00' },
    });
  });

  it('raises nothing when the money arrived the same day it was assigned (a day is judged at its end)', async () => {
    await w.given(e.allocated('a-1', '1000.00'), e.listed('p-1'), e.approved('p-1'));
    await w.given(e.fundedFromAllocation('p-1', 'f-1', 'a-1', '600.00', '2024-03-01'), e.received('a-1', 'rc-1', '1000.00', '2024-03-01'));
    expect(await w.subjects('SPENDING.ABOVE_RECEIVED')).toEqual([]);
  });

  it('raises on a funding line paid before it was funded, and on an allocation used before it was allocated', async () => {
    await w.given(e.allocated('a-1', '1000.00', { allocatedOn: '2024-04-15' }), e.received('a-1', 'rc-1', '1000.00', '2024-03-01'), e.listed('p-1'), e.approved('p-1'));
    await w.given(e.disbursed('p-1', 'd-1', 'f-1', '100.00', '2024-03-20'), e.fundedFromAllocation('p-1', 'f-1', 'a-1', '600.00', '2024-04-01'));
    expect(await w.warnings({ rule: 'SPENDING.ABOVE_RECEIVED' })).toEqual([expect.objectContaining({ subject: { stream: 'project-p-1', id: 'f-1' }, region: e.villageA, raisedOn: '2024-03-20' })]);
    expect(await w.warnings({ rule: 'SPENDING.ABOVE_ALLOCATED' })).toEqual([
      expect.objectContaining({ subject: { stream: 'allocation-a-1', id: 'a-1' }, raisedOn: '2024-04-01', details: { on: '2024-04-01', used: '600.00', allocated: '0.00' } }),
    ]);
  });

  it('withdraws the warning when a back-dated receipt shows the money was there after all', async () => {
    await w.given(e.allocated('a-1', '1000.00'), e.listed('p-1'), e.approved('p-1'));
    await w.given(e.fundedFromAllocation('p-1', 'f-1', 'a-1', '600.00', '2024-02-20'));
    expect(await w.subjects('SPENDING.ABOVE_RECEIVED')).toEqual(['a-1']);
    await w.given(e.received('a-1', 'rc-1', '1000.00', '2024-02-10'));
    expect(await w.subjects('SPENDING.ABOVE_RECEIVED')).toEqual([]);
  });
});

describe(`FUNDS.IDLE (received and not assigned within idleFundDaysMax = ${defaultLocalRules.idleFundDaysMax} days)`, () => {
  let w: WarningsHarness;
  beforeEach(async () => (w = await warningsHarness()));
  afterEach(() => w.close());

  it('raises the day after the deadline, once the county’s business dates reach it', async () => {
    await w.given(e.allocated('a-1', '1000.00'), e.received('a-1', 'rc-1', '1000.00', '2024-03-01'), e.listed('p-1'), e.approved('p-1'));
    await w.given(e.fundedFromAllocation('p-1', 'f-1', 'a-1', '400.00', '2024-04-01'));
    // 2024-03-01 + 180 days = 2024-08-28: not yet shown while the county's latest date is earlier.
    expect(await w.subjects('FUNDS.IDLE')).toEqual([]);
    await w.given(dayPasses('2024-08-28'));
    expect(await w.subjects('FUNDS.IDLE')).toEqual([]);
    await w.given(dayPasses('2024-08-29'));
    const [idle] = await w.warnings({ rule: 'FUNDS.IDLE' });
    expect(idle).toMatchObject({
      subject: { stream: 'allocation-a-1', id: 'a-1' },
      raisedOn: '2024-08-29',
      asOf: '2024-08-29',
      evidence: [2],
      details: { idleFundDaysMax: 180, count: 1, receipts: [{ on: '2024-03-01', amount: '1000.00', deadline: '2024-08-28', unusedAtDeadline: '600.00' }] },
    });
    expect(await w.subjects('FUNDS.IDLE', { on: '2024-08-28' })).toEqual([]);
  });

  it('stays raised when the money is assigned after the deadline: it sat idle', async () => {
    await w.given(e.allocated('a-1', '1000.00'), e.received('a-1', 'rc-1', '1000.00', '2024-03-01'), e.listed('p-1'), e.approved('p-1'));
    await w.given(e.fundedFromAllocation('p-1', 'f-1', 'a-1', '1000.00', '2024-09-15'));
    expect(await w.subjects('FUNDS.IDLE')).toEqual(['a-1']);
  });

  it('raises nothing when everything is assigned on the last allowed day', async () => {
    await w.given(e.allocated('a-1', '1000.00'), e.received('a-1', 'rc-1', '1000.00', '2024-03-01'), e.listed('p-1'), e.approved('p-1'));
    await w.given(e.fundedFromAllocation('p-1', 'f-1', 'a-1', '1000.00', '2024-08-28'), dayPasses('2025-06-30'));
    expect(await w.subjects('FUNDS.IDLE')).toEqual([]);
  });

  it('judges a county pool first in first out: a channel’s money never drawn is idle in the pool', async () => {
    const integrated = e.allocated('a-in', '600.00', { fundType: 'integrated', originalChannel: '农业生产发展资金', allocatedOn: '2024-03-01' });
    await w.given(integrated, e.pooledReceipt('a-in', 'rc-1', '600.00'), e.listed('p-1'), e.approved('p-1'));
    await w.given(e.fundedFromPool('p-1', 'f-1', '500.00', [['a-in', '500.00']]), dayPasses('2025-01-01'));
    // The allocation handed everything to the pool on the day it arrived; the pool kept 100.00.
    expect(await w.warnings({ rule: 'FUNDS.IDLE' })).toEqual([
      expect.objectContaining({ subject: { stream: 'pool-513336-2024', id: '513336-2024' }, details: expect.objectContaining({ receipts: [expect.objectContaining({ unusedAtDeadline: '100.00' })] }) }),
    ]);
  });
});
