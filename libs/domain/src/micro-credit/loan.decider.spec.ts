import { deciderSpec, expectDomainError } from '../../testing';
import { fold } from '../shared/decider';
import { InvariantViolation } from '../shared/domain-error';
import { defaultLocalRules } from '../shared/local-rules';
import type { ExtendLoan, IssueLoan, MarkLoanOverdue, RenewLoan, RepayLoan } from './loan.commands';
import { loanDecider } from './loan.decider';
import type { LoanEvent } from './loan.events';
import type { Loan } from './loan.state';
import { issueLoan, loanIssued, loanMarkedOverdue, loanRepaid } from './micro-credit.fixtures';

const decider = loanDecider(defaultLocalRules);
const spec = deciderSpec(decider);
const loanAfter = (...events: LoanEvent[]): Loan => fold(decider, events) as Loan;

const repay = (amount: string, repaidOn = '2022-03-10', repaymentId = 'rp-1'): RepayLoan => ({
  type: 'RepayLoan',
  data: { loanId: 'l-1', repaymentId, amount, repaidOn },
});
const markOverdue = (on: string): MarkLoanOverdue => ({ type: 'MarkLoanOverdue', data: { loanId: 'l-1', on } });
const renew = (overrides: Partial<RenewLoan['data']> = {}): RenewLoan => ({
  type: 'RenewLoan',
  data: { loanId: 'l-1', renewalId: 'rn-1', amount: '30000.00', termMonths: 36, renewedOn: '2024-03-01', ...overrides },
});
const extend = (termMonthsAdded: number, extendedOn = '2024-03-01', extensionId = 'x-1'): ExtendLoan => ({
  type: 'ExtendLoan',
  data: { loanId: 'l-1', extensionId, termMonthsAdded, extendedOn },
});
const loanRenewed = (overrides: Partial<Extract<LoanEvent, { type: 'LoanRenewed' }>['data']> = {}): LoanEvent => ({
  type: 'LoanRenewed',
  data: { loanId: 'l-1', renewalId: 'rn-1', amount: '30000.00', termMonths: 36, annualRate: '0.0395', renewedOn: '2024-03-01', ...overrides },
});
const asEvent = (command: ExtendLoan, beyondCap: boolean): LoanEvent => ({ type: 'LoanExtended', data: { ...command.data, beyondCap } });

describe('issuing a loan', () => {
  it('records the contract with canonical amount and rate', () => {
    spec
      .given()
      .when(issueLoan({ amount: '30000', annualRate: '0.0465' }))
      .then(loanIssued());
  });

  it('matures the term after issue, and owes the whole amount', () => {
    const loan = loanAfter(loanIssued());
    expect([loan.status, loan.maturesOn, loan.outstanding.toString(), loan.county]).toEqual(['active', '2024-03-10', '30000.00', '513336']);
  });

  it('allows exactly the amount cap and refuses a fen more', () => {
    spec.given().when(issueLoan({ amount: '50000.00' })).then(loanIssued({ amount: '50000.00' }));
    spec.given().when(issueLoan({ amount: '50000.01' })).thenThrows('LOAN.CAP_EXCEEDED');
  });

  it('refuses a term above the cap, and a term that is not whole months', () => {
    spec.given().when(issueLoan({ termMonths: 37 })).thenThrows('LOAN.TERM_EXCEEDED');
    spec.given().when(issueLoan({ termMonths: 0 })).thenThrows('LOAN.TERM_INVALID');
    spec.given().when(issueLoan({ termMonths: 1.5 })).thenThrows('LOAN.TERM_INVALID');
  });

  it.each([
    [2003, true],
    [2004, false],
    [1956, true],
    [1955, false],
  ])('lends to a borrower born in %i in 2021: %s', (borrowerBirthYear, allowed) => {
    const when = spec.given().when(issueLoan({ borrowerBirthYear }));
    if (allowed) when.then(loanIssued({ borrowerBirthYear }));
    else when.thenThrows('LOAN.BORROWER_AGE');
  });

  it.each([
    ['over one year: the 5-year LPR', 36, '0.0465', '0.0466'],
    ['at most one year: the 1-year LPR', 12, '0.0385', '0.0386'],
  ])('caps the rate %s in force on the issue date', (_what, termMonths, atCap, above) => {
    spec.given().when(issueLoan({ termMonths, annualRate: atCap })).then(loanIssued({ termMonths, annualRate: atCap }));
    spec.given().when(issueLoan({ termMonths, annualRate: above })).thenThrows('LOAN.RATE_ABOVE_LPR');
  });

  it('caps the rate by the benchmark rate before the LPR reform', () => {
    const issuedOn = '2016-06-01';
    spec.given().when(issueLoan({ issuedOn, annualRate: '0.0475' })).then(loanIssued({ issuedOn, annualRate: '0.0475' }));
    spec.given().when(issueLoan({ issuedOn, annualRate: '0.0476' })).thenThrows('LOAN.RATE_ABOVE_LPR');
  });

  it('refuses a loan dated before any configured reference rate', () => {
    spec.given().when(issueLoan({ issuedOn: '2014-01-01' })).thenThrows('LOAN.REFERENCE_RATE_UNKNOWN');
  });

  it.each(['4.65%', '0.04651', '0', '0.0000', '1.0465'])('refuses the rate %p', (annualRate) => {
    spec.given().when(issueLoan({ annualRate })).thenThrows('LOAN.RATE_INVALID');
  });

  it('keeps a rate to 4 places', () => {
    spec.given().when(issueLoan({ annualRate: '0.04' })).then(loanIssued({ annualRate: '0.0400' }));
  });

  it('refuses a household reference that is really an ID number, naming the field', () => {
    const error = expectDomainError(() => decider.decide(issueLoan({ householdRef: '11010519491231002X' }), decider.initialState()), 'PII.FORBIDDEN');
    expect(error.details).toMatchObject({ field: 'householdRef' });
  });

  it('refuses personal data in the purpose or the bank', () => {
    spec.given().when(issueLoan({ purpose: '养殖，联系 13800138000' })).thenThrows('PII.FORBIDDEN');
    spec.given().when(issueLoan({ bank: '账户 4111111111111111' })).thenThrows('PII.FORBIDDEN');
  });

  it.each([
    ['village code', { villageCode: '513336' }, 'REGION.INVALID'],
    ['amount', { amount: '0.00' }, 'MONEY.INVALID'],
    ['birth year', { borrowerBirthYear: '1975' }, 'FIELD.REQUIRED'],
    ['household reference', { householdRef: '张三' }, 'FIELD.REQUIRED'],
    ['purpose', { purpose: '' }, 'FIELD.REQUIRED'],
    ['issue date', { issuedOn: '2021-3-10' }, 'DATE.INVALID'],
  ])('refuses an invalid %s', (_what, overrides, code) => {
    spec
      .given()
      .when(issueLoan(overrides as Partial<IssueLoan['data']>))
      .thenThrows(code);
  });

  it('refuses to issue the same loan twice', () => {
    spec.given(loanIssued()).when(issueLoan()).thenThrows('LOAN.ALREADY_EXISTS');
  });
});

describe('repaying a loan', () => {
  it('records the repayment and lowers the outstanding balance', () => {
    spec.given(loanIssued()).when(repay('10000')).then(loanRepaid('rp-1', '10000.00', '2022-03-10'));
    expect(loanAfter(loanIssued(), loanRepaid('rp-1', '10000.00', '2022-03-10')).outstanding.toString()).toBe('20000.00');
  });

  it('settles the loan when nothing is left, and closes it', () => {
    const history = [loanIssued(), loanRepaid('rp-1', '30000.00', '2022-03-10')];
    expect(loanAfter(...history).status).toBe('settled');
    spec.given(...history).when(repay('1.00', '2022-04-01', 'rp-2')).thenThrows('LOAN.CLOSED');
  });

  it('refuses more than is outstanding', () => {
    spec
      .given(loanIssued(), loanRepaid('rp-1', '10000.00', '2022-03-10'))
      .when(repay('20000.01', '2022-04-01', 'rp-2'))
      .thenThrows('LOAN.REPAYMENT_EXCEEDS_OUTSTANDING');
  });

  it('refuses a repayment id used before', () => {
    const history = [loanIssued(), loanRepaid('rp-1', '10.00', '2022-03-10')];
    spec.given(...history).when(repay('10.00', '2022-04-01')).thenThrows('LOAN.REPAYMENT_ALREADY_EXISTS');
  });

  it('refuses a repayment dated before the latest fact on the loan', () => {
    spec.given(loanIssued()).when(repay('10.00', '2021-03-09')).thenThrows('LOAN.DATED_BACKWARDS');
  });

  it('refuses a loan that was never issued', () => {
    spec.given().when(repay('10.00')).thenThrows('LOAN.NOT_FOUND');
  });

  it('keeps an overdue loan overdue until it is settled', () => {
    const overdue = [loanIssued(), loanMarkedOverdue()];
    expect(loanAfter(...overdue, loanRepaid('rp-1', '100.00', '2024-04-01')).status).toBe('overdue');
    expect(loanAfter(...overdue, loanRepaid('rp-1', '30000.00', '2024-04-01')).status).toBe('settled');
  });
});

describe('marking a loan overdue', () => {
  it('is allowed the day after maturity', () => {
    spec.given(loanIssued()).when(markOverdue('2024-03-11')).then(loanMarkedOverdue('2024-03-11'));
  });

  it('is refused on or before the maturity date', () => {
    spec.given(loanIssued()).when(markOverdue('2024-03-10')).thenThrows('LOAN.NOT_OVERDUE');
  });

  it('is refused twice', () => {
    spec.given(loanIssued(), loanMarkedOverdue()).when(markOverdue('2024-04-01')).thenThrows('LOAN.ALREADY_OVERDUE');
  });

  it('is refused on a settled loan', () => {
    spec.given(loanIssued(), loanRepaid('rp-1', '30000.00', '2024-03-10')).when(markOverdue('2024-03-11')).thenThrows('LOAN.CLOSED');
  });
});

describe('renewing a loan (续贷)', () => {
  it('starts a new contract at the current rate from the renewal date', () => {
    spec
      .given(loanIssued({ annualRate: '0.0345' }), loanRepaid('rp-1', '5000.00', '2023-03-10'))
      .when(renew({ amount: '25000', termMonths: 12, renewedOn: '2024-03-08' }))
      .then(loanRenewed({ amount: '25000.00', termMonths: 12, annualRate: '0.0345', renewedOn: '2024-03-08' }));
  });

  it('owes the renewed amount until the renewed maturity', () => {
    const loan = loanAfter(loanIssued(), loanRenewed({ amount: '40000.00', termMonths: 24 }));
    expect([loan.outstanding.toString(), loan.maturesOn, loan.annualRate]).toEqual(['40000.00', '2026-03-01', '0.0395']);
  });

  it('applies the caps again on the renewal date', () => {
    const issued = loanIssued();
    spec.given(issued).when(renew({ amount: '50000.01' })).thenThrows('LOAN.CAP_EXCEEDED');
    spec.given(issued).when(renew({ termMonths: 37 })).thenThrows('LOAN.TERM_EXCEEDED');
    spec.given(loanIssued({ borrowerBirthYear: 1958 })).when(renew({ renewedOn: '2024-03-01' })).thenThrows('LOAN.BORROWER_AGE');
  });

  it('refuses to carry a rate above the reference rate in force on the renewal date, unless a new rate is given', () => {
    spec.given(loanIssued()).when(renew()).thenThrows('LOAN.RATE_ABOVE_LPR');
    spec
      .given(loanIssued())
      .when(renew({ termMonths: 12, annualRate: '0.0345' }))
      .then(loanRenewed({ termMonths: 12, annualRate: '0.0345' }));
  });

  it('refuses an amount below what is outstanding: the difference must be repaid first', () => {
    spec.given(loanIssued()).when(renew({ amount: '29999.99', annualRate: '0.0395' })).thenThrows('LOAN.RENEWAL_BELOW_OUTSTANDING');
  });

  it('refuses an overdue loan, marked or only past maturity', () => {
    spec.given(loanIssued(), loanMarkedOverdue()).when(renew({ renewedOn: '2024-03-20', annualRate: '0.0395' })).thenThrows('LOAN.ALREADY_OVERDUE');
    spec.given(loanIssued()).when(renew({ renewedOn: '2024-03-11', annualRate: '0.0395' })).thenThrows('LOAN.ALREADY_OVERDUE');
  });

  it('refuses a renewal id used before', () => {
    spec.given(loanIssued(), loanRenewed()).when(renew({ renewedOn: '2025-01-01', annualRate: '0.0360' })).thenThrows('LOAN.RENEWAL_ALREADY_EXISTS');
  });
});

describe('extending a loan (展期)', () => {
  const oneYear = loanIssued({ termMonths: 12, annualRate: '0.0385' });

  it('lengthens the contract from its start, within the cap as often as needed', () => {
    spec.given(oneYear).when(extend(12, '2022-03-01')).then(asEvent(extend(12, '2022-03-01'), false));
    const loan = loanAfter(oneYear, asEvent(extend(12, '2022-03-01'), false), asEvent(extend(12, '2023-03-01', 'x-2'), false));
    expect([loan.termMonths, loan.maturesOn, loan.extendedBeyondCap]).toEqual([36, '2024-03-10', false]);
  });

  it('may take the term past the cap once, and records that it did', () => {
    spec.given(loanIssued()).when(extend(12)).then(asEvent(extend(12), true));
    const loan = loanAfter(loanIssued(), asEvent(extend(12), true));
    expect([loan.termMonths, loan.maturesOn, loan.extendedBeyondCap]).toEqual([48, '2025-03-10', true]);
  });

  it('refuses a second extension past the cap', () => {
    spec.given(loanIssued(), asEvent(extend(12), true)).when(extend(1, '2025-03-01', 'x-2')).thenThrows('LOAN.TERM_EXCEEDED');
  });

  it('refuses to add more than the cap in one extension, or less than a month', () => {
    spec.given(oneYear).when(extend(37, '2022-03-01')).thenThrows('LOAN.TERM_EXCEEDED');
    spec.given(oneYear).when(extend(0, '2022-03-01')).thenThrows('LOAN.TERM_INVALID');
  });

  it('refuses an overdue loan', () => {
    spec.given(loanIssued(), loanMarkedOverdue()).when(extend(6, '2024-03-20')).thenThrows('LOAN.ALREADY_OVERDUE');
  });

  it('refuses an extension id used before', () => {
    spec.given(oneYear, asEvent(extend(6, '2022-03-01'), false)).when(extend(6, '2022-09-01')).thenThrows('LOAN.EXTENSION_ALREADY_EXISTS');
  });
});

describe('replaying a loan stream', () => {
  it('stops on impossible history', () => {
    expect(() => fold(decider, [loanRepaid('rp-1', '1.00', '2022-01-01')])).toThrow(InvariantViolation);
    expect(() => fold(decider, [loanIssued(), loanIssued()])).toThrow(InvariantViolation);
    expect(() => fold(decider, [loanIssued(), loanRepaid('rp-1', '30000.01', '2022-01-01')])).toThrow(InvariantViolation);
    expect(() => fold(decider, [loanIssued(), loanMarkedOverdue('2024-03-10')])).toThrow(InvariantViolation);
    expect(() => fold(decider, [loanIssued(), loanRepaid('rp-1', '1.00', '2021-01-01')])).toThrow(InvariantViolation);
  });
});
