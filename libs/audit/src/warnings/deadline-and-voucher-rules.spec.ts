import type { LedgerEvent } from '@ledger/projections';
import * as e from '@ledger/projections/testing';
import { dayPasses, warningsHarness, type WarningsHarness } from './testing/warnings-harness';

const asset = (on: string): LedgerEvent => ({
  type: 'AssetRegistered',
  data: { projectId: 'p-1', assetId: `as-${on}`, kind: 'public_benefit', value: '100.00', owner: { kind: 'unit', name: '仲德村村民委员会' }, registeredOn: on },
});

const opened = (tasks: [string, string][], fromWarning?: string): LedgerEvent => ({
  type: 'RectificationOpened',
  data: {
    rectificationId: 'r-1',
    regionCode: e.villageA,
    problem: '项目资产未确权登记',
    tasks: tasks.map(([taskId, deadline]) => ({ taskId, description: '完成资产确权', responsibleUnit: '乡城县农业农村局', deadline })),
    ...(fromWarning === undefined ? {} : { fromWarning }),
    openedOn: '2024-06-01',
    regionCodeEdition: '2023',
  },
});
const taskClosed = (taskId: string, on: string): LedgerEvent => ({ type: 'RectificationTaskClosed', data: { rectificationId: 'r-1', taskId, evidence: '确权登记表', on } });

/** A voucher of the 2024 book of 513336, `513336-2024-NNNNNN`. */
function voucher(number: number, date: string, sequence: number): LedgerEvent {
  const voucherNo = `513336-2024-${String(number).padStart(6, '0')}`;
  return { type: 'VoucherNumberUsed', data: { county: e.county, fiscalYear: 2024, voucherNo, kind: 'disbursement', referenceId: `ref-${number}`, stream: 'project-p-1', date, sequence } };
}

describe('ASSET.NOT_REGISTERED (no asset within 90 days of completion)', () => {
  let w: WarningsHarness;
  beforeEach(async () => (w = await warningsHarness()));
  afterEach(() => w.close());

  it('shows from the 91st day after completion while no asset is registered', async () => {
    await w.given(e.listed('p-1'), e.approved('p-1'), e.completed('p-1', '2024-09-01'), e.accepted('p-1', '2024-10-01'), dayPasses('2024-11-30'));
    expect(await w.subjects('ASSET.NOT_REGISTERED')).toEqual([]);
    await w.given(dayPasses('2024-12-01'));
    expect(await w.warnings({ rule: 'ASSET.NOT_REGISTERED' })).toEqual([
      expect.objectContaining({ subject: { stream: 'project-p-1', id: 'p-1' }, raisedOn: '2024-12-01', details: expect.objectContaining({ completedOn: '2024-09-01', deadline: '2024-11-30', registeredOn: null }) }),
    ]);
  });

  it('raises nothing for an asset registered on the 90th day', async () => {
    await w.given(e.listed('p-1'), e.approved('p-1'), e.completed('p-1', '2024-09-01'), asset('2024-11-30'), dayPasses('2025-06-30'));
    expect(await w.subjects('ASSET.NOT_REGISTERED')).toEqual([]);
  });

  it('is cleared by a late registration: shown for the dates before it only', async () => {
    await w.given(e.listed('p-1'), e.approved('p-1'), e.completed('p-1', '2024-09-01'), asset('2025-01-10'));
    expect(await w.subjects('ASSET.NOT_REGISTERED')).toEqual([]);
    expect(await w.subjects('ASSET.NOT_REGISTERED', { on: '2025-01-09' })).toEqual(['p-1']);
  });
});

describe('RECTIFICATION.OVERDUE (a task open after its deadline)', () => {
  let w: WarningsHarness;
  beforeEach(async () => (w = await warningsHarness()));
  afterEach(() => w.close());

  it('shows an open task from the day after its deadline, per task', async () => {
    await w.given(opened([['t-1', '2024-06-30'], ['t-2', '2024-09-30']]), dayPasses('2024-07-01'));
    expect(await w.warnings({ rule: 'RECTIFICATION.OVERDUE' })).toEqual([
      expect.objectContaining({ subject: { stream: 'rectification-r-1', id: 'r-1:t-1' }, severity: 'high', region: e.villageA, raisedOn: '2024-07-01' }),
    ]);
  });

  it('raises nothing for a task closed on its deadline; clears one closed late on its closing date', async () => {
    await w.given(opened([['t-1', '2024-06-30'], ['t-2', '2024-06-30']]), taskClosed('t-1', '2024-06-30'), taskClosed('t-2', '2024-07-15'));
    expect(await w.subjects('RECTIFICATION.OVERDUE')).toEqual([]);
    expect(await w.subjects('RECTIFICATION.OVERDUE', { on: '2024-07-14' })).toEqual(['r-1:t-2']);
  });

  it('is overdue again when a task is reopened after its deadline', async () => {
    await w.given(opened([['t-1', '2024-06-30']]), taskClosed('t-1', '2024-06-20'), { type: 'RectificationClosed', data: { rectificationId: 'r-1', evidence: '销号', on: '2024-06-25' } });
    await w.given({ type: 'RectificationReopened', data: { rectificationId: 'r-1', reason: '问题反弹', taskIds: ['t-1'], on: '2024-08-01' } });
    expect(await w.subjects('RECTIFICATION.OVERDUE')).toEqual(['r-1:t-1']);
  });
});

describe('the voucher rules, by number (513336-2024-NNNNNN), whatever order the vouchers were recorded in', () => {
  let w: WarningsHarness;
  beforeEach(async () => (w = await warningsHarness()));
  afterEach(() => w.close());

  it('VOUCHER.GAP: names a missing number, and a run of them', async () => {
    await w.given(voucher(566, '2024-05-01', 1), voucher(568, '2024-05-02', 2), voucher(572, '2024-05-03', 3));
    expect(await w.warnings({ rule: 'VOUCHER.GAP' })).toEqual([
      expect.objectContaining({ subject: { stream: 'voucherbook-513336-2024', id: '513336-2024-000567' }, raisedOn: '2024-05-02', evidence: [1, 2] }),
      expect.objectContaining({ subject: { stream: 'voucherbook-513336-2024', id: '513336-2024-000569..513336-2024-000571' }, details: expect.objectContaining({ missing: 3 }) }),
    ]);
  });

  it('VOUCHER.GAP: none once the numbers arrive, in any order', async () => {
    await w.given(voucher(3, '2024-05-03', 1), voucher(1, '2024-05-01', 2), voucher(2, '2024-05-02', 3));
    expect(await w.subjects('VOUCHER.GAP')).toEqual([]);
  });

  it('VOUCHER.DATED_BACKWARDS: a voucher dated before the previous number’s, judged again when a number arrives between', async () => {
    await w.given(voucher(290, '2024-06-01', 1), voucher(292, '2024-06-08', 2));
    expect(await w.subjects('VOUCHER.DATED_BACKWARDS')).toEqual([]);
    await w.given(voucher(291, '2024-06-12', 3));
    expect(await w.warnings({ rule: 'VOUCHER.DATED_BACKWARDS' })).toEqual([
      expect.objectContaining({ subject: { stream: 'voucherbook-513336-2024', id: '513336-2024-000292' }, details: { date: '2024-06-08', previous: '513336-2024-000291', previousDate: '2024-06-12' } }),
    ]);
  });

  it('VOUCHER.DATED_BACKWARDS: none for the same date or later', async () => {
    await w.given(voucher(1, '2024-05-01', 1), voucher(2, '2024-05-01', 2), voucher(3, '2024-05-09', 3));
    expect(await w.subjects('VOUCHER.DATED_BACKWARDS')).toEqual([]);
  });

  describe('VOUCHER.OUT_OF_ORDER (a reimbursement or reversal numbered before what it refers to)', () => {
    const paid = (voucherNo: string): LedgerEvent => {
      const payment = e.disbursed('p-1', 'd-1', 'f-1', '100.00', '2024-05-01') as Extract<LedgerEvent, { type: 'FundsDisbursed' }>;
      return { ...payment, data: { ...payment.data, voucherNo } };
    };
    const project = [e.allocated('a-1', '1000.00'), e.received('a-1', 'rc-1', '1000.00'), e.listed('p-1'), e.approved('p-1'), ...e.fundedFromAllocation('p-1', 'f-1', 'a-1', '500.00')];
    const reimbursed = (voucherNo: string): LedgerEvent => ({ type: 'DisbursementReimbursed', data: { projectId: 'p-1', reimbursementId: 'rb-1', disbursementId: 'd-1', amount: '100.00', reimbursedOn: '2024-05-20', voucherNo } });

    it('raises on a reimbursement numbered before its payment', async () => {
      await w.given(project, paid('513336-2024-000050'), reimbursed('513336-2024-000040'));
      expect(await w.warnings({ rule: 'VOUCHER.OUT_OF_ORDER' })).toEqual([
        expect.objectContaining({ subject: { stream: 'voucherbook-513336-2024', id: '513336-2024-000040' }, details: { kind: 'reimbursement', refersTo: 'd-1', referredVoucher: '513336-2024-000050' } }),
      ]);
    });

    it('raises nothing for one numbered after it, or in another year’s book', async () => {
      await w.given(project, paid('513336-2024-000050'), reimbursed('513336-2024-000060'));
      expect(await w.subjects('VOUCHER.OUT_OF_ORDER')).toEqual([]);
    });
  });
});
