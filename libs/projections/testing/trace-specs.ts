import * as e from './ledger-events';
import { projectionHarness, type ProjectionHarness } from './projection-harness';
import { countyYearScenario, scaledScenario } from './scenario';
import { accountBalances } from '../src/journal/journal.queries';
import { queryMetrics } from '../src/metrics/metrics.queries';
import { readProjections } from '../src/projections';
import type { ReadModel } from '../src/read-model/read-model';
import { fenOf, yuanOf } from '../src/shared/fen';
import { traceProjection } from '../src/trace/trace.projection';
import { traceAllocation, traceDisbursement, type AllocationTrace } from '../src/trace/trace.queries';
import { traceTables } from '../src/trace/trace.tables';

const sum = (amounts: readonly string[]): string => yuanOf(amounts.reduce((total, amount) => total + fenOf(amount), 0n));

/** Every figure of a trace that must add up, checked to the fen against the trace's own parts. */
function expectTraceAddsUp(trace: AllocationTrace): void {
  const { summary } = trace;
  expect(trace.balances.filter((b) => !b.holds)).toEqual([]);
  expect(sum([summary.received, summary.unreceived])).toBe(summary.allocated);
  expect(sum([summary.unassigned, summary.inPool, summary.riskFund, summary.clawedBack, summary.onProjects.funded])).toBe(summary.received);
  expect(sum([summary.onProjects.netDisbursed, summary.onProjects.unspent])).toBe(summary.onProjects.funded);
  const lines = trace.projects.flatMap((p) => p.lines);
  expect(sum(lines.map((l) => l.funded).concat(lines.map((l) => `-${l.reduced}`)))).toBe(summary.onProjects.funded);
  expect(sum(lines.map((l) => l.netDisbursed))).toBe(summary.onProjects.netDisbursed);
  expect(sum(lines.map((l) => l.reimbursed))).toBe(summary.onProjects.reimbursed);
  for (const line of lines) {
    expect(sum(line.disbursements.map((d) => d.amount))).toBe(line.disbursed);
    expect(sum(line.disbursements.map((d) => d.reversed))).toBe(line.reversed);
  }
  expect(sum(trace.receipts.map((r) => r.net))).toBe(summary.received);
}

/** The trace specs, run against each read-model dialect. Figures are worked out from testing/scenario.ts. */
export function describeTraceSpecs(dialect: string, openReadModel: () => Promise<ReadModel>): void {
  describe(`trace (${dialect}): the county year of 乡城县 2024`, () => {
    let h: ProjectionHarness;
    beforeAll(async () => {
      h = await projectionHarness(await openReadModel(), readProjections());
      await h.given(countyYearScenario());
    });
    afterAll(async () => h.readModel.close());

    it('follows a special allocation from its document to the payees: received, on lines, paid, reversed, settled, left', async () => {
      const trace = (await traceAllocation(h.readModel.db, 'a-sp'))!;
      expect(trace.position).toBe(h.position);
      expect(trace.allocation).toMatchObject({ allocationId: 'a-sp', documentNo: '川财农〔2024〕a-sp号', fundType: 'special', sourceLevel: 'central', fiscalYear: 2024 });
      expect(trace.summary).toEqual({
        allocated: '950.00', // 1000 − 50 reduced
        reduced: '50.00',
        received: '860.00', // 800 + 100 − 40
        unreceived: '90.00',
        clawedBack: '0.00',
        riskFund: '0.00',
        inPool: '0.00',
        unassigned: '460.00', // 860 − (500 − 100) on f-1
        carriedOver: '20.00',
        onProjects: { funded: '400.00', disbursed: '300.00', reversed: '50.00', netDisbursed: '250.00', reimbursed: '250.00', unspent: '150.00' },
      });
      expect(trace.receipts.map((r) => [r.id, r.amount, r.reversals.map((v) => [v.id, v.amount]), r.net])).toEqual([
        ['rc-1', '800.00', [], '800.00'],
        ['rc-2', '100.00', [['rv-1', '40.00']], '60.00'],
      ]);
      expect(trace.projects).toEqual([
        {
          projectId: 'p-1',
          name: 'p-1 村道硬化',
          villageCode: e.villageA,
          lines: [
            {
              fundingId: 'f-1',
              viaPool: false,
              funded: '500.00',
              reduced: '100.00',
              disbursed: '300.00',
              reversed: '50.00',
              netDisbursed: '250.00',
              reimbursed: '250.00',
              unspent: '150.00',
              disbursements: [
                {
                  disbursementId: 'd-1',
                  paidOn: '2024-05-01',
                  payee: { kind: 'unit', name: '乡城县路桥工程有限公司' },
                  voucherNo: '付-d-1',
                  purpose: '工程进度款',
                  amount: '300.00',
                  reversed: '50.00',
                  netDisbursed: '250.00',
                  reimbursed: '250.00',
                },
              ],
            },
          ],
        },
      ]);
      expect(trace.carryOvers).toEqual([expect.objectContaining({ id: 'co-1', amount: '20.00', toFiscalYear: 2025 })]);
      expectTraceAddsUp(trace);
    });

    it('follows an integrated channel through the pool: drawn by its share, paid pro rata to what it has unspent on the line', async () => {
      const trace = (await traceAllocation(h.readModel.db, 'a-in1'))!;
      expect(trace.pool).toEqual({ pool: '513336-2024', pooled: '600.00', unpooled: '0.00', drawn: '240.00', inPool: '360.00' });
      // d-3 paid 200 from a line holding 300 of a-in1 and 200 of a-in2: 120 and 80.
      expect(trace.summary.onProjects).toEqual({ funded: '240.00', disbursed: '120.00', reversed: '0.00', netDisbursed: '120.00', reimbursed: '0.00', unspent: '120.00' });
      expect(trace.summary.unassigned).toBe('0.00');
      expectTraceAddsUp(trace);
    });

    it('ends micro-credit money in the risk fund and clawed-back money with the issuing level', async () => {
      const mc = (await traceAllocation(h.readModel.db, 'a-mc'))!;
      expect(mc.summary).toMatchObject({ received: '300.00', riskFund: '250.00', unassigned: '50.00' });
      expect(mc.riskFundDeposits).toEqual([expect.objectContaining({ id: 'rfd-1', amount: '250.00' })]);
      const pr = (await traceAllocation(h.readModel.db, 'a-pr'))!;
      expect(pr.summary).toMatchObject({ received: '500.00', clawedBack: '50.00', unassigned: '350.00' });
      expect(pr.clawBacks).toEqual([expect.objectContaining({ id: 'cb-1', documentNo: '川财农〔2024〕100号' })]);
      for (const trace of [mc, pr]) expectTraceAddsUp(trace);
    });

    it('tells a disbursement which allocations, by document, it was paid from; the parts add up to the payment', async () => {
      const trace = (await traceDisbursement(h.readModel.db, 'd-3'))!;
      expect(trace.disbursement).toMatchObject({ disbursementId: 'd-3', projectId: 'p-2', fundingId: 'f-3', viaPool: true, amount: '200.00', voucherNo: '付-d-3' });
      expect(trace.sources.map((s) => [s.allocationId, s.documentNo, s.sourceLevel, s.amount])).toEqual([
        ['a-in1', '川财农〔2024〕a-in1号', 'central', '120.00'],
        ['a-in2', '川财农〔2024〕a-in2号', 'provincial', '80.00'],
      ]);
      const reversedOne = (await traceDisbursement(h.readModel.db, 'd-1'))!;
      expect(reversedOne.sources).toEqual([expect.objectContaining({ allocationId: 'a-sp', amount: '300.00', reversed: '50.00', netDisbursed: '250.00', reimbursed: '250.00' })]);
      expect(reversedOne.disbursement).toMatchObject({ netDisbursed: '250.00', reimbursed: '250.00' });
    });

    it('answers undefined for an allocation or a disbursement never recorded', async () => {
      expect(await traceAllocation(h.readModel.db, 'nope')).toBeUndefined();
      expect(await traceDisbursement(h.readModel.db, 'nope')).toBeUndefined();
    });
  });

  describe(`trace (${dialect}): sums to the fen over a larger log`, () => {
    it('agrees with the journal’s accounts and the metrics for every allocation and every disbursement', async () => {
      const h = await projectionHarness(await openReadModel(), readProjections());
      await h.given(scaledScenario(3));
      await h.given(
        e.allocated('odd-1', '0.03', { fundType: 'integrated', originalChannel: 'x' }),
        e.allocated('odd-2', '0.07', { fundType: 'integrated', originalChannel: 'y' }),
        e.pooledReceipt('odd-1', 'or-1', '0.03'),
        e.pooledReceipt('odd-2', 'or-2', '0.07'),
        e.listed('odd-p'),
        e.approved('odd-p'),
        e.fundedFromPool('odd-p', 'odd-f', '0.10', [['odd-1', '0.03'], ['odd-2', '0.07']]),
        e.disbursed('odd-p', 'odd-d1', 'odd-f', '0.01'),
        e.disbursed('odd-p', 'odd-d2', 'odd-f', '0.05'),
        e.disbursementReversed('odd-p', 'odd-r', 'odd-d2', 'odd-f', '0.01'),
      );
      const db = h.readModel.db;
      const balances = new Map((await accountBalances(db)).map((a) => [a.account, a.balance]));
      const allocationIds = [...new Set((await h.rows(traceTables.allocations)).map((row) => row[0] as string))];
      let netDisbursed = 0n;
      for (const id of allocationIds) {
        const trace = (await traceAllocation(db, id))!;
        expectTraceAddsUp(trace);
        expect(trace.summary.unassigned).toBe(balances.get(`allocation:${id}:unassigned`) ?? '0.00');
        if (trace.pool !== null) expect(trace.summary.inPool).toBe(balances.get(`pool:${trace.pool.pool}:${id}`) ?? '0.00');
        netDisbursed += fenOf(trace.summary.onProjects.netDisbursed);
      }
      const metrics = await queryMetrics(db, { region: '513336' });
      expect(yuanOf(netDisbursed)).toBe(sum([metrics.amounts.disbursed, `-${metrics.amounts.reversed}`]));
      const disbursementIds = [...new Set((await h.rows(traceTables.disbursements)).map((row) => row[0] as string))];
      for (const id of disbursementIds) {
        const { disbursement, sources } = (await traceDisbursement(db, id))!;
        expect(sum(sources.map((s) => s.amount))).toBe(disbursement.amount);
        expect(sum(sources.map((s) => s.reversed))).toBe(disbursement.reversed);
        expect(sum(sources.map((s) => s.reimbursed))).toBe(disbursement.reimbursed);
      }
      expect((await traceDisbursement(db, 'odd-d2'))!.sources.map((s) => [s.allocationId, s.amount, s.reversed])).toEqual([
        // d1 (0.01 over 3 and 7 fen) went to odd-2, leaving 3 and 6: 5 fen × 3/9 = 1.67 → 2, × 6/9 = 3.33 → 3;
        // the reversal's fen over the parts 2 and 3: 0.4 and 0.6 → odd-2.
        ['odd-1', '0.02', '0.00'],
        ['odd-2', '0.03', '0.01'],
      ]);
      await h.readModel.close();
    });
  });

  describe(`trace (${dialect}): given events → rows`, () => {
    it('stops on money below zero: more drawn from the pool than the channel pooled', async () => {
      const g = await projectionHarness(await openReadModel(), [traceProjection]);
      await g.given(e.allocated('a', '10.00', { fundType: 'integrated', originalChannel: 'x' }), e.pooledReceipt('a', 'r', '10.00'), e.listed('p'), e.approved('p'));
      await expect(g.given(e.fundedFromPool('p', 'f', '11.00', [['a', '11.00']]))).rejects.toThrow(/pool share outside/);
      await g.readModel.close();
    });
  });
}
