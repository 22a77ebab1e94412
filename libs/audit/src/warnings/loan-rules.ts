import Decimal from 'decimal.js';
import {
  addMonths,
  ageInYear,
  daysBetween,
  invariant,
  Money,
  RegionCode,
  referenceRateOn,
  streams,
  type LoanCompensated,
  type LoanExtended,
  type LoanIssued,
  type LoanRenewed,
  type LocalRules,
} from '@ledger/domain';
import { type LogPlace, getRow, putRow, requireRow, type RowProgram } from '@ledger/projections';
import { detailItemsMax } from './limits';
import { detailsOf, evidenceOf, putWarning, readWarning } from './warning-rows';
import { warningsTables as t, type LoanRow } from './warnings.tables';

/**
 * Micro-credit rules, against the province's LocalRules as configured now (a loan recorded under
 * older rules is judged by today's: that is the point):
 * - LOAN.OUTSIDE_CAPS: a contract (the issue, or a renewal 续贷) above `loanAmountMax`, longer than
 *   `termMonthsMax`, to a borrower outside `borrowerAgeMin`–`borrowerAgeMax` in the contract's year,
 *   or at a rate above the reference rate in force on its date for its term. Subject the loan;
 *   raised on the first such contract's date. An extension past the cap is policy (once per
 *   loan, recorded as `beyondCap`), not a breach.
 * - LOAN.COMPENSATED_EARLY: compensated from the risk fund fewer than `compensationOverdueDaysMin`
 *   days after maturity (the domain counts overdue days from maturity, as here). Exactly the
 *   minimum is not early. Raised on the compensation date.
 */

type Breach = 'amount' | 'term' | 'age' | 'rate';

interface Contract {
  readonly amount: string;
  readonly termMonths: number;
  readonly annualRate: string;
  readonly on: string;
}

export function capBreaches(contract: Contract, birthYear: number, rules: LocalRules): Breach[] {
  const caps = rules.microCredit;
  const breaches: Breach[] = [];
  if (Money.of(contract.amount).gt(Money.of(caps.loanAmountMax))) breaches.push('amount');
  if (contract.termMonths > caps.termMonthsMax) breaches.push('term');
  const age = ageInYear(birthYear, contract.on);
  if (age < caps.borrowerAgeMin || age > caps.borrowerAgeMax) breaches.push('age');
  const reference = referenceRateOn(rules, contract.on, contract.termMonths);
  if (reference !== null && new Decimal(contract.annualRate).gt(reference)) breaches.push('rate');
  return breaches;
}

export function* loanIssued(data: LoanIssued['data'], place: LogPlace, rules: LocalRules): RowProgram {
  invariant((yield* getRow(t.loans, { loan_id: data.loanId })) === undefined, `loan ${data.loanId} issued twice`);
  const village = RegionCode.village(data.villageCode);
  const loan: LoanRow = {
    loan_id: data.loanId,
    county: village.county(),
    village: village.village(),
    birth_year: data.borrowerBirthYear,
    contract_start_on: data.issuedOn,
    term_months: data.termMonths,
    matures_on: addMonths(data.issuedOn, data.termMonths),
  };
  yield* putRow(t.loans, loan);
  yield* judgeContract(loan, { amount: data.amount, termMonths: data.termMonths, annualRate: data.annualRate, on: data.issuedOn }, 'issue', place, rules);
}

export function* loanRenewed(data: LoanRenewed['data'], place: LogPlace, rules: LocalRules): RowProgram {
  const before = yield* requireRow(t.loans, { loan_id: data.loanId }, 'LoanRenewed');
  const loan = { ...before, contract_start_on: data.renewedOn, term_months: data.termMonths, matures_on: addMonths(data.renewedOn, data.termMonths) };
  yield* putRow(t.loans, loan);
  yield* judgeContract(loan, { amount: data.amount, termMonths: data.termMonths, annualRate: data.annualRate, on: data.renewedOn }, data.renewalId, place, rules);
}

export function* loanExtended(data: LoanExtended['data']): RowProgram {
  const before = yield* requireRow(t.loans, { loan_id: data.loanId }, 'LoanExtended');
  const termMonths = before.term_months + data.termMonthsAdded;
  yield* putRow(t.loans, { ...before, term_months: termMonths, matures_on: addMonths(before.contract_start_on, termMonths) });
}

interface CapsDetails {
  readonly contracts: readonly { readonly contract: string; readonly on: string; readonly breaches: readonly Breach[] }[];
}

function* judgeContract(loan: LoanRow, contract: Contract, name: string, place: LogPlace, rules: LocalRules): RowProgram {
  const breaches = capBreaches(contract, loan.birth_year, rules);
  if (breaches.length === 0) return;
  const subject = { stream: streams.loan(loan.loan_id), id: loan.loan_id };
  const existing = yield* readWarning('LOAN.OUTSIDE_CAPS', subject);
  const contracts = detailsOf<CapsDetails>(existing).contracts ?? [];
  yield* putWarning(
    {
      rule: 'LOAN.OUTSIDE_CAPS',
      subject,
      county: loan.county,
      region: loan.village,
      holds: true,
      raisedOn: existing === undefined || contract.on < existing.raised_on ? contract.on : existing.raised_on,
      clearedOn: null,
      evidence: [...evidenceOf(existing), place.position],
      details: { contracts: [...contracts, { contract: name, on: contract.on, breaches }].slice(0, detailItemsMax) },
    },
    place,
  );
}

export function* loanCompensated(data: LoanCompensated['data'], place: LogPlace, rules: LocalRules): RowProgram {
  const loan = yield* requireRow(t.loans, { loan_id: data.loanId }, 'LoanCompensated');
  const overdueDays = daysBetween(loan.matures_on, data.compensatedOn);
  const daysMin = rules.microCredit.compensationOverdueDaysMin;
  if (overdueDays >= daysMin) return;
  const subject = { stream: streams.loan(loan.loan_id), id: loan.loan_id };
  const existing = yield* readWarning('LOAN.COMPENSATED_EARLY', subject);
  yield* putWarning(
    {
      rule: 'LOAN.COMPENSATED_EARLY',
      subject,
      county: loan.county,
      region: loan.village,
      holds: true,
      raisedOn: existing?.raised_on ?? data.compensatedOn,
      clearedOn: null,
      evidence: [...evidenceOf(existing), place.position],
      details: { compensationId: data.compensationId, maturesOn: loan.matures_on, compensatedOn: data.compensatedOn, overdueDays, compensationOverdueDaysMin: daysMin },
    },
    place,
  );
}
