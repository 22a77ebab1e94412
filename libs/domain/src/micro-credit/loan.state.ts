import { addMonths, daysBetween, type BusinessDate } from '../shared/business-date';
import { assertNever } from '../shared/decider';
import { invariant } from '../shared/domain-error';
import { Money } from '../shared/money';
import type { LoanEvent, LoanIssued } from './loan.events';

/**
 * One loan's contract and balances. `outstanding` falls only by repayment and compensation;
 * `settled` when it reaches zero. The current contract is the issued one or the last renewal,
 * lengthened by any extensions. Metrics read `outstanding` and `status` (overdue balance).
 */
export interface Loan {
  readonly status: 'active' | 'overdue' | 'settled';
  readonly loanId: string;
  readonly householdRef: string;
  readonly borrowerBirthYear: number;
  readonly villageCode: string;
  readonly county: string;
  readonly bank: string;
  readonly issuedOn: BusinessDate;
  readonly contractStartOn: BusinessDate;
  readonly principal: Money;
  readonly termMonths: number;
  readonly annualRate: string;
  readonly maturesOn: BusinessDate;
  readonly outstanding: Money;
  readonly repaid: Money;
  readonly compensated: Money;
  readonly overdueMarkedOn: BusinessDate | null;
  /** Whether the one extension past `termMonthsMax` that policy allows has been used. */
  readonly extendedBeyondCap: boolean;
  /** The latest business date on the loan: the stream is a timeline, nothing is dated before it. */
  readonly lastOn: BusinessDate;
  /** Ids of repayments, renewals, extensions and compensations: each names one fact. */
  readonly factIds: ReadonlySet<string>;
}

export type LoanState = { readonly status: 'none' } | Loan;

export const initialLoanState = (): LoanState => ({ status: 'none' });

/** Days past maturity on `on` (0 before or on the maturity date). */
export function daysOverdue(loan: Loan, on: BusinessDate): number {
  return Math.max(0, daysBetween(loan.maturesOn, on));
}

function issued({ data }: LoanIssued): Loan {
  const amount = Money.of(data.amount);
  return {
    status: 'active',
    loanId: data.loanId,
    householdRef: data.householdRef,
    borrowerBirthYear: data.borrowerBirthYear,
    villageCode: data.villageCode,
    county: data.villageCode.slice(0, 6),
    bank: data.bank,
    issuedOn: data.issuedOn,
    contractStartOn: data.issuedOn,
    principal: amount,
    termMonths: data.termMonths,
    annualRate: data.annualRate,
    maturesOn: addMonths(data.issuedOn, data.termMonths),
    outstanding: amount,
    repaid: Money.zero,
    compensated: Money.zero,
    overdueMarkedOn: null,
    extendedBeyondCap: false,
    lastOn: data.issuedOn,
    factIds: new Set(),
  };
}

function withFact(loan: Loan, factId: string, on: BusinessDate): Loan {
  invariant(!loan.factIds.has(factId), `loan ${loan.loanId} has two facts with id ${factId}`);
  invariant(on >= loan.lastOn, `loan ${loan.loanId} has a fact dated ${on}, before ${loan.lastOn}`);
  return { ...loan, factIds: new Set(loan.factIds).add(factId), lastOn: on };
}

/** Takes `amount` off the outstanding balance; the loan is settled when nothing is left. */
function reduced(loan: Loan, amount: Money): Loan {
  const outstanding = loan.outstanding.minus(amount);
  invariant(!outstanding.isNegative(), `loan ${loan.loanId} reduced below zero`);
  return { ...loan, outstanding, status: outstanding.isZero() ? 'settled' : loan.status };
}

function applyToLoan(loan: Loan, event: Exclude<LoanEvent, LoanIssued>): Loan {
  switch (event.type) {
    case 'LoanRepaid': {
      const amount = Money.of(event.data.amount);
      invariant(loan.status !== 'settled', `repayment on settled loan ${loan.loanId}`);
      return reduced({ ...withFact(loan, event.data.repaymentId, event.data.repaidOn), repaid: loan.repaid.plus(amount) }, amount);
    }
    case 'LoanMarkedOverdue':
      invariant(loan.status === 'active', `loan ${loan.loanId} marked overdue while ${loan.status}`);
      invariant(event.data.on > loan.maturesOn, `loan ${loan.loanId} marked overdue before it matured on ${loan.maturesOn}`);
      invariant(event.data.on >= loan.lastOn, `loan ${loan.loanId} marked overdue before ${loan.lastOn}`);
      return { ...loan, status: 'overdue', overdueMarkedOn: event.data.on, lastOn: event.data.on };
    case 'LoanRenewed': {
      const { renewalId, renewedOn, termMonths, annualRate } = event.data;
      const amount = Money.of(event.data.amount);
      invariant(loan.status === 'active' && amount.gte(loan.outstanding), `loan ${loan.loanId} renewed while ${loan.status} or below outstanding`);
      const maturesOn = addMonths(renewedOn, termMonths);
      const renewed = withFact(loan, renewalId, renewedOn);
      return { ...renewed, contractStartOn: renewedOn, principal: amount, outstanding: amount, termMonths, annualRate, maturesOn };
    }
    case 'LoanExtended': {
      const { extensionId, extendedOn, termMonthsAdded, beyondCap } = event.data;
      invariant(loan.status === 'active', `loan ${loan.loanId} extended while ${loan.status}`);
      invariant(!(beyondCap && loan.extendedBeyondCap), `loan ${loan.loanId} extended past the cap twice`);
      const termMonths = loan.termMonths + termMonthsAdded;
      const maturesOn = addMonths(loan.contractStartOn, termMonths);
      return { ...withFact(loan, extensionId, extendedOn), termMonths, maturesOn, extendedBeyondCap: loan.extendedBeyondCap || beyondCap };
    }
    case 'LoanCompensated': {
      const loss = Money.of(event.data.lossAmount);
      invariant(loan.status === 'overdue', `loan ${loan.loanId} compensated while ${loan.status}`);
      const parts = Money.of(event.data.riskFundPart).plus(Money.of(event.data.bankPart));
      invariant(parts.eq(loss), `compensation ${event.data.compensationId}: parts do not add up to the loss`);
      const compensated = { ...withFact(loan, event.data.compensationId, event.data.compensatedOn), compensated: loan.compensated.plus(loss) };
      return reduced(compensated, loss);
    }
    default:
      return assertNever(event, 'loan event');
  }
}

export function evolveLoan(state: LoanState, event: LoanEvent): LoanState {
  if (event.type === 'LoanIssued') {
    invariant(state.status === 'none', `loan ${event.data.loanId} issued twice`);
    return issued(event);
  }
  invariant(state.status !== 'none', `${event.type} on loan ${event.data.loanId}, which was never issued`);
  return applyToLoan(state, event);
}
