import type { LedgerEvent } from '@ledger/projections';
import * as e from '@ledger/projections/testing';
import { warningsHarness, type WarningsHarness } from './testing/warnings-harness';

/** p-1 (village A, listed 2024-01-10) funded 1000.00 on line f-1 from a-1 and 200.00 on f-2. */
function fundedProject(listing: Parameters<typeof e.listed>[1] = {}): LedgerEvent[] {
  return [
    e.allocated('a-1', '2000.00'),
    e.received('a-1', 'rc-1', '2000.00', '2024-01-05'),
    e.listed('p-1', listing),
    e.approved('p-1', '2024-01-20'),
    ...e.fundedFromAllocation('p-1', 'f-1', 'a-1', '1000.00', '2024-01-25'),
    ...e.fundedFromAllocation('p-1', 'f-2', 'a-1', '200.00', '2024-01-25'),
  ];
}

function paid(disbursementId: string, amount: string, paidOn: string, overrides: { purpose?: string; householdRef?: string; fundingId?: string } = {}): LedgerEvent {
  const base = e.disbursed('p-1', disbursementId, overrides.fundingId ?? 'f-1', amount, paidOn) as Extract<LedgerEvent, { type: 'FundsDisbursed' }>;
  const payee = overrides.householdRef === undefined ? base.data.payee : { kind: 'household' as const, householdRef: overrides.householdRef };
  return { ...base, data: { ...base.data, payee, purpose: overrides.purpose ?? base.data.purpose } };
}

describe('the payment rules', () => {
  let w: WarningsHarness;
  beforeEach(async () => (w = await warningsHarness()));
  afterEach(() => w.close());

  describe('SPENDING.NEGATIVE_LIST', () => {
    it('raises on a purpose naming a keyword of the negative list, subject the payment', async () => {
      await w.given(fundedProject(), paid('d-1', '168.00', '2024-03-01', { purpose: '购置项目管理用交通工具（皮卡车1辆）' }));
      expect(await w.warnings({ rule: 'SPENDING.NEGATIVE_LIST' })).toEqual([
        expect.objectContaining({
          subject: { stream: 'project-p-1', id: 'd-1' },
          severity: 'high',
          raisedOn: '2024-03-01',
          details: expect.objectContaining({ keywords: ['交通工具'], amount: '168.00', payee: '乡城县路桥工程有限公司' }),
        }),
      ]);
    });

    it('raises nothing on a purpose outside the list', async () => {
      await w.given(fundedProject(), paid('d-1', '168.00', '2024-03-01', { purpose: '通村道路工程进度款' }));
      expect(await w.subjects('SPENDING.NEGATIVE_LIST')).toEqual([]);
    });

    it('withdraws it when the payment is reversed in full (the money came back), not in part', async () => {
      await w.given(fundedProject(), paid('d-1', '168.00', '2024-03-01', { purpose: '发放干部奖金' }));
      await w.given(e.disbursementReversed('p-1', 'rv-1', 'd-1', 'f-1', '68.00', '2024-03-02'));
      expect(await w.subjects('SPENDING.NEGATIVE_LIST')).toEqual(['d-1']);
      await w.given(e.disbursementReversed('p-1', 'rv-2', 'd-1', 'f-1', '100.00', '2024-03-03'));
      expect(await w.subjects('SPENDING.NEGATIVE_LIST')).toEqual([]);
    });
  });

  describe('HOUSEHOLD.PAID_TWICE', () => {
    it('raises on the later payment to a household from the same line in the same year, with both as evidence', async () => {
      await w.given(fundedProject());
      await w.given(paid('d-5', '45.00', '2024-06-27', { householdRef: 'hh-513336-0426' }), paid('d-1', '45.00', '2024-05-30', { householdRef: 'hh-513336-0426' }));
      const [twice] = await w.warnings({ rule: 'HOUSEHOLD.PAID_TWICE' });
      expect(twice).toMatchObject({
        subject: { stream: 'project-p-1', id: 'd-5' },
        raisedOn: '2024-06-27',
        evidence: [9, 10],
        details: { householdRef: 'hh-513336-0426', fundingId: 'f-1', year: 2024, firstPayment: 'd-1', firstPaidOn: '2024-05-30' },
      });
    });

    it('raises nothing for another line, another year or another household', async () => {
      await w.given(fundedProject());
      await w.given(
        paid('d-1', '45.00', '2024-05-30', { householdRef: 'hh-1' }),
        paid('d-2', '45.00', '2024-06-30', { householdRef: 'hh-1', fundingId: 'f-2' }),
        paid('d-3', '45.00', '2025-01-03', { householdRef: 'hh-1' }),
        paid('d-4', '45.00', '2024-07-30', { householdRef: 'hh-2' }),
      );
      expect(await w.subjects('HOUSEHOLD.PAID_TWICE')).toEqual([]);
    });

    it('stops counting a payment reversed in full (paid to the wrong household and corrected)', async () => {
      await w.given(fundedProject(), paid('d-1', '45.00', '2024-05-30', { householdRef: 'hh-1' }), paid('d-2', '45.00', '2024-06-01', { householdRef: 'hh-1' }));
      expect(await w.subjects('HOUSEHOLD.PAID_TWICE')).toEqual(['d-2']);
      await w.given(e.disbursementReversed('p-1', 'rv-1', 'd-1', 'f-1', '45.00', '2024-06-02'));
      expect(await w.subjects('HOUSEHOLD.PAID_TWICE')).toEqual([]);
    });
  });

  describe('PROJECT.NOT_IN_LIBRARY and PROJECT.NO_TARGETS', () => {
    it('raises on payments dated before the project was listed, subject the project', async () => {
      await w.given(fundedProject({ listedOn: '2024-04-01' }), paid('d-1', '10.00', '2024-03-15'), paid('d-2', '10.00', '2024-03-10'), paid('d-3', '10.00', '2024-04-01'));
      expect(await w.warnings({ rule: 'PROJECT.NOT_IN_LIBRARY' })).toEqual([
        expect.objectContaining({ subject: { stream: 'project-p-1', id: 'p-1' }, raisedOn: '2024-03-10', details: { listedOn: '2024-04-01', count: 2, disbursementIds: ['d-1', 'd-2'] } }),
      ]);
    });

    it('raises nothing on a payment on the listing day or later', async () => {
      await w.given(fundedProject({ listedOn: '2024-04-01' }), paid('d-1', '10.00', '2024-04-01'));
      expect(await w.subjects('PROJECT.NOT_IN_LIBRARY')).toEqual([]);
    });

    it('raises on a payment to a project without performance targets, and not once targets are set', async () => {
      await w.given(fundedProject({ performanceTargets: [] }), paid('d-1', '10.00', '2024-03-01'));
      expect(await w.subjects('PROJECT.NO_TARGETS')).toEqual(['p-1']);
      const amended: LedgerEvent = { type: 'ProjectAmended', data: { projectId: 'p-1', before: { performanceTargets: [] }, after: { performanceTargets: ['硬化村道 3 公里'] }, reason: '补充绩效目标', amendedOn: '2024-03-05' } };
      await w.given(amended, paid('d-2', '10.00', '2024-03-06'));
      expect((await w.warnings({ rule: 'PROJECT.NO_TARGETS' }))[0]!.details).toEqual({ count: 1, disbursementIds: ['d-1'] });
    });

    it('raises nothing on a project with targets', async () => {
      await w.given(fundedProject(), paid('d-1', '10.00', '2024-03-01'));
      expect(await w.subjects('PROJECT.NO_TARGETS')).toEqual([]);
    });
  });
});
