import type { DomainEvent } from '../shared/decider';
import type { BusinessDate } from '../shared/business-date';

/**
 * 扶贫小额信贷: a loan to one registered household, known only by a pseudonymous `householdRef`
 * and the borrower's birth year (never a date of birth). Rates are decimal strings ("0.0385").
 */
export type LoanIssued = DomainEvent<
  'LoanIssued',
  {
    readonly loanId: string;
    readonly householdRef: string;
    readonly borrowerBirthYear: number;
    /** 12 digits; the loan's county (and so its risk fund) is the first 6. */
    readonly villageCode: string;
    readonly bank: string;
    readonly amount: string;
    readonly termMonths: number;
    readonly annualRate: string;
    readonly issuedOn: BusinessDate;
    readonly purpose: string;
    readonly regionCodeEdition: string;
  }
>;

export type LoanRepaid = DomainEvent<
  'LoanRepaid',
  { readonly loanId: string; readonly repaymentId: string; readonly amount: string; readonly repaidOn: BusinessDate }
>;

/** Marked on `on`, a day after maturity; days overdue are counted from maturity, not from the marking. */
export type LoanMarkedOverdue = DomainEvent<'LoanMarkedOverdue', { readonly loanId: string; readonly on: BusinessDate }>;

/**
 * 续贷: a new contract replacing the current one from `renewedOn`, for `amount` (at least what was
 * outstanding) over `termMonths`, at `annualRate`.
 */
export type LoanRenewed = DomainEvent<
  'LoanRenewed',
  {
    readonly loanId: string;
    readonly renewalId: string;
    readonly amount: string;
    readonly termMonths: number;
    readonly annualRate: string;
    readonly renewedOn: BusinessDate;
  }
>;

/**
 * 展期: the current contract's term lengthened by `termMonthsAdded`. `beyondCap` records that this
 * extension took the term past `termMonthsMax`, which policy allows once per loan.
 */
export type LoanExtended = DomainEvent<
  'LoanExtended',
  {
    readonly loanId: string;
    readonly extensionId: string;
    readonly termMonthsAdded: number;
    readonly beyondCap: boolean;
    readonly extendedOn: BusinessDate;
  }
>;

/**
 * A loss on an overdue loan compensated from the county's risk fund: `riskFundPart` + `bankPart`
 * = `lossAmount` to the fen. The loss leaves the outstanding balance. Appended with the risk
 * fund's `RiskFundCompensationPaid`.
 */
export type LoanCompensated = DomainEvent<
  'LoanCompensated',
  {
    readonly loanId: string;
    readonly compensationId: string;
    readonly county: string;
    readonly lossAmount: string;
    readonly riskFundPart: string;
    readonly bankPart: string;
    readonly compensatedOn: BusinessDate;
  }
>;

export type LoanEvent = LoanIssued | LoanRepaid | LoanMarkedOverdue | LoanRenewed | LoanExtended | LoanCompensated;
