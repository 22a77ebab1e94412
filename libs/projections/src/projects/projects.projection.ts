import { assertNever, invariant, type FundingSource, type ProjectFacts } from '@ledger/domain';
import type { LedgerEvent, LogPlace } from '../events/ledger-event';
import type { Projection } from '../projection';
import { getRow, putRow, requireRow, type RowProgram } from '../rows/row-ops';
import { fenOf } from '../shared/fen';
import { regionPartsOf } from '../shared/region';
import { projectsTables as t, type ProjectViewRow } from './projects.tables';

/**
 * 3. Project completion: each project's status and dates, planned vs funded vs disbursed (gross,
 * reversed, net), its place and year, and its funding lines by source down to the allocations
 * (fund type, source level) that gave the money. Read by `listProjects` and `getProject`.
 */
export const projectsProjection: Projection = {
  name: 'projects',
  // 2: the notice fields (targets, linkage, approval document), allocation documents, household payments.
  version: 2,
  tables: Object.values(t),
  apply: applyToProjects,
};

function* applyToProjects(event: LedgerEvent, place: LogPlace): RowProgram {
  switch (event.type) {
    case 'FundsAllocated': {
      const { allocationId, fundType, sourceLevel, fiscalYear, documentNo, partner, originalChannel } = event.data;
      return yield* putRow(t.allocations, {
        allocation_id: allocationId,
        fund_type: fundType,
        source_level: sourceLevel,
        fiscal_year: fiscalYear,
        document_no: documentNo,
        partner: partner ?? null,
        original_channel: originalChannel ?? null,
      });
    }
    case 'ProjectListed':
      return yield* listed(event.data, place);
    case 'ProjectApproved':
      return yield* update(event.data.projectId, place, (p) => ({ ...p, status: 'approved', approved_on: event.data.approvedOn, approval_document_no: event.data.documentNo }));
    case 'ProjectStarted':
      return yield* update(event.data.projectId, place, (p) => ({ ...p, status: 'started', started_on: event.data.startedOn }));
    case 'ProjectCompleted':
      return yield* update(event.data.projectId, place, (p) => ({ ...p, status: 'completed', completed_on: event.data.completedOn }));
    case 'ProjectAccepted':
      return yield* update(event.data.projectId, place, (p) => ({ ...p, status: 'accepted', accepted_on: event.data.acceptedOn }));
    case 'ProjectAmended':
      return yield* update(event.data.projectId, place, (p) => amended(p, event.data.after));
    case 'AssetRegistered':
      return yield* update(event.data.projectId, place, (p) => ({ ...p, assets: p.assets + 1 }));
    case 'ProjectFunded':
      return yield* lineChanged(event.data.projectId, event.data.fundingId, event.data.source, event.data.amount, event.data.fundedOn, 1n, place);
    case 'FundingReduced':
      return yield* lineChanged(event.data.projectId, event.data.fundingId, event.data.returnedTo, event.data.amount, event.data.reducedOn, -1n, place);
    case 'FundsDisbursed':
      return yield* disbursed(event.data, place);
    case 'DisbursementReversed':
      return yield* reversed(event.data, place);
    case 'DisbursementReimbursed': {
      const { projectId, disbursementId, amount } = event.data;
      const key = { project_id: projectId, disbursement_id: disbursementId };
      const disbursement = yield* requireRow(t.disbursements, key, 'DisbursementReimbursed');
      invariant(disbursement.reimbursed_fen === 0n, `disbursement ${disbursementId} reimbursed twice`);
      yield* putRow(t.disbursements, { ...disbursement, reimbursed_fen: fenOf(amount) });
      return yield* update(projectId, place, (p) => ({ ...p, reimbursed_fen: p.reimbursed_fen + fenOf(amount) }));
    }
    default:
      return ignored(event);
  }
}

type Handled =
  | 'FundsAllocated'
  | 'ProjectListed'
  | 'ProjectApproved'
  | 'ProjectStarted'
  | 'ProjectCompleted'
  | 'ProjectAccepted'
  | 'ProjectAmended'
  | 'AssetRegistered'
  | 'ProjectFunded'
  | 'FundingReduced'
  | 'FundsDisbursed'
  | 'DisbursementReversed'
  | 'DisbursementReimbursed';

/** Events outside a project's own stream: the project view reads the project's side of every movement. */
function ignored(event: Exclude<LedgerEvent, { type: Handled }>): void {
  switch (event.type) {
    case 'FundsReceived':
    case 'ReceiptReversed':
    case 'AllocationReduced':
    case 'FundsPooled':
    case 'FundsUnpooled':
    case 'FundsAssigned':
    case 'AssignmentReturned':
    case 'FundsCarriedOver':
    case 'FundsClawedBack':
    case 'ChannelFundsPooled':
    case 'ChannelFundsUnpooled':
    case 'PoolFundingDrawn':
    case 'PoolFundingReturned':
    case 'VoucherNumberUsed':
    case 'LoanIssued':
    case 'LoanRepaid':
    case 'LoanMarkedOverdue':
    case 'LoanRenewed':
    case 'LoanExtended':
    case 'LoanCompensated':
    case 'RiskFundDeposited':
    case 'RiskFundCompensationPaid':
    case 'NoticePublished':
    case 'NoticeWithdrawn':
    case 'RectificationOpened':
    case 'RectificationTaskClosed':
    case 'RectificationClosed':
    case 'RectificationReopened':
    case 'WarningAcknowledged': // inspectors' notes: the warnings projection's
    case 'WarningResolved':
      return;
    default:
      return assertNever(event, 'ledger event');
  }
}

function* listed(data: Extract<LedgerEvent, { type: 'ProjectListed' }>['data'], place: LogPlace): RowProgram {
  const existing = yield* getRow(t.view, { project_id: data.projectId });
  invariant(existing === undefined, `project ${data.projectId} listed twice`);
  yield* putRow(t.view, {
    project_id: data.projectId,
    name: data.name,
    category: data.category,
    ...regionPartsOf(data.villageCode),
    fiscal_year: data.fiscalYear,
    status: 'listed',
    household_level: data.householdLevel ? 1 : 0,
    implementing_unit: data.implementingUnit,
    performance_targets: JSON.stringify(data.performanceTargets),
    poverty_linkage: data.povertyLinkage,
    approval_document_no: null,
    listed_on: data.listedOn,
    approved_on: null,
    started_on: null,
    completed_on: null,
    accepted_on: null,
    planned_fen: fenOf(data.plannedInvestment),
    funded_fen: 0n,
    disbursed_fen: 0n,
    reversed_fen: 0n,
    reimbursed_fen: 0n,
    assets: 0,
    last_position: place.position,
  });
}

function amended(p: ProjectViewRow, after: Partial<ProjectFacts>): ProjectViewRow {
  return {
    ...p,
    name: after.name ?? p.name,
    category: after.category ?? p.category,
    implementing_unit: after.implementingUnit ?? p.implementing_unit,
    performance_targets: after.performanceTargets === undefined ? p.performance_targets : JSON.stringify(after.performanceTargets),
    poverty_linkage: after.povertyLinkage ?? p.poverty_linkage,
    household_level: after.householdLevel === undefined ? p.household_level : after.householdLevel ? 1 : 0,
    planned_fen: after.plannedInvestment === undefined ? p.planned_fen : fenOf(after.plannedInvestment),
  };
}

function* update(projectId: string, place: LogPlace, change: (project: ProjectViewRow) => ProjectViewRow): RowProgram {
  const project = yield* requireRow(t.view, { project_id: projectId }, 'project update');
  const next = change(project);
  invariant(next.funded_fen >= 0n && next.disbursed_fen - next.reversed_fen <= next.funded_fen, `project ${projectId}: net disbursed outside 0..funded`);
  yield* putRow(t.view, { ...next, last_position: place.position });
}

function* lineChanged(projectId: string, fundingId: string, source: FundingSource, amount: string, on: string, sign: 1n | -1n, place: LogPlace): RowProgram {
  const fen = sign * fenOf(amount);
  const key = { project_id: projectId, funding_id: fundingId };
  const line = yield* getRow(t.lines, key);
  invariant((line === undefined) === (sign === 1n), `funding ${fundingId} of ${projectId}: ${sign === 1n ? 'funded twice' : 'reduced but never funded'}`);
  const sourceColumns =
    source.kind === 'allocation'
      ? { source_kind: 'allocation', source_allocation_id: source.allocationId, source_pool: null }
      : { source_kind: 'pool', source_allocation_id: null, source_pool: `${source.county}-${source.fiscalYear}` };
  const current = line ?? { ...key, ...sourceColumns, funded_on: on, funded_fen: 0n, disbursed_fen: 0n, reversed_fen: 0n };
  yield* putRow(t.lines, { ...current, funded_fen: current.funded_fen + fen });
  const parts = source.kind === 'allocation' ? [{ allocationId: source.allocationId, amount }] : source.shares;
  for (const share of parts) {
    const partKey = { ...key, allocation_id: share.allocationId };
    const part = (yield* getRow(t.lineParts, partKey)) ?? { ...partKey, funded_fen: 0n };
    const funded = part.funded_fen + sign * fenOf(share.amount);
    invariant(funded >= 0n, `funding ${fundingId} of ${projectId} gives back more to ${share.allocationId} than it holds`);
    yield* putRow(t.lineParts, { ...part, funded_fen: funded });
  }
  yield* update(projectId, place, (p) => ({ ...p, funded_fen: p.funded_fen + fen }));
}

function* disbursed(data: Extract<LedgerEvent, { type: 'FundsDisbursed' }>['data'], place: LogPlace): RowProgram {
  const fen = fenOf(data.amount);
  const line = yield* requireRow(t.lines, { project_id: data.projectId, funding_id: data.fundingId }, 'FundsDisbursed');
  invariant(line.disbursed_fen - line.reversed_fen + fen <= line.funded_fen, `disbursement ${data.disbursementId} exceeds funding ${data.fundingId}`);
  yield* putRow(t.lines, { ...line, disbursed_fen: line.disbursed_fen + fen });
  const key = { project_id: data.projectId, disbursement_id: data.disbursementId };
  invariant((yield* getRow(t.disbursements, key)) === undefined, `disbursement ${data.disbursementId} recorded twice`);
  yield* putRow(t.disbursements, { ...key, funding_id: data.fundingId, amount_fen: fen, reversed_fen: 0n, reimbursed_fen: 0n });
  if (data.payee.kind === 'household') {
    const payment = { disbursement_id: data.disbursementId, project_id: data.projectId, household_ref: data.payee.householdRef, paid_on: data.paidOn };
    yield* putRow(t.householdPayments, { ...payment, amount_fen: fen, reversed_fen: 0n });
  }
  yield* update(data.projectId, place, (p) => ({ ...p, disbursed_fen: p.disbursed_fen + fen }));
}

function* reversed(data: Extract<LedgerEvent, { type: 'DisbursementReversed' }>['data'], place: LogPlace): RowProgram {
  const fen = fenOf(data.amount);
  const key = { project_id: data.projectId, disbursement_id: data.disbursementId };
  const disbursement = yield* requireRow(t.disbursements, key, 'DisbursementReversed');
  invariant(disbursement.reversed_fen + fen <= disbursement.amount_fen, `disbursement ${data.disbursementId} reversed beyond its amount`);
  yield* putRow(t.disbursements, { ...disbursement, reversed_fen: disbursement.reversed_fen + fen });
  const payment = yield* getRow(t.householdPayments, { disbursement_id: data.disbursementId });
  if (payment !== undefined) yield* putRow(t.householdPayments, { ...payment, reversed_fen: payment.reversed_fen + fen });
  const line = yield* requireRow(t.lines, { project_id: data.projectId, funding_id: disbursement.funding_id }, 'DisbursementReversed');
  yield* putRow(t.lines, { ...line, reversed_fen: line.reversed_fen + fen });
  yield* update(data.projectId, place, (p) => ({ ...p, reversed_fen: p.reversed_fen + fen }));
}
