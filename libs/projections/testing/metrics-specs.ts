import * as e from './ledger-events';
import { projectionHarness, type ProjectionHarness } from './projection-harness';
import { countyYearScenario } from './scenario';
import { metricsProjection } from '../src/metrics/metrics.projection';
import { queryMetrics, queryMetricsAsOf } from '../src/metrics/metrics.queries';
import { metricsTables } from '../src/metrics/metrics.tables';
import type { ReadModel } from '../src/read-model/read-model';

/**
 * The metrics specs, run against each read-model dialect (metrics.spec.ts on SQLite,
 * projections.postgres.int-spec.ts on a real PostgreSQL): the same events, the same figures.
 * Every expected figure is worked out in the comments from the scenario (testing/scenario.ts).
 */
export function describeMetricsSpecs(dialect: string, openReadModel: () => Promise<ReadModel>): void {
  let h: ProjectionHarness;
  const metrics = (filter: Parameters<typeof queryMetrics>[1]) => queryMetrics(h.readModel.db, filter);

  describe(`metrics (${dialect}): the county year of 乡城县 2024`, () => {
    beforeAll(async () => {
      h = await projectionHarness(await openReadModel(), [metricsProjection()]);
      await h.given(countyYearScenario());
    });
    afterAll(async () => h.readModel.close());

    it('sums the county’s money, projects, micro-credit and notices, with their rates', async () => {
      const county = await metrics({ region: '513336', fiscalYear: 2024 });
      expect(county).toMatchObject({ region: '513336', level: 'county', fiscalYear: 2024, fundType: null, sourceLevel: null, until: null });
      expect(county.amounts).toEqual({
        allocated: '2750.00', // 1000 − 50 reduced + 500 + 600 + 400 + 300
        received: '2660.00', // 800 + 100 − 40 reversed + 500 + 600 + 400 + 300
        assigned: '1150.00', // lines 500 − 100 + 100 + 500 − 100, and the risk fund 250
        disbursed: '600.00', // gross: 300 + 100 + 200
        reversed: '50.00',
        reimbursed: '350.00', // 100 + (300 − 50)
      });
      expect(county.projects).toEqual({ approved: 3, started: 2, completed: 1 });
      expect(county.rates).toEqual({
        receivedRate: '0.9673', // 2660 / 2750
        disbursementRate: '0.2068', // 550 / 2660
        spendingProgress: '0.2000', // 550 / 2750
        reimbursementRate: '0.1316', // 350 / 2660
        projectStartRate: '0.6667',
        projectCompletionRate: '0.3333',
        investmentCompletion: '0.3333', // 550 / (600 + 800 + 250)
        microCreditLeverage: '0.8800', // at 2024-12-31: loans 120 + 100 over the fund's 250
        overdueRate: '0.0000',
        timelyNoticeRate: '0.5000', // on time: a-sp, a-pr, p-1, p-3 of 8 (5 allocations, 3 approved projects)
      });
      expect(county.base.disbursementRate).toBe('(disbursed − reversed) / received');
      expect(county.figures).toMatchObject({ plannedInvestment: '1650.00', netDisbursedOnProjects: '550.00', riskFundBalance: '250.00', noticesDue: 8, noticesOnTime: 4 });
    });

    it('takes micro-credit balances at the end when no year is asked: one loan compensated, the other renewed', async () => {
      const county = await metrics({ region: '513336' });
      // Outstanding: l-1 200 − 80 − 120 lost = 0, l-2 150 − 50 + 20 renewed = 120; fund 250 − 96.
      expect(county.figures).toMatchObject({ loansOutstanding: '120.00', loansOverdue: '0.00', riskFundBalance: '154.00' });
      expect(county.rates.microCreditLeverage).toBe('0.7792');
    });

    it('counts only facts dated on or before `until`', async () => {
      const april = await metrics({ region: '513336', fiscalYear: 2024, until: '2024-04-30' });
      // The reduction of a-sp (1 June) is after the bound.
      expect(april.amounts).toEqual({ allocated: '2800.00', received: '2660.00', assigned: '1350.00', disbursed: '0.00', reversed: '0.00', reimbursed: '0.00' });
      expect(april.projects).toEqual({ approved: 3, started: 2, completed: 0 });
      expect(april.figures.plannedInvestment).toBe('1600.00'); // p-3's amendment to 250 is dated 1 May
      // Due by 30 April: every allocation (deadlines 22 Feb, 26 Feb, 22 Mar) and project (deadlines early March).
      expect(april.rates.timelyNoticeRate).toBe('0.5000');
      const february = await metrics({ region: '513336', fiscalYear: 2024, until: '2024-02-20' });
      // By 20 Feb: no deadline has passed; p-3 (posted 20 Jan) and a-sp, a-pr (15 Feb) and p-1 (20 Feb) were met early.
      expect(february.figures).toMatchObject({ noticesDue: 4, noticesOnTime: 4 });
      expect(february.amounts.allocated).toBe('1500.00');
    });

    it('shows a township only its projects’ money, counts and notices: allocations are the county’s', async () => {
      const township = await metrics({ region: '513336100', fiscalYear: 2024 });
      expect(township.level).toBe('township');
      expect(township.amounts).toEqual({ allocated: null, received: null, assigned: '500.00', disbursed: '400.00', reversed: '50.00', reimbursed: '350.00' });
      expect(township.projects).toEqual({ approved: 2, started: 1, completed: 1 });
      expect(township.rates).toMatchObject({ receivedRate: null, disbursementRate: null, microCreditLeverage: null, timelyNoticeRate: '1.0000', investmentCompletion: '0.4118' }); // 350 / (600 + 250)
      const village = await metrics({ region: '513336200202', fiscalYear: 2024 });
      expect(village).toMatchObject({ level: 'village', projects: { approved: 1, started: 1, completed: 0 } });
      expect(village.figures).toMatchObject({ loansOutstanding: '100.00', riskFundBalance: null });
    });

    it('follows pooled money to its channels: by fund type and by source level', async () => {
      const integrated = await metrics({ region: '513336', fiscalYear: 2024, fundType: 'integrated' });
      expect(integrated.amounts).toEqual({ allocated: '1000.00', received: '1000.00', assigned: '400.00', disbursed: '200.00', reversed: '0.00', reimbursed: '0.00' });
      expect(integrated.projects).toEqual({ approved: 1, started: 1, completed: 0 });
      expect(integrated.rates).toMatchObject({ investmentCompletion: '0.2500', microCreditLeverage: null, overdueRate: null, timelyNoticeRate: '0.0000' });
      // Provincial: a-pr and a-in2. The pool paid 200 from channels holding 300 and 200: 120 and 80.
      const provincial = await metrics({ region: '513336', fiscalYear: 2024, sourceLevel: 'provincial' });
      expect(provincial.amounts).toEqual({ allocated: '900.00', received: '900.00', assigned: '260.00', disbursed: '180.00', reversed: '0.00', reimbursed: '100.00' });
    });

    it('gives null rates over a zero base, and zero amounts for a year with nothing', async () => {
      const empty = await metrics({ region: '513336', fiscalYear: 2019 });
      expect(empty.amounts.allocated).toBe('0.00');
      expect(Object.values(empty.rates).filter((rate) => rate !== null)).toEqual([]);
    });

    it('answers as of a log position: later events do not change it', async () => {
      const before = await queryMetricsAsOf(h.readModel.db, 20n, { region: '513336' });
      await h.given(e.received('a-sp', 'rc-late', '40.00', '2024-03-03'));
      const after = await queryMetricsAsOf(h.readModel.db, 20n, { region: '513336' });
      expect(after).toEqual(before);
      expect((await metrics({ region: '513336' })).amounts.received).toBe('2700.00');
      await expect(queryMetricsAsOf(h.readModel.db, h.position + 1n, { region: '513336' })).rejects.toMatchObject({ code: 'PROJECTION.BEHIND' });
    });

    it('refuses a malformed filter with the domain’s codes', async () => {
      await expect(metrics({ region: '5133' })).rejects.toMatchObject({ code: 'REGION.INVALID' });
      await expect(metrics({ region: '513336', until: '2024-02-30' })).rejects.toMatchObject({ code: 'DATE.INVALID' });
      await expect(metrics({ region: '513336', sourceLevel: 'township' })).rejects.toMatchObject({ code: 'SOURCE_LEVEL.UNKNOWN' });
    });
  });

  describe(`metrics facts (${dialect}): given events → rows`, () => {
    it('attributes a pooled disbursement to the channels pro rata to what each has unspent, and its reversal by its parts', async () => {
      const g = await projectionHarness(await openReadModel(), [metricsProjection()]);
      await g.given(
        e.allocated('a1', '60.00', { fundType: 'integrated', originalChannel: 'x' }),
        e.allocated('a2', '40.00', { fundType: 'integrated', originalChannel: 'y', sourceLevel: 'provincial' }),
        e.pooledReceipt('a1', 'r1', '60.00'),
        e.pooledReceipt('a2', 'r2', '40.00'),
        e.listed('p'),
        e.approved('p'),
        e.fundedFromPool('p', 'f', '50.00', [['a1', '30.00'], ['a2', '20.00']]),
        e.disbursed('p', 'd', 'f', '10.01'),
        e.disbursementReversed('p', 'r', 'd', 'f', '0.01'),
      );
      const facts = (await g.rows(metricsTables.facts)).filter((row) => ['disbursed', 'reversed'].includes(row[2] as string));
      expect(facts.map((row) => [row[2], row[9], row[8], row[11]])).toEqual([
        ['disbursed', 'p', 'central', '601'], // 10.01 × 30/50 = 6.006 → 6.01 (largest remainder)
        ['disbursed', 'p', 'provincial', '400'],
        ['reversed', 'p', 'central', '1'],
      ]);
      await g.readModel.close();
    });

    it('stops on a reimbursement that is not what is left of its disbursement', async () => {
      const g = await projectionHarness(await openReadModel(), [metricsProjection()]);
      await g.given(e.allocated('a', '100.00'), e.received('a', 'r', '100.00'), e.listed('p'), e.approved('p'), e.fundedFromAllocation('p', 'f', 'a', '50.00'), e.disbursed('p', 'd', 'f', '30.00'));
      await expect(g.given(e.reimbursed('p', 'rb', 'd', '29.99'))).rejects.toThrow(/not what is left/);
      await g.readModel.close();
    });
  });
}
