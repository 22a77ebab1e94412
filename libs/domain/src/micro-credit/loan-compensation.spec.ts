import fc from 'fast-check';
import { streamDecisionSpec } from '../../testing';
import { fold } from '../shared/decider';
import { defaultLocalRules, type LocalRules } from '../shared/local-rules';
import { Money } from '../shared/money';
import { eventsFor } from '../shared/stream-decision';
import { streams } from '../streams';
import type { CompensateLoan } from './loan.commands';
import type { LoanEvent } from './loan.events';
import { decideLoanCompensation, type LoanCompensationStates } from './loan-compensation';
import { evolveLoan, initialLoanState, type Loan } from './loan.state';
import {
  county,
  loanCompensated,
  loanIssued,
  loanMarkedOverdue,
  loanRepaid,
  riskFundCompensationPaid,
  riskFundDeposited,
} from './micro-credit.fixtures';
import type { RiskFundEvent } from './risk-fund.events';
import { evolveRiskFund, initialRiskFundState, type RiskFundState } from './risk-fund.state';

const loanStream = streams.loan('l-1');
const riskFundStream = streams.riskFund(county);
// The loan matures 2024-03-10: 2024-06-08 is 90 days later.
const overdueLoan = [loanIssued(), loanMarkedOverdue('2024-03-11')];
const funded = [riskFundDeposited('100000.00')];

const compensate = (lossAmount: string, compensatedOn = '2024-06-08', compensationId = 'c-1'): CompensateLoan => ({
  type: 'CompensateLoan',
  data: { loanId: 'l-1', compensationId, lossAmount, compensatedOn },
});

const loanOf = (events: readonly LoanEvent[]) => fold({ initialState: initialLoanState, evolve: evolveLoan }, events);
const fundOf = (events: readonly RiskFundEvent[]): RiskFundState => fold({ initialState: initialRiskFundState, evolve: evolveRiskFund }, events);

const states = (loanEvents: readonly LoanEvent[] = overdueLoan, fundEvents: readonly RiskFundEvent[] = funded): LoanCompensationStates => ({
  loan: loanOf(loanEvents),
  riskFund: fundOf(fundEvents),
});
const spec = streamDecisionSpec((command: CompensateLoan, given: LoanCompensationStates) => decideLoanCompensation(command, given, defaultLocalRules));
const decide = (command: CompensateLoan, rules: LocalRules = defaultLocalRules) => decideLoanCompensation(command, states(), rules);

describe('compensating an overdue loan from the risk fund', () => {
  it('splits the loss 8:2 and appends to the loan, then to the risk fund', () => {
    spec
      .given(states())
      .when(compensate('30000.00'))
      .then({
        [loanStream]: [loanCompensated('30000.00', '24000.00', '6000.00')],
        [riskFundStream]: [riskFundCompensationPaid('24000.00')],
      });
  });

  it('settles the loan and lowers the fund by its part', () => {
    const decision = decide(compensate('30000.00'));
    const loan = loanOf([...overdueLoan, ...(eventsFor(decision, loanStream) as LoanEvent[])]) as Loan;
    const fund = fundOf([...funded, ...(eventsFor(decision, riskFundStream) as RiskFundEvent[])]);
    expect([loan.status, loan.outstanding.toString(), loan.compensated.toString()]).toEqual(['settled', '0.00', '30000.00']);
    expect([fund.balance.toString(), fund.compensated.toString()]).toEqual(['76000.00', '24000.00']);
  });

  it('rounds the fund part to the fen and gives the bank the rest', () => {
    const [compensated] = eventsFor(decide(compensate('10000.01')), loanStream);
    expect(compensated?.data).toMatchObject({ lossAmount: '10000.01', riskFundPart: '8000.01', bankPart: '2000.00' });
  });

  it('always splits into parts that add up to the loss (property)', () => {
    const fen = fc.integer({ min: 1, max: 3_000_000 }).map((f) => Money.of((f / 100).toFixed(2)));
    const share = fc.integer({ min: 0, max: 100 }).map((p) => (p / 100).toFixed(2));
    fc.assert(
      fc.property(fen, share, (loss, riskFundShare) => {
        const rules = { ...defaultLocalRules, microCredit: { ...defaultLocalRules.microCredit, riskFundShare } };
        const [event] = eventsFor(decide(compensate(loss.toString()), rules), loanStream) as LoanEvent[];
        const data = event!.data as { riskFundPart: string; bankPart: string };
        expect(Money.of(data.riskFundPart).plus(Money.of(data.bankPart)).eq(loss)).toBe(true);
        expect(Money.of(data.bankPart).isNegative()).toBe(false);
      }),
    );
  });

  it('follows the local overdue days and split', () => {
    const rules = { ...defaultLocalRules, microCredit: { ...defaultLocalRules.microCredit, compensationOverdueDaysMin: 60, riskFundShare: '0.5' } };
    const [paid] = eventsFor(decide(compensate('1000.00', '2024-05-09'), rules), riskFundStream);
    expect(paid?.data).toMatchObject({ amount: '500.00' });
  });

  it('leaves a partly compensated loan overdue with the rest outstanding', () => {
    const decision = decide(compensate('10000.00'));
    const loan = loanOf([...overdueLoan, ...(eventsFor(decision, loanStream) as LoanEvent[])]) as Loan;
    expect([loan.status, loan.outstanding.toString()]).toEqual(['overdue', '20000.00']);
  });

  it('refuses before the local number of days overdue, counted from maturity', () => {
    spec.given(states()).when(compensate('1000.00', '2024-06-07')).thenThrows('LOAN.COMPENSATION_TOO_EARLY');
  });

  it('refuses a loan not marked overdue', () => {
    spec.given(states([loanIssued()])).when(compensate('1000.00')).thenThrows('LOAN.NOT_OVERDUE');
  });

  it('refuses a loss above what is outstanding', () => {
    const partlyRepaid = [...overdueLoan, loanRepaid('rp-1', '5000.00', '2024-04-01')];
    spec.given(states(partlyRepaid)).when(compensate('25000.01')).thenThrows('LOAN.COMPENSATION_EXCEEDS_OUTSTANDING');
  });

  it("refuses when the fund's part is more than the fund holds", () => {
    spec.given(states(overdueLoan, [riskFundDeposited('23999.99')])).when(compensate('30000.00')).thenThrows('RISK_FUND.INSUFFICIENT');
    spec.given(states(overdueLoan, [])).when(compensate('1.00')).thenThrows('RISK_FUND.INSUFFICIENT');
  });

  it('refuses a compensation id the loan or the fund has seen', () => {
    const compensated = loanCompensated('100.00', '80.00', '20.00');
    spec.given(states([...overdueLoan, compensated])).when(compensate('100.00', '2024-06-09')).thenThrows('LOAN.COMPENSATION_ALREADY_EXISTS');
    const paidElsewhere = riskFundCompensationPaid('80.00', 'l-2', '2024-06-01');
    spec.given(states(overdueLoan, [...funded, paidElsewhere])).when(compensate('100.00')).thenThrows('LOAN.COMPENSATION_ALREADY_EXISTS');
  });

  it('refuses a settled loan and a loan that does not exist', () => {
    spec.given(states([...overdueLoan, loanRepaid('rp-1', '30000.00', '2024-04-01')])).when(compensate('1.00')).thenThrows('LOAN.CLOSED');
    spec.given(states([])).when(compensate('1.00')).thenThrows('LOAN.NOT_FOUND');
  });

  it('refuses a compensation dated before the latest fact on the loan', () => {
    const repaidLate = [...overdueLoan, loanRepaid('rp-1', '100.00', '2024-07-01')];
    spec.given(states(repaidLate)).when(compensate('100.00')).thenThrows('LOAN.DATED_BACKWARDS');
  });
});

describe('the figures metrics are computed from', () => {
  it('exposes outstanding and overdue balances and the fund balance: leverage and overdue rate', () => {
    const second = { ...loanIssued({ loanId: 'l-2', amount: '20000.00' }) };
    const loans = [loanOf(overdueLoan), loanOf([second])] as Loan[];
    const outstanding = Money.sum(loans.map((loan) => loan.outstanding));
    const overdue = Money.sum(loans.filter((loan) => loan.status === 'overdue').map((loan) => loan.outstanding));
    const fund = fundOf([riskFundDeposited('10000.00')]);
    expect(outstanding.ratioTo(fund.balance)).toBe('5.0000');
    expect(overdue.ratioTo(outstanding)).toBe('0.6000');
  });
});
