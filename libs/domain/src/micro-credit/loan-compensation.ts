import { invariant, refuse } from '../shared/domain-error';
import type { LocalRules } from '../shared/local-rules';
import { Money } from '../shared/money';
import { refuseAbove } from '../shared/money-limit';
import { streamDecision, type StreamDecision } from '../shared/stream-decision';
import { streams } from '../streams';
import type { CompensateLoan } from './loan.commands';
import { datedOnLoan, newFactId, requireOutstanding } from './loan.decider';
import type { LoanCompensated } from './loan.events';
import { daysOverdue, type LoanState } from './loan.state';
import type { RiskFundCompensationPaid } from './risk-fund.events';
import type { RiskFundState } from './risk-fund.state';

/** The streams a compensation touches: the loan, and the risk fund of the loan's county. */
export interface LoanCompensationStates {
  readonly loan: LoanState;
  readonly riskFund: RiskFundState;
}

/**
 * 风险补偿: a loss on a loan overdue at least `compensationOverdueDaysMin` days (counted from
 * maturity) is shared between the county's risk fund (`riskFundShare`, rounded half-up to the fen)
 * and the bank (the rest), so the two parts add up to the loss. The loss is at most what is
 * outstanding, and the risk fund's part at most what the fund holds. One atomic write to
 * `loan-{loanId}` then `riskfund-{county}`.
 */
export function decideLoanCompensation(command: CompensateLoan, states: LoanCompensationStates, rules: LocalRules): StreamDecision {
  const { data } = command;
  const loan = requireOutstanding(states.loan);
  const { riskFund } = states;
  invariant(riskFund.county === null || riskFund.county === loan.county, `loaded the risk fund of ${riskFund.county} for a loan in ${loan.county}`);
  const compensationId = newFactId(loan, data.compensationId, 'compensationId', 'LOAN.COMPENSATION_ALREADY_EXISTS');
  if (riskFund.compensationIds.has(compensationId)) {
    refuse('LOAN.COMPENSATION_ALREADY_EXISTS', `compensation ${compensationId} already paid by the risk fund`, { compensationId });
  }
  if (loan.status !== 'overdue') refuse('LOAN.NOT_OVERDUE', `loan ${loan.loanId} is not marked overdue`, { loanId: loan.loanId });
  const compensatedOn = datedOnLoan(loan, data.compensatedOn, 'compensatedOn');
  const { compensationOverdueDaysMin, riskFundShare } = rules.microCredit;
  const overdueDays = daysOverdue(loan, compensatedOn);
  if (overdueDays < compensationOverdueDaysMin) {
    refuse('LOAN.COMPENSATION_TOO_EARLY', `loan ${loan.loanId} is ${overdueDays} days overdue, fewer than ${compensationOverdueDaysMin}`, {
      overdueDays,
      compensationOverdueDaysMin,
    });
  }
  const loss = Money.positive(data.lossAmount);
  refuseAbove(loss, loan.outstanding, 'LOAN.COMPENSATION_EXCEEDS_OUTSTANDING', 'outstanding');
  const riskFundPart = loss.times(riskFundShare);
  refuseAbove(riskFundPart, riskFund.balance, 'RISK_FUND.INSUFFICIENT', 'balance');
  const compensated: LoanCompensated = {
    type: 'LoanCompensated',
    data: {
      loanId: loan.loanId,
      compensationId,
      county: loan.county,
      lossAmount: loss.toString(),
      riskFundPart: riskFundPart.toString(),
      bankPart: loss.minus(riskFundPart).toString(),
      compensatedOn,
    },
  };
  const paid: RiskFundCompensationPaid = {
    type: 'RiskFundCompensationPaid',
    data: { county: loan.county, compensationId, loanId: loan.loanId, amount: riskFundPart.toString(), paidOn: compensatedOn },
  };
  return streamDecision({ stream: streams.loan(loan.loanId), events: [compensated] }, { stream: streams.riskFund(loan.county), events: [paid] });
}
