import { invariant, streams, type DisbursementReversed, type FundsDisbursed, type LocalRules, type WarningRule } from '@ledger/domain';
import { type LogPlace, getRow, putRow, requireRow, type RowProgram, fenOf } from '@ledger/projections';
import { detailItemsMax, householdPaymentsMax } from './limits';
import { detailsOf, evidenceOf, putWarning, readWarning, withdrawWarning } from './warning-rows';
import { warningsTables as t, type DisbursementRow, type ProjectRow } from './warnings.tables';

/**
 * Rules on payments (FundsDisbursed):
 * - SPENDING.NEGATIVE_LIST: the purpose contains a keyword of `rules.negativeList` (substring,
 *   as written), whatever fund paid it; subject the payment. A red-letter reversal of all of it
 *   withdraws the warning (the money came back).
 * - HOUSEHOLD.PAID_TWICE: a household paid again from the same funding line in the same calendar
 *   year (of the payment date). The payments are ordered by date (then id): the first is the
 *   benefit, every later one is a warning with both as evidence; a fully reversed payment no
 *   longer counts. Subject the repeated payment.
 * - PROJECT.NOT_IN_LIBRARY: paid on a date before the project was listed (入库): spending on a
 *   project that was not in the library then. Subject the project, every such payment as evidence.
 * - PROJECT.NO_TARGETS: paid while the project has no performance targets (绩效目标). Subject the project.
 * The deciders refuse most of these today: they can only come from history recorded before a rule
 * changed or from the dates of facts recorded out of order; the rules are judged all the same.
 */

export function* disbursed(data: FundsDisbursed['data'], place: LogPlace, rules: LocalRules): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: data.projectId }, 'FundsDisbursed');
  const key = { project_id: data.projectId, disbursement_id: data.disbursementId };
  invariant((yield* getRow(t.disbursements, key)) === undefined, `disbursement ${data.disbursementId} recorded twice`);
  const householdRef = data.payee.kind === 'household' ? data.payee.householdRef : null;
  const row: DisbursementRow = {
    ...key,
    funding_id: data.fundingId,
    amount_fen: fenOf(data.amount),
    reversed_fen: 0n,
    paid_on: data.paidOn,
    position: place.position,
    voucher_no: data.voucherNo,
    household_ref: householdRef,
  };
  yield* putRow(t.disbursements, row);
  yield* judgeNegativeList(data, project, place, rules.negativeList);
  if (data.paidOn < project.listed_on) yield* addPayment('PROJECT.NOT_IN_LIBRARY', project, row, place, { listedOn: project.listed_on });
  if (project.targets === 0) yield* addPayment('PROJECT.NO_TARGETS', project, row, place, {});
  if (householdRef !== null) yield* householdPayment(project, row, true, place);
}

export function* disbursementReversed(data: DisbursementReversed['data'], place: LogPlace): RowProgram<DisbursementRow> {
  const key = { project_id: data.projectId, disbursement_id: data.disbursementId };
  const before = yield* requireRow(t.disbursements, key, 'DisbursementReversed');
  const row = { ...before, reversed_fen: before.reversed_fen + fenOf(data.amount) };
  invariant(row.reversed_fen <= row.amount_fen, `disbursement ${data.disbursementId} reversed beyond its amount`);
  yield* putRow(t.disbursements, row);
  if (row.reversed_fen === row.amount_fen) {
    const project = yield* requireRow(t.projects, { project_id: data.projectId }, 'DisbursementReversed');
    yield* withdrawWarning('SPENDING.NEGATIVE_LIST', paymentSubject(row));
    if (row.household_ref !== null) yield* householdPayment(project, row, false, place);
  }
  return before;
}

function paymentSubject(row: Pick<DisbursementRow, 'project_id' | 'disbursement_id'>) {
  return { stream: streams.project(row.project_id), id: row.disbursement_id };
}

function* judgeNegativeList(data: FundsDisbursed['data'], project: ProjectRow, place: LogPlace, negativeList: readonly string[]): RowProgram {
  const keywords = negativeList.filter((keyword) => keyword !== '' && data.purpose.includes(keyword));
  if (keywords.length === 0) return;
  const payee = data.payee.kind === 'unit' ? data.payee.name : data.payee.householdRef;
  yield* putWarning(
    {
      rule: 'SPENDING.NEGATIVE_LIST',
      subject: paymentSubject({ project_id: data.projectId, disbursement_id: data.disbursementId }),
      county: project.county,
      region: project.village,
      holds: true,
      raisedOn: data.paidOn,
      clearedOn: null,
      evidence: [place.position],
      details: { keywords, purpose: data.purpose, amount: data.amount, payee, fundingId: data.fundingId, voucherNo: data.voucherNo },
    },
    place,
  );
}

interface PaymentsDetails {
  readonly count: number;
  readonly disbursementIds: readonly string[];
}

/** Adds a payment to a project-level warning (NOT_IN_LIBRARY, NO_TARGETS). */
function* addPayment(rule: WarningRule, project: ProjectRow, payment: DisbursementRow, place: LogPlace, extra: Record<string, unknown>): RowProgram {
  const subject = { stream: streams.project(project.project_id), id: project.project_id };
  const existing = yield* readWarning(rule, subject);
  const details = detailsOf<PaymentsDetails>(existing);
  const ids = details.disbursementIds ?? [];
  yield* putWarning(
    {
      rule,
      subject,
      county: project.county,
      region: project.village,
      holds: true,
      raisedOn: existing === undefined || payment.paid_on < existing.raised_on ? payment.paid_on : existing.raised_on,
      clearedOn: null,
      evidence: [...evidenceOf(existing), payment.position],
      details: { ...extra, count: (details.count ?? 0) + 1, disbursementIds: ids.length < detailItemsMax ? [...ids, payment.disbursement_id] : ids },
    },
    place,
  );
}

/** `[disbursementId, paidOn, position, active]`. */
type HouseholdPayment = [string, string, number, 0 | 1];

function* householdPayment(project: ProjectRow, payment: DisbursementRow, active: boolean, place: LogPlace): RowProgram {
  const year = payment.paid_on.slice(0, 4);
  const paymentsKey = [payment.project_id, payment.funding_id, payment.household_ref, year].join('|');
  const row = yield* getRow(t.householdPayments, { payments_key: paymentsKey });
  const payments: HouseholdPayment[] = row === undefined ? [] : (JSON.parse(row.payments) as HouseholdPayment[]);
  const index = payments.findIndex(([id]) => id === payment.disbursement_id);
  if (index === -1) payments.push([payment.disbursement_id, payment.paid_on, Number(payment.position), active ? 1 : 0]);
  else payments[index] = [payments[index]![0], payments[index]![1], payments[index]![2], active ? 1 : 0];
  invariant(payments.length <= householdPaymentsMax, `more than ${householdPaymentsMax} payments to one household from ${payment.funding_id} in ${year}`);
  yield* putRow(t.householdPayments, { payments_key: paymentsKey, payments: JSON.stringify(payments) });
  const counted = payments.filter(([, , , isActive]) => isActive === 1).sort(([a, aOn], [b, bOn]) => (aOn < bOn ? -1 : aOn > bOn ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const first = counted[0];
  for (const [id, paidOn, position, isActive] of payments) {
    const repeat = isActive === 1 && first !== undefined && first[0] !== id;
    yield* putWarning(
      {
        rule: 'HOUSEHOLD.PAID_TWICE',
        subject: paymentSubject({ project_id: payment.project_id, disbursement_id: id }),
        county: project.county,
        region: project.village,
        holds: repeat,
        raisedOn: paidOn,
        clearedOn: null,
        evidence: repeat ? [BigInt(first![2]), BigInt(position)] : [],
        details: repeat ? { householdRef: payment.household_ref, fundingId: payment.funding_id, year: Number(year), firstPayment: first![0], firstPaidOn: first![1] } : {},
      },
      place,
    );
  }
}
