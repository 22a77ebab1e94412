import type { LedgerEvent } from '@ledger/projections';
import * as e from '@ledger/projections/testing';
import { warningsHarness, type WarningsHarness } from './testing/warnings-harness';

type LoanIssued = Extract<LedgerEvent, { type: 'LoanIssued' }>;

/** A 12-month loan issued 2024-04-01 (matures 2025-04-01), 1-year reference rate 0.0345 then. */
function issued(overrides: Partial<LoanIssued['data']> = {}): LedgerEvent {
  const base = e.loanIssued('l-1', '50000.00', '2024-04-01') as LoanIssued;
  return { ...base, data: { ...base.data, ...overrides } };
}

describe('the micro-credit rules (judged against today’s LocalRules)', () => {
  let w: WarningsHarness;
  beforeEach(async () => (w = await warningsHarness()));
  afterEach(() => w.close());

  describe('LOAN.OUTSIDE_CAPS', () => {
    it.each([
      ['an amount above 50,000.00', { amount: '50000.01' }, ['amount']],
      ['a term above 36 months (priced on the over-1-year rate)', { termMonths: 48 }, ['term']],
      ['a borrower aged 66 in the contract year', { borrowerBirthYear: 1958 }, ['age']],
      ['a borrower aged 17', { borrowerBirthYear: 2007 }, ['age']],
      ['a rate above the reference rate in force', { annualRate: '0.0346' }, ['rate']],
    ])('raises on %s, naming the breaches', async (_case, overrides, breaches) => {
      await w.given(issued(overrides));
      expect(await w.warnings({ rule: 'LOAN.OUTSIDE_CAPS' })).toEqual([
        expect.objectContaining({ subject: { stream: 'loan-l-1', id: 'l-1' }, region: e.villageA, raisedOn: '2024-04-01', details: { contracts: [{ contract: 'issue', on: '2024-04-01', breaches }] } }),
      ]);
    });

    it('raises nothing on a loan exactly at every cap (50,000.00, 36 months, aged 65, the reference rate)', async () => {
      await w.given(issued({ termMonths: 36, annualRate: '0.0395', borrowerBirthYear: 1959 }));
      expect(await w.subjects('LOAN.OUTSIDE_CAPS')).toEqual([]);
    });

    it('judges a renewal as a contract of its own', async () => {
      const renewed = e.loanRenewed('l-1', 'rn-1', '50000.00', '2025-03-20');
      await w.given(issued(), { ...renewed, data: { ...(renewed.data as object), annualRate: '0.0500' } } as LedgerEvent);
      expect((await w.warnings({ rule: 'LOAN.OUTSIDE_CAPS' }))[0]!.details).toEqual({ contracts: [{ contract: 'rn-1', on: '2025-03-20', breaches: ['rate'] }] });
    });
  });

  describe('LOAN.COMPENSATED_EARLY (fewer than 90 days after maturity)', () => {
    it('raises on a compensation 89 days after maturity', async () => {
      await w.given(issued(), e.loanOverdue('l-1', '2025-04-02'), e.loanCompensated('l-1', 'c-1', '50000.00', '40000.00', '10000.00', '2025-06-29'));
      expect(await w.warnings({ rule: 'LOAN.COMPENSATED_EARLY' })).toEqual([
        expect.objectContaining({
          subject: { stream: 'loan-l-1', id: 'l-1' },
          raisedOn: '2025-06-29',
          details: { compensationId: 'c-1', maturesOn: '2025-04-01', compensatedOn: '2025-06-29', overdueDays: 89, compensationOverdueDaysMin: 90 },
        }),
      ]);
    });

    it('raises nothing at exactly 90 days', async () => {
      await w.given(issued(), e.loanOverdue('l-1', '2025-04-02'), e.loanCompensated('l-1', 'c-1', '50000.00', '40000.00', '10000.00', '2025-06-30'));
      expect(await w.subjects('LOAN.COMPENSATED_EARLY')).toEqual([]);
    });

    it('counts from the maturity an extension moved', async () => {
      const extended: LedgerEvent = { type: 'LoanExtended', data: { loanId: 'l-1', extensionId: 'x-1', termMonthsAdded: 6, beyondCap: false, extendedOn: '2025-03-01' } };
      await w.given(issued(), extended, e.loanOverdue('l-1', '2025-10-02'), e.loanCompensated('l-1', 'c-1', '50000.00', '40000.00', '10000.00', '2025-12-01'));
      expect((await w.warnings({ rule: 'LOAN.COMPENSATED_EARLY' }))[0]!.details).toMatchObject({ maturesOn: '2025-10-01', overdueDays: 61 });
    });
  });
});
