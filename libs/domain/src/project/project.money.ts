import { businessDate } from '../shared/business-date';
import { refuse, invariant } from '../shared/domain-error';
import { Money } from '../shared/money';
import { refuseAbove } from '../shared/money-limit';
import { assertNoPersonalData } from '../shared/personal-data';
import { entityId, requiredText } from '../shared/reference-data';
import { voucherNumber } from '../voucher-book/voucher-number';
import { party } from './party';
import type { AddFundingLine, DisburseFunds, ReduceFundingLine, ReimburseDisbursement, ReverseDisbursement } from './project.commands';
import type { FundingSource, ProjectEvent } from './project.events';
import { requireOpenForNewMoney, requireProject } from './project.guards';
import { lineAvailable, partsByAllocation, sourceRef, type FundingLine, type Project, type ProjectState } from './project.state';

/**
 * The project's side of the money: funding lines, disbursements, reversals and reimbursements.
 * The money movements call `requireFundable` and `requireReducibleLine` before they ask the
 * source, so that a project's own refusal comes first, and then the decider re-checks the same.
 */
export function requireFundable(state: ProjectState, data: { fundingId: unknown; fundedOn: unknown }) {
  const project = requireProject(state);
  const fundingId = entityId(data.fundingId, 'fundingId');
  const fundedOn = businessDate(data.fundedOn, 'fundedOn');
  requireOpenForNewMoney(project, fundedOn, 'PROJECT.NOT_APPROVED');
  if (project.lines.has(fundingId)) refuse('FUNDING.ALREADY_EXISTS', `funding ${fundingId} exists`, { fundingId });
  return { project, fundingId, fundedOn };
}

export function addFundingLine({ data }: AddFundingLine, state: ProjectState): ProjectEvent {
  const { project, fundingId, fundedOn } = requireFundable(state, data);
  const amount = Money.positive(data.amount);
  partsByAllocation(data.source, amount); // the movement's source must account for every fen
  return { type: 'ProjectFunded', data: { projectId: project.projectId, fundingId, source: data.source, amount: amount.toString(), fundedOn } };
}

/** A reduction gives back unspent money only: funded less what was disbursed and not reversed. */
export function requireReducibleLine(state: ProjectState, data: { reductionId: unknown; fundingId: unknown; amount: unknown }) {
  const project = requireProject(state);
  const reductionId = entityId(data.reductionId, 'reductionId');
  if (project.factIds.has(reductionId)) refuse('REDUCTION.ALREADY_EXISTS', `reduction ${reductionId} exists`, { reductionId });
  const { fundingId, line } = requireLine(project, data.fundingId);
  const amount = Money.positive(data.amount);
  refuseAbove(amount, lineAvailable(line), 'FUNDING.REDUCTION_EXCEEDS_UNSPENT', 'unspent');
  return { project, reductionId, fundingId, line, amount };
}

export function reduceFundingLine({ data }: ReduceFundingLine, state: ProjectState): ProjectEvent {
  const { project, reductionId, fundingId, line, amount } = requireReducibleLine(state, data);
  assertSameSource(line, data.returnedTo, amount);
  const reason = requiredText(data.reason, 'reason');
  assertNoPersonalData({ reason });
  const reducedOn = businessDate(data.reducedOn, 'reducedOn');
  return {
    type: 'FundingReduced',
    data: { projectId: project.projectId, reductionId, fundingId, amount: amount.toString(), reason, reducedOn, returnedTo: data.returnedTo },
  };
}

/** The movement decided where the money goes back to; it must be the line's own source, fen for fen. */
function assertSameSource(line: FundingLine, returnedTo: FundingSource, amount: Money): void {
  invariant(JSON.stringify(sourceRef(returnedTo)) === JSON.stringify(line.source), 'funding returned to another source than it came from');
  for (const [allocationId, part] of partsByAllocation(returnedTo, amount)) {
    invariant(part.lte(line.byAllocation.get(allocationId) ?? Money.zero), `more returned to ${allocationId} than the line holds from it`);
  }
}

function requireLine(project: Project, input: unknown): { fundingId: string; line: FundingLine } {
  const fundingId = entityId(input, 'fundingId');
  const line = project.lines.get(fundingId) ?? refuse('FUNDING.NOT_FOUND', `project ${project.projectId} has no funding ${fundingId}`, { fundingId });
  return { fundingId, line };
}

export function disburseFunds({ data }: DisburseFunds, project: Project): ProjectEvent {
  const paidOn = businessDate(data.paidOn, 'paidOn');
  requireOpenForNewMoney(project, paidOn, 'DISBURSEMENT.BEFORE_APPROVAL');
  const disbursementId = entityId(data.disbursementId, 'disbursementId');
  if (project.disbursements.has(disbursementId)) refuse('DISBURSEMENT.ALREADY_EXISTS', `disbursement ${disbursementId} exists`, { disbursementId });
  const { fundingId, line } = requireLine(project, data.fundingId);
  const amount = Money.positive(data.amount);
  refuseAbove(amount, lineAvailable(line), 'PROJECT.FUNDING_EXCEEDED', 'available');
  const purpose = requiredText(data.purpose, 'purpose');
  assertNoPersonalData({ purpose });
  return {
    type: 'FundsDisbursed',
    data: {
      projectId: project.projectId,
      disbursementId,
      fundingId,
      amount: amount.toString(),
      payee: party(data.payee, 'payee'),
      voucherNo: voucherNumber(data.voucherNo),
      paidOn,
      purpose,
    },
  };
}

function requireDisbursement(project: Project, input: unknown) {
  const disbursementId = entityId(input, 'disbursementId');
  const disbursement =
    project.disbursements.get(disbursementId) ?? refuse('DISBURSEMENT.NOT_FOUND', `no disbursement ${disbursementId}`, { disbursementId });
  return { disbursementId, disbursement, remaining: disbursement.amount.minus(disbursement.reversed) };
}

function requireNewFact(project: Project, input: unknown, field: 'reversalId' | 'reimbursementId'): string {
  const id = entityId(input, field);
  const code = field === 'reversalId' ? 'REVERSAL.ALREADY_EXISTS' : 'REIMBURSEMENT.ALREADY_EXISTS';
  if (project.factIds.has(id)) refuse(code, `${field} ${id} already used in project ${project.projectId}`, { [field]: id });
  return id;
}

/** 红字冲销: a reversal refers to the original and never exceeds what is left of it. */
export function reverseDisbursement({ data }: ReverseDisbursement, project: Project): ProjectEvent {
  const reversalId = requireNewFact(project, data.reversalId, 'reversalId');
  const { disbursementId, disbursement, remaining } = requireDisbursement(project, data.disbursementId);
  const amount = Money.positive(data.amount);
  refuseAbove(amount, remaining, 'DISBURSEMENT.REVERSAL_EXCEEDS_REMAINING', 'remaining');
  const reason = requiredText(data.reason, 'reason');
  assertNoPersonalData({ reason });
  return {
    type: 'DisbursementReversed',
    data: {
      projectId: project.projectId,
      reversalId,
      disbursementId,
      fundingId: disbursement.fundingId,
      amount: amount.toString(),
      reason,
      voucherNo: voucherNumber(data.voucherNo),
      reversedOn: businessDate(data.reversedOn, 'reversedOn'),
    },
  };
}

/** 报账 of what is left of a disbursement, once. */
export function reimburseDisbursement({ data }: ReimburseDisbursement, project: Project): ProjectEvent {
  const reimbursementId = requireNewFact(project, data.reimbursementId, 'reimbursementId');
  const { disbursementId, disbursement, remaining } = requireDisbursement(project, data.disbursementId);
  if (disbursement.reimbursed) refuse('DISBURSEMENT.ALREADY_REIMBURSED', `disbursement ${disbursementId} was reimbursed`, { disbursementId });
  if (remaining.isZero()) refuse('DISBURSEMENT.FULLY_REVERSED', `disbursement ${disbursementId} was fully reversed`, { disbursementId });
  return {
    type: 'DisbursementReimbursed',
    data: {
      projectId: project.projectId,
      reimbursementId,
      disbursementId,
      amount: remaining.toString(),
      reimbursedOn: businessDate(data.reimbursedOn, 'reimbursedOn'),
      voucherNo: voucherNumber(data.voucherNo),
    },
  };
}
