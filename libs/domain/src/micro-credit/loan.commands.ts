/** Field types are the HTTP contract; the decider re-validates every value. */
export interface IssueLoan {
  readonly type: 'IssueLoan';
  readonly data: {
    readonly loanId: string;
    readonly householdRef: string;
    readonly borrowerBirthYear: number;
    readonly villageCode: string;
    readonly bank: string;
    readonly amount: string;
    readonly termMonths: number;
    readonly annualRate: string;
    readonly issuedOn: string;
    readonly purpose: string;
  };
}

export interface RepayLoan {
  readonly type: 'RepayLoan';
  readonly data: { readonly loanId: string; readonly repaymentId: string; readonly amount: string; readonly repaidOn: string };
}

export interface MarkLoanOverdue {
  readonly type: 'MarkLoanOverdue';
  readonly data: { readonly loanId: string; readonly on: string };
}

export interface RenewLoan {
  readonly type: 'RenewLoan';
  /** `annualRate` defaults to the current contract's rate. */
  readonly data: {
    readonly loanId: string;
    readonly renewalId: string;
    readonly amount: string;
    readonly termMonths: number;
    readonly annualRate?: string;
    readonly renewedOn: string;
  };
}

export interface ExtendLoan {
  readonly type: 'ExtendLoan';
  readonly data: { readonly loanId: string; readonly extensionId: string; readonly termMonthsAdded: number; readonly extendedOn: string };
}

export type LoanCommand = IssueLoan | RepayLoan | MarkLoanOverdue | RenewLoan | ExtendLoan;

/** Compensate an overdue loan's loss from the risk fund: decided over the loan and the risk fund (`decideLoanCompensation`). */
export interface CompensateLoan {
  readonly type: 'CompensateLoan';
  readonly data: { readonly loanId: string; readonly compensationId: string; readonly lossAmount: string; readonly compensatedOn: string };
}
