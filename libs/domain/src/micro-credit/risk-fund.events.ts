import type { DomainEvent } from '../shared/decider';
import type { BusinessDate } from '../shared/business-date';

/**
 * Money of a `micro_credit` allocation put into the county's risk-compensation fund (风险补偿金).
 * Appended with the allocation's `FundsAssigned` (target `risk_fund`, assignmentId = depositId).
 */
export type RiskFundDeposited = DomainEvent<
  'RiskFundDeposited',
  {
    readonly county: string;
    readonly depositId: string;
    readonly allocationId: string;
    readonly amount: string;
    readonly depositedOn: BusinessDate;
  }
>;

/** The risk fund's part of a compensated loan loss, paid to the bank. Appended with the loan's `LoanCompensated`. */
export type RiskFundCompensationPaid = DomainEvent<
  'RiskFundCompensationPaid',
  {
    readonly county: string;
    readonly compensationId: string;
    readonly loanId: string;
    readonly amount: string;
    readonly paidOn: BusinessDate;
  }
>;

export type RiskFundEvent = RiskFundDeposited | RiskFundCompensationPaid;
