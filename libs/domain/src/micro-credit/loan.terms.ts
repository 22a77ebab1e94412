import Decimal from 'decimal.js';
import { ageInYear, type BusinessDate } from '../shared/business-date';
import { refuse } from '../shared/domain-error';
import type { LocalRules, ReferenceRate } from '../shared/local-rules';
import { Money } from '../shared/money';
import { refuseAbove } from '../shared/money-limit';

/** Loans of at most this many months are priced on the 1-year rate, longer ones on the over-1-year rate. */
export const shortTermMonthsMax = 12;

/** A term (or a number of months added) in whole months, at least one. */
export function loanMonths(input: unknown, field: string): number {
  if (!Number.isInteger(input) || (input as number) < 1) {
    refuse('LOAN.TERM_INVALID', `${field} must be a whole number of months ≥ 1`, { field, value: input });
  }
  return input as number;
}

/** An annual rate as a decimal fraction with at most 4 places ("0.0385"), above zero; kept to 4 places. */
export function annualRate(input: unknown): string {
  if (typeof input !== 'string' || !/^0\.\d{1,4}$/.test(input) || new Decimal(input).isZero()) {
    refuse('LOAN.RATE_INVALID', `annualRate must be a decimal fraction like "0.0385": ${String(input)}`, { value: input });
  }
  return new Decimal(input).toFixed(4);
}

/** The reference rate (benchmark rate, from 2019-08-20 the LPR) in force on `on` for a loan of `termMonths`. */
export function referenceRateOn(rules: LocalRules, on: BusinessDate, termMonths: number): string | null {
  const rates = rules.microCredit.referenceRates;
  const inForce: ReferenceRate | undefined = rates.filter((rate) => rate.from <= on).at(-1);
  if (!inForce) return null;
  return termMonths <= shortTermMonthsMax ? inForce.upToOneYear : inForce.overOneYear;
}

interface ContractInput {
  readonly amount: unknown;
  readonly termMonths: unknown;
  readonly annualRate: unknown;
  readonly birthYear: number;
  /** The contract date: the issue or the renewal. */
  readonly on: BusinessDate;
}

interface ContractTerms {
  readonly amount: Money;
  readonly termMonths: number;
  readonly annualRate: string;
}

/**
 * The caps every loan contract must meet, on issue and on renewal alike (银保监发〔2021〕6号, amounts
 * and ages from LocalRules): amount, term, the borrower's age in the contract year, and a rate not
 * above the reference rate in force on the contract date for its term.
 */
export function contractTerms(input: ContractInput, rules: LocalRules): ContractTerms {
  const caps = rules.microCredit;
  const amount = Money.positive(input.amount);
  refuseAbove(amount, Money.of(caps.loanAmountMax), 'LOAN.CAP_EXCEEDED', 'loanAmountMax');
  const termMonths = loanMonths(input.termMonths, 'termMonths');
  if (termMonths > caps.termMonthsMax) {
    refuse('LOAN.TERM_EXCEEDED', `term ${termMonths} exceeds ${caps.termMonthsMax} months`, { termMonths, termMonthsMax: caps.termMonthsMax });
  }
  const age = ageInYear(input.birthYear, input.on);
  if (age < caps.borrowerAgeMin || age > caps.borrowerAgeMax) {
    refuse('LOAN.BORROWER_AGE', `borrower is ${age} in ${input.on.slice(0, 4)}, outside ${caps.borrowerAgeMin}–${caps.borrowerAgeMax}`, { age });
  }
  const rate = annualRate(input.annualRate);
  const reference = referenceRateOn(rules, input.on, termMonths);
  if (reference === null) refuse('LOAN.REFERENCE_RATE_UNKNOWN', `no reference rate configured for ${input.on}`, { on: input.on });
  if (new Decimal(rate).gt(reference)) {
    refuse('LOAN.RATE_ABOVE_LPR', `rate ${rate} is above the reference rate ${reference} in force on ${input.on}`, {
      annualRate: rate,
      referenceRate: reference,
    });
  }
  return { amount, termMonths, annualRate: rate };
}
