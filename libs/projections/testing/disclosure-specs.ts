import * as e from './ledger-events';
import { projectionHarness, type ProjectionHarness } from './projection-harness';
import { countyYearScenario } from './scenario';
import { disclosureProjection } from '../src/disclosure/disclosure.projection';
import { queryDisclosure } from '../src/disclosure/disclosure.queries';
import { disclosureTables } from '../src/disclosure/disclosure.tables';
import { projectsProjection } from '../src/projects/projects.projection';
import { projectsTables } from '../src/projects/projects.tables';
import type { ReadModel } from '../src/read-model/read-model';

/** The disclosure specs (loans, notices, household payees, project notice fields), run against each read-model dialect. */
export function describeDisclosureSpecs(dialect: string, openReadModel: () => Promise<ReadModel>): void {
  const projections = [projectsProjection, disclosureProjection];

  describe(`disclosure (${dialect}): the county year of 乡城县 2024`, () => {
    let h: ProjectionHarness;
    beforeAll(async () => {
      h = await projectionHarness(await openReadModel(), projections);
      await h.given(countyYearScenario());
    });
    afterAll(async () => h.readModel.close());

    it('gives a county its projects with the notice fields and fund sources down to the documents, as of the projections’ position', async () => {
      const view = await queryDisclosure(h.readModel.db, { region: '513336' });
      expect(view).toMatchObject({ region: '513336', level: 'county', fiscalYear: null, position: h.position });
      expect(view.projects.map((p) => p.projectId)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
      const p1 = view.projects[0]!;
      expect(p1).toMatchObject({
        name: 'p-1 村道硬化',
        performanceTargets: ['硬化村道 3 公里'],
        povertyLinkage: '务工带动',
        approvalDocumentNo: '乡府发〔2024〕3号',
        implementingUnit: '乡城县交通运输局',
        amounts: { planned: '600.00', netDisbursed: '350.00' },
      });
      expect(p1.fundingLines.map((line) => [line.fundingId, line.funded, line.parts.map((part) => part.documentNo)])).toEqual([
        ['f-1', '400.00', ['川财农〔2024〕a-sp号']],
        ['f-2', '100.00', ['川财农〔2024〕a-pr号']],
      ]);
      const pool = view.projects[1]!.fundingLines[0]!;
      expect(pool.source).toEqual({ kind: 'pool', pool: '513336-2024' });
      expect(pool.parts.map((part) => [part.allocationId, part.originalChannel, part.funded])).toEqual([
        ['a-in1', '农业生产发展资金', '240.00'],
        ['a-in2', '农业生产发展资金', '160.00'],
      ]);
    });

    it('lists the loans of the region as their notice shows them: the renewal replaces amount, term and rate', async () => {
      const view = await queryDisclosure(h.readModel.db, { region: '513336' });
      expect(view.loans).toEqual([
        {
          loanId: 'l-1',
          villageCode: e.villageA,
          householdRef: 'hh-l-1',
          bank: '乡城县农村信用联社',
          purpose: '牦牛养殖',
          amount: '200.00',
          termMonths: 12,
          annualRate: '0.0345',
          issuedOn: '2024-04-01',
          renewedOn: null,
        },
        expect.objectContaining({ loanId: 'l-2', villageCode: e.villageB, amount: '120.00', annualRate: '0.0310', renewedOn: '2025-03-20' }),
      ]);
    });

    it('lists a county every notice in it, a village only its own, with subject and period', async () => {
      const county = await queryDisclosure(h.readModel.db, { region: '513336' });
      expect(county.notices.map((n) => [n.noticeId, n.level, n.publishedOn])).toEqual([
        ['n-p3', 'village', '2024-01-20'],
        ['n-1', 'county', '2024-02-15'],
        ['n-p1', 'village', '2024-02-20'],
        ['n-2', 'county', '2024-04-30'],
      ]);
      const village = await queryDisclosure(h.readModel.db, { region: e.villageA });
      expect(village.notices.map((n) => n.noticeId)).toEqual(['n-p3', 'n-p1']);
      expect(village.notices[0]).toMatchObject({ regionCode: e.villageA, channel: 'board', subject: { kind: 'project', projectId: 'p-3', fiscalYear: null }, postedUntil: '2030-12-31', withdrawnOn: null });
    });

    it('narrows to a township or a fiscal year', async () => {
      const township = await queryDisclosure(h.readModel.db, { region: '513336200' });
      expect(township.projects.map((p) => p.projectId)).toEqual(['p-2', 'p-4']);
      expect(township.loans.map((l) => l.loanId)).toEqual(['l-2']);
      expect(township.notices).toEqual([]);
      const other = await queryDisclosure(h.readModel.db, { region: '513336', fiscalYear: 2023 });
      expect([other.projects, other.loans, other.notices, other.householdPayments]).toEqual([[], [], [], []]);
      const loansOf2024 = await queryDisclosure(h.readModel.db, { region: '513336', fiscalYear: 2024 });
      expect(loansOf2024.loans.map((l) => l.loanId)).toEqual(['l-1', 'l-2']);
      expect(loansOf2024.notices.map((n) => n.noticeId)).toEqual(['n-p3', 'n-1', 'n-p1', 'n-2']);
    });

    it('refuses a malformed region', async () => {
      await expect(queryDisclosure(h.readModel.db, { region: '51333' })).rejects.toMatchObject({ code: 'REGION.INVALID' });
    });
  });

  describe(`disclosure (${dialect}): given events → rows`, () => {
    it('keeps household payees of a project, net of reversals, and lists them only for household-level projects', async () => {
      const g = await projectionHarness(await openReadModel(), projections);
      await g.given(
        e.allocated('a', '1000.00'),
        e.received('a', 'r', '1000.00'),
        e.listed('hp', { householdLevel: true, name: '到户产业补助' }),
        e.listed('up', { villageCode: e.villageB }),
        e.approved('hp'),
        e.approved('up'),
        e.fundedFromAllocation('hp', 'fh', 'a', '300.00'),
        e.fundedFromAllocation('up', 'fu', 'a', '300.00'),
        householdPaid('hp', 'd1', 'fh', 'hh-513336-0001', '100.00'),
        householdPaid('hp', 'd2', 'fh', 'hh-513336-0002', '50.00'),
        householdPaid('hp', 'd3', 'fh', 'hh-513336-0001', '20.00'),
        householdPaid('up', 'd4', 'fu', 'hh-513336-0003', '10.00'),
        e.disbursementReversed('hp', 'rv', 'd2', 'fh', '50.00'),
        e.disbursed('hp', 'd5', 'fh', '5.00'),
      );
      expect(await g.rows(projectsTables.householdPayments)).toEqual([
        ['d1', 'hp', 'hh-513336-0001', '2024-05-01', '10000', '0'],
        ['d2', 'hp', 'hh-513336-0002', '2024-05-01', '5000', '5000'],
        ['d3', 'hp', 'hh-513336-0001', '2024-05-01', '2000', '0'],
        ['d4', 'up', 'hh-513336-0003', '2024-05-01', '1000', '0'],
      ]);
      const view = await queryDisclosure(g.readModel.db, { region: '513336' });
      // d2 fully reversed: nothing paid to 0002; `up` is not household-level.
      expect(view.householdPayments).toEqual([{ projectId: 'hp', householdRef: 'hh-513336-0001', amount: '120.00', payments: 2 }]);
      await g.readModel.close();
    });

    it('records a loan’s extension and a notice’s withdrawal, and stops on a change to a loan never issued', async () => {
      const g = await projectionHarness(await openReadModel(), projections);
      await g.given(
        e.loanIssued('l', '300.00'),
        { type: 'LoanExtended', data: { loanId: 'l', extensionId: 'x', termMonthsAdded: 6, beyondCap: false, extendedOn: '2025-03-01' } },
        e.noticePublished('n', { kind: 'micro_credit', county: e.county, fiscalYear: 2024 }, '2024-05-01', 'township', '513336100000'),
        { type: 'NoticeWithdrawn', data: { noticeId: 'n', on: '2024-05-05', reason: '信息有误' } },
      );
      expect((await g.rows(disclosureTables.loans))[0]).toEqual(['l', '513336', '513336100', e.villageA, 'hh-l', '乡城县农村信用联社', '牦牛养殖', '30000', 18, '0.0345', '2024-04-01', null]);
      expect(await g.rows(disclosureTables.notices)).toEqual([
        ['n', 'township', '513336100000', '513336', '513336100', null, 'micro_credit', null, 2024, 'board', '2024-05-01', '2030-12-31', '2024-05-05'],
      ]);
      const township = await queryDisclosure(g.readModel.db, { region: '513336100', fiscalYear: 2024 });
      expect(township.notices.map((n) => [n.noticeId, n.withdrawnOn])).toEqual([['n', '2024-05-05']]);
      await expect(g.given({ type: 'LoanExtended', data: { loanId: 'ghost', extensionId: 'y', termMonthsAdded: 1, beyondCap: false, extendedOn: '2025-03-01' } })).rejects.toThrow(
        /no row in disclosure_loans/,
      );
      await g.readModel.close();
    });
  });
}

function householdPaid(projectId: string, disbursementId: string, fundingId: string, householdRef: string, amount: string) {
  const event = e.disbursed(projectId, disbursementId, fundingId, amount);
  return { ...event, data: { ...event.data, payee: { kind: 'household', householdRef } } } as typeof event;
}
