import { businessDate, type BusinessDate } from '../shared/business-date';
import { assertNever, type Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import type { ErrorCode } from '../shared/error-codes';
import type { LocalRules } from '../shared/local-rules';
import { Money } from '../shared/money';
import { refuseAbove } from '../shared/money-limit';
import { assertNoPersonalData } from '../shared/personal-data';
import { entityId, requiredText } from '../shared/reference-data';
import { RegionCode, regionCodeEdition } from '../shared/region-code';
import type { ExtendLoan, IssueLoan, LoanCommand, MarkLoanOverdue, RenewLoan, RepayLoan } from './loan.commands';
import type { LoanEvent, LoanExtended, LoanIssued, LoanMarkedOverdue, LoanRenewed, LoanRepaid } from './loan.events';
import { evolveLoan, initialLoanState, type Loan, type LoanState } from './loan.state';
import { contractTerms, loanMonths } from './loan.terms';

/** A loan (`loan-{loanId}`); caps, ages and reference rates come from the province's LocalRules. */
export function loanDecider(rules: LocalRules): Decider<LoanCommand, LoanEvent, LoanState> {
  return {
    initialState: initialLoanState,
    evolve: evolveLoan,
    decide(command, state) {
      switch (command.type) {
        case 'IssueLoan':
          return [issueLoan(command, state, rules)];
        case 'RepayLoan':
          return [repayLoan(command, requireOutstanding(state))];
        case 'MarkLoanOverdue':
          return [markOverdue(command, requireOutstanding(state))];
        case 'RenewLoan':
          return [renewLoan(command, requireCurrent(state, command.data.renewedOn, 'renewedOn'), rules)];
        case 'ExtendLoan':
          return [extendLoan(command, requireCurrent(state, command.data.extendedOn, 'extendedOn'), rules)];
        default:
          return assertNever(command, 'loan command');
      }
    },
  };
}

function requireLoan(state: LoanState): Loan {
  if (state.status === 'none') refuse('LOAN.NOT_FOUND', 'no such loan');
  return state;
}

/** A loan with money still owed: repaid or fully compensated loans are closed. */
export function requireOutstanding(state: LoanState): Loan {
  const loan = requireLoan(state);
  if (loan.status === 'settled') refuse('LOAN.CLOSED', `loan ${loan.loanId} is settled`, { loanId: loan.loanId });
  return loan;
}

/**
 * Renewal and extension change the contract while it is in good standing, so both are refused on a
 * loan marked overdue and on one whose maturity has passed by the date of the change.
 */
function requireCurrent(state: LoanState, on: unknown, field: string): Loan {
  const loan = requireOutstanding(state);
  const date = businessDate(on, field);
  if (loan.status === 'overdue' || date > loan.maturesOn) {
    refuse('LOAN.ALREADY_OVERDUE', `loan ${loan.loanId} matured on ${loan.maturesOn}`, { maturesOn: loan.maturesOn });
  }
  return loan;
}

/** The loan stream is a timeline: no fact is dated before the latest one. */
export function datedOnLoan(loan: Loan, input: unknown, field: string): BusinessDate {
  const on = businessDate(input, field);
  if (on < loan.lastOn) refuse('LOAN.DATED_BACKWARDS', `${field} ${on} is before ${loan.lastOn}`, { field, on, lastOn: loan.lastOn });
  return on;
}

export function newFactId(loan: Loan, input: unknown, field: string, code: ErrorCode): string {
  const id = entityId(input, field);
  if (loan.factIds.has(id)) refuse(code, `${field} ${id} already used on loan ${loan.loanId}`, { [field]: id });
  return id;
}

function birthYear(input: unknown): number {
  if (!Number.isInteger(input)) refuse('FIELD.REQUIRED', 'borrowerBirthYear must be a year', { field: 'borrowerBirthYear', value: input });
  return input as number;
}

function issueLoan({ data }: IssueLoan, state: LoanState, rules: LocalRules): LoanIssued {
  const loanId = entityId(data.loanId, 'loanId');
  if (state.status !== 'none') refuse('LOAN.ALREADY_EXISTS', `loan ${loanId} exists`, { loanId });
  const householdRef = entityId(data.householdRef, 'householdRef');
  const bank = requiredText(data.bank, 'bank');
  const purpose = requiredText(data.purpose, 'purpose');
  // A pseudonym that is really an ID or phone number would put a person in the public log.
  assertNoPersonalData({ householdRef, bank, purpose });
  const borrowerBirthYear = birthYear(data.borrowerBirthYear);
  const villageCode = RegionCode.village(data.villageCode).village();
  const issuedOn = businessDate(data.issuedOn, 'issuedOn');
  const terms = contractTerms({ ...data, birthYear: borrowerBirthYear, on: issuedOn }, rules);
  return {
    type: 'LoanIssued',
    data: {
      loanId,
      householdRef,
      borrowerBirthYear,
      villageCode,
      bank,
      amount: terms.amount.toString(),
      termMonths: terms.termMonths,
      annualRate: terms.annualRate,
      issuedOn,
      purpose,
      regionCodeEdition,
    },
  };
}

function repayLoan({ data }: RepayLoan, loan: Loan): LoanRepaid {
  const repaymentId = newFactId(loan, data.repaymentId, 'repaymentId', 'LOAN.REPAYMENT_ALREADY_EXISTS');
  const amount = Money.positive(data.amount);
  refuseAbove(amount, loan.outstanding, 'LOAN.REPAYMENT_EXCEEDS_OUTSTANDING', 'outstanding');
  const repaidOn = datedOnLoan(loan, data.repaidOn, 'repaidOn');
  return { type: 'LoanRepaid', data: { loanId: loan.loanId, repaymentId, amount: amount.toString(), repaidOn } };
}

/** Overdue is a fact of the calendar: a loan can be marked only after its maturity date has passed. */
function markOverdue({ data }: MarkLoanOverdue, loan: Loan): LoanMarkedOverdue {
  if (loan.status === 'overdue') refuse('LOAN.ALREADY_OVERDUE', `loan ${loan.loanId} is already overdue`, { overdueMarkedOn: loan.overdueMarkedOn });
  const on = datedOnLoan(loan, data.on, 'on');
  if (on <= loan.maturesOn) refuse('LOAN.NOT_OVERDUE', `loan ${loan.loanId} matures on ${loan.maturesOn}`, { maturesOn: loan.maturesOn });
  return { type: 'LoanMarkedOverdue', data: { loanId: loan.loanId, on } };
}

/** 续贷 replaces the contract: the same caps apply on the renewal date, and no debt disappears in it. */
function renewLoan({ data }: RenewLoan, loan: Loan, rules: LocalRules): LoanRenewed {
  const renewalId = newFactId(loan, data.renewalId, 'renewalId', 'LOAN.RENEWAL_ALREADY_EXISTS');
  const renewedOn = datedOnLoan(loan, data.renewedOn, 'renewedOn');
  const terms = contractTerms({ ...data, annualRate: data.annualRate ?? loan.annualRate, birthYear: loan.borrowerBirthYear, on: renewedOn }, rules);
  if (terms.amount.lt(loan.outstanding)) {
    refuse('LOAN.RENEWAL_BELOW_OUTSTANDING', `renewal of ${terms.amount.toString()} is below the ${loan.outstanding.toString()} outstanding`, {
      amount: terms.amount.toString(),
      outstanding: loan.outstanding.toString(),
    });
  }
  const { termMonths, annualRate } = terms;
  return { type: 'LoanRenewed', data: { loanId: loan.loanId, renewalId, amount: terms.amount.toString(), termMonths, annualRate, renewedOn } };
}

/**
 * 展期 lengthens the current contract. Extensions within `termMonthsMax` are ordinary; one per loan
 * may take the term past it (a borrower who cannot repay on time for reasons beyond their control),
 * for at most `termMonthsMax` more months; a second one past the cap is LOAN.TERM_EXCEEDED.
 */
function extendLoan({ data }: ExtendLoan, loan: Loan, rules: LocalRules): LoanExtended {
  const extensionId = newFactId(loan, data.extensionId, 'extensionId', 'LOAN.EXTENSION_ALREADY_EXISTS');
  const extendedOn = datedOnLoan(loan, data.extendedOn, 'extendedOn');
  const termMonthsAdded = loanMonths(data.termMonthsAdded, 'termMonthsAdded');
  const { termMonthsMax } = rules.microCredit;
  const beyondCap = loan.termMonths + termMonthsAdded > termMonthsMax;
  if (termMonthsAdded > termMonthsMax || (beyondCap && loan.extendedBeyondCap)) {
    refuse('LOAN.TERM_EXCEEDED', `extending ${loan.termMonths} months by ${termMonthsAdded} is past what policy allows`, {
      termMonths: loan.termMonths,
      termMonthsAdded,
      termMonthsMax,
      extendedBeyondCap: loan.extendedBeyondCap,
    });
  }
  return { type: 'LoanExtended', data: { loanId: loan.loanId, extensionId, termMonthsAdded, beyondCap, extendedOn } };
}
