import { assertNever, defaultLocalRules, invariant, type FundingSource, type LocalRules } from '@ledger/domain';
import type { LedgerEvent } from '../events/ledger-event';
import type { Projection } from '../projection';
import { getRow, putRow, requireRow, type RowProgram } from '../rows/row-ops';
import { leftPerPart, sourceParts, splitOverUnreversed, splitOverUnspent } from '../shared/attribution';
import { fenOf } from '../shared/fen';
import { regionPartsOf } from '../shared/region';
import { allocationDims, FactWriter, loanDims, moneyOnProjectDims, projectDims, riskFundDims } from './fact-writer';
import { metricsTables as t } from './metrics.tables';
import { readParts, writeParts, type Part } from './parts';
import { allocationsSubjectKey, noticePublished, openObligation, projectSubjectKey } from './notice-obligations';

/**
 * 2. Metrics facts: the table `metrics_facts` of signed deltas by measure and dimension, from
 * which `queryMetrics` sums any region prefix × fiscal year × fund type × source level, up to a
 * business date and as of a log position (see metrics.tables.ts and metrics.queries.ts).
 *
 * Money is followed per allocation, so that a yuan paid from a pooled line still counts under the
 * year, fund type and source level of the channel it came from. A line's money is known per
 * allocation (ProjectFunded / FundingReduced carry the parts); a disbursement does not say which
 * channel's money it spent, so it is attributed pro rata to what each allocation still has unspent
 * on the line (largest remainder, to the fen), and a reversal or reimbursement follows the parts of
 * its disbursement. Pool-side and allocation-side twins of a movement (FundsAssigned, FundsPooled,
 * PoolFundingDrawn, …) are not counted again.
 *
 * The deadline of the timely-notice rate comes from `rules.notices.countyDeadlineWorkingDays`;
 * changing it changes the facts, so it requires `rebuild('metrics')`.
 */
export function metricsProjection(rules: LocalRules = defaultLocalRules): Projection {
  const deadlineWorkingDays = rules.notices.countyDeadlineWorkingDays;
  return {
    name: 'metrics',
    version: 1,
    tables: Object.values(t),
    apply: (event, place) => applyToMetrics(event, new FactWriter(place), deadlineWorkingDays),
  };
}

function* applyToMetrics(event: LedgerEvent, facts: FactWriter, deadlineWorkingDays: number): RowProgram {
  switch (event.type) {
    case 'FundsAllocated': {
      const { allocationId, county, fundType, sourceLevel, fiscalYear, amount, allocatedOn } = event.data;
      const allocation = { allocation_id: allocationId, county, fund_type: fundType, source_level: sourceLevel, fiscal_year: fiscalYear };
      yield* putRow(t.allocations, allocation);
      yield* facts.emit('allocated', allocationDims(allocation), allocatedOn, fenOf(amount));
      const obligation = { id: `allocation:${allocationId}`, subjectKey: allocationsSubjectKey(county, fiscalYear), basisDate: allocatedOn };
      return yield* openObligation(facts, { ...obligation, dims: { ...allocationDims(allocation), fiscal_year: fiscalYear }, noticeNotBeforeBasis: true }, deadlineWorkingDays);
    }
    case 'AllocationReduced':
      return yield* allocationFact(facts, 'allocated', event.data.allocationId, event.data.reducedOn, -fenOf(event.data.amount));
    case 'FundsReceived':
      return yield* allocationFact(facts, 'received', event.data.allocationId, event.data.receivedOn, fenOf(event.data.amount));
    case 'ReceiptReversed':
      return yield* allocationFact(facts, 'received', event.data.allocationId, event.data.reversedOn, -fenOf(event.data.amount));
    case 'ProjectListed': {
      const { projectId, villageCode, fiscalYear, plannedInvestment } = event.data;
      const project = { project_id: projectId, ...regionPartsOf(villageCode), fiscal_year: fiscalYear, planned_fen: fenOf(plannedInvestment), approved: 0 };
      return yield* putRow(t.projects, project);
    }
    case 'ProjectApproved': {
      const project = yield* requireRow(t.projects, { project_id: event.data.projectId }, 'ProjectApproved');
      invariant(project.approved === 0, `project ${project.project_id} approved twice`);
      yield* putRow(t.projects, { ...project, approved: 1 });
      const { approvedOn } = event.data;
      yield* facts.emit('approved', projectDims(project), approvedOn, 1n);
      yield* facts.emit('planned', projectDims(project), approvedOn, project.planned_fen);
      const obligation = { id: `project:${project.project_id}`, subjectKey: projectSubjectKey(project.project_id), basisDate: approvedOn };
      return yield* openObligation(facts, { ...obligation, dims: { ...projectDims(project), fiscal_year: project.fiscal_year }, noticeNotBeforeBasis: false }, deadlineWorkingDays);
    }
    case 'ProjectAmended': {
      const planned = event.data.after.plannedInvestment;
      if (planned === undefined) return;
      const project = yield* requireRow(t.projects, { project_id: event.data.projectId }, 'ProjectAmended');
      yield* putRow(t.projects, { ...project, planned_fen: fenOf(planned) });
      // Planned investment counts from approval: before it the amended figure is what approval will count.
      if (project.approved === 1) yield* facts.emit('planned', projectDims(project), event.data.amendedOn, fenOf(planned) - project.planned_fen);
      return;
    }
    case 'ProjectStarted':
      return yield* projectCount(facts, 'started', event.data.projectId, event.data.startedOn);
    case 'ProjectCompleted':
      return yield* projectCount(facts, 'completed', event.data.projectId, event.data.completedOn);
    case 'ProjectFunded':
      return yield* lineChanged(facts, event.data.projectId, event.data.fundingId, event.data.source, event.data.amount, event.data.fundedOn, 1n);
    case 'FundingReduced':
      return yield* lineChanged(facts, event.data.projectId, event.data.fundingId, event.data.returnedTo, event.data.amount, event.data.reducedOn, -1n);
    case 'FundsDisbursed':
      return yield* disbursed(facts, event.data);
    case 'DisbursementReversed':
      return yield* disbursementReversed(facts, event.data);
    case 'DisbursementReimbursed':
      return yield* reimbursed(facts, event.data);
    case 'NoticePublished':
      return yield* noticePublished(facts, event.data);
    default:
      return yield* applyMicroCredit(event, facts);
  }
}

type HandledAbove =
  | 'FundsAllocated'
  | 'AllocationReduced'
  | 'FundsReceived'
  | 'ReceiptReversed'
  | 'ProjectListed'
  | 'ProjectApproved'
  | 'ProjectAmended'
  | 'ProjectStarted'
  | 'ProjectCompleted'
  | 'ProjectFunded'
  | 'FundingReduced'
  | 'FundsDisbursed'
  | 'DisbursementReversed'
  | 'DisbursementReimbursed'
  | 'NoticePublished';

function* applyMicroCredit(event: Exclude<LedgerEvent, { type: HandledAbove }>, facts: FactWriter): RowProgram {
  switch (event.type) {
    case 'RiskFundDeposited': {
      // The deposit is the micro-credit allocation's use: assigned, and the fund's balance.
      const allocation = yield* requireRow(t.allocations, { allocation_id: event.data.allocationId }, 'RiskFundDeposited');
      yield* facts.emit('assigned', allocationDims(allocation), event.data.depositedOn, fenOf(event.data.amount));
      return yield* facts.emit('risk_fund', allocationDims(allocation), event.data.depositedOn, fenOf(event.data.amount));
    }
    case 'RiskFundCompensationPaid':
      return yield* facts.emit('risk_fund', riskFundDims(event.data.county), event.data.paidOn, -fenOf(event.data.amount));
    case 'LoanIssued': {
      const { loanId, villageCode, amount, issuedOn } = event.data;
      const loan = { loan_id: loanId, ...regionPartsOf(villageCode), status: 'active', outstanding_fen: fenOf(amount) };
      yield* putRow(t.loans, loan);
      return yield* facts.emit('loans_outstanding', loanDims(loan), issuedOn, loan.outstanding_fen);
    }
    case 'LoanRepaid':
      return yield* loanReduced(facts, event.data.loanId, fenOf(event.data.amount), event.data.repaidOn);
    case 'LoanCompensated':
      return yield* loanReduced(facts, event.data.loanId, fenOf(event.data.lossAmount), event.data.compensatedOn);
    case 'LoanMarkedOverdue': {
      const loan = yield* requireRow(t.loans, { loan_id: event.data.loanId }, 'LoanMarkedOverdue');
      invariant(loan.status === 'active', `loan ${loan.loan_id} marked overdue while ${loan.status}`);
      yield* putRow(t.loans, { ...loan, status: 'overdue' });
      return yield* facts.emit('loans_overdue', loanDims(loan), event.data.on, loan.outstanding_fen);
    }
    case 'LoanRenewed': {
      const loan = yield* requireRow(t.loans, { loan_id: event.data.loanId }, 'LoanRenewed');
      const added = fenOf(event.data.amount) - loan.outstanding_fen;
      invariant(loan.status === 'active' && added >= 0n, `loan ${loan.loan_id} renewed while ${loan.status} or below its outstanding balance`);
      yield* putRow(t.loans, { ...loan, outstanding_fen: loan.outstanding_fen + added });
      return yield* facts.emit('loans_outstanding', loanDims(loan), event.data.renewedOn, added);
    }
    default:
      return ignored(event);
  }
}

/** Facts that change no figure of the metrics: twins of counted movements, lifecycle steps counted elsewhere, other ledgers. */
function ignored(event: Exclude<LedgerEvent, { type: HandledAbove | 'RiskFundDeposited' | 'RiskFundCompensationPaid' | 'LoanIssued' | 'LoanRepaid' | 'LoanCompensated' | 'LoanMarkedOverdue' | 'LoanRenewed' }>): void {
  switch (event.type) {
    case 'FundsPooled': // pooled money is not yet used: it counts when a project line draws it
    case 'FundsUnpooled':
    case 'ChannelFundsPooled':
    case 'ChannelFundsUnpooled':
    case 'FundsAssigned': // counted on ProjectFunded (with the project) and RiskFundDeposited
    case 'AssignmentReturned': // counted on FundingReduced
    case 'PoolFundingDrawn': // counted on ProjectFunded, with the same shares
    case 'PoolFundingReturned':
    case 'FundsCarriedOver': // an earmark: the money keeps its allocation's fiscal year
    case 'FundsClawedBack': // received stays received; the money simply never reaches a use
    case 'ProjectAccepted': // counted as completed already
    case 'AssetRegistered':
    case 'VoucherNumberUsed':
    case 'LoanExtended':
    case 'NoticeWithdrawn': // publication happened; a withdrawal does not undo its timeliness
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

function* allocationFact(facts: FactWriter, measure: 'allocated' | 'received', allocationId: string, on: string, value: bigint): RowProgram {
  const allocation = yield* requireRow(t.allocations, { allocation_id: allocationId }, measure);
  yield* facts.emit(measure, allocationDims(allocation), on, value);
}

function* projectCount(facts: FactWriter, measure: 'started' | 'completed', projectId: string, on: string): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: projectId }, measure);
  invariant(project.approved === 1, `project ${projectId} ${measure} before approval`);
  yield* facts.emit(measure, projectDims(project), on, 1n);
}

function* lineChanged(facts: FactWriter, projectId: string, fundingId: string, source: FundingSource, amount: string, on: string, sign: 1n | -1n): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: projectId }, 'funding line');
  const key = { project_id: projectId, funding_id: fundingId };
  const line = yield* getRow(t.lines, key);
  invariant((line === undefined) === (sign === 1n), `funding ${fundingId} of ${projectId}: ${sign === 1n ? 'funded twice' : 'reduced but never funded'}`);
  const parts = new Map((line === undefined ? [] : readParts(line.parts)).map((part) => [part[0], part] as const));
  for (const [allocationId, fen] of sourceParts(source, amount)) {
    const allocation = yield* requireRow(t.allocations, { allocation_id: allocationId }, 'funding line');
    const [, funded, spent] = parts.get(allocationId) ?? [allocationId, 0n, 0n];
    invariant(funded + sign * fen >= 0n, `funding ${fundingId} of ${projectId} gives back more to ${allocationId} than it holds from it`);
    parts.set(allocationId, [allocationId, funded + sign * fen, spent]);
    yield* facts.emit('assigned', moneyOnProjectDims(allocation, project), on, sign * fen);
  }
  yield* putRow(t.lines, { ...key, parts: writeParts([...parts.values()]) });
}

type DisbursementData = Extract<LedgerEvent, { type: 'FundsDisbursed' }>['data'];

function* disbursed(facts: FactWriter, data: DisbursementData): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: data.projectId }, 'FundsDisbursed');
  const lineKey = { project_id: data.projectId, funding_id: data.fundingId };
  const parts = readParts((yield* requireRow(t.lines, lineKey, 'FundsDisbursed')).parts);
  const split = splitOverUnspent(parts, fenOf(data.amount), `disbursement ${data.disbursementId} of funding ${data.fundingId}`);
  const paid: Part[] = [];
  for (const [i, [allocationId, funded, spent]] of parts.entries()) {
    const fen = split[i]!;
    parts[i] = [allocationId, funded, spent + fen];
    if (fen === 0n) continue;
    paid.push([allocationId, fen, 0n]);
    const allocation = yield* requireRow(t.allocations, { allocation_id: allocationId }, 'FundsDisbursed');
    yield* facts.emit('disbursed', moneyOnProjectDims(allocation, project), data.paidOn, fen);
  }
  yield* putRow(t.lines, { ...lineKey, parts: writeParts(parts) });
  const key = { project_id: data.projectId, disbursement_id: data.disbursementId };
  invariant((yield* getRow(t.disbursements, key)) === undefined, `disbursement ${data.disbursementId} recorded twice`);
  yield* putRow(t.disbursements, { ...key, parts: writeParts(paid) });
}

type ReversalData = Extract<LedgerEvent, { type: 'DisbursementReversed' }>['data'];

function* disbursementReversed(facts: FactWriter, data: ReversalData): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: data.projectId }, 'DisbursementReversed');
  const key = { project_id: data.projectId, disbursement_id: data.disbursementId };
  const parts = readParts((yield* requireRow(t.disbursements, key, 'DisbursementReversed')).parts);
  const lineKey = { project_id: data.projectId, funding_id: data.fundingId };
  const line = new Map(readParts((yield* requireRow(t.lines, lineKey, 'DisbursementReversed')).parts).map((part) => [part[0], part] as const));
  const split = splitOverUnreversed(parts, fenOf(data.amount), `reversal ${data.reversalId} of ${data.disbursementId}`);
  for (const [i, [allocationId, paid, reversed]] of parts.entries()) {
    const fen = split[i]!;
    if (fen === 0n) continue;
    parts[i] = [allocationId, paid, reversed + fen];
    const part = line.get(allocationId);
    invariant(part !== undefined, `line ${data.fundingId} has no part of ${allocationId}`);
    line.set(allocationId, [allocationId, part[1], part[2] - fen]);
    const allocation = yield* requireRow(t.allocations, { allocation_id: allocationId }, 'DisbursementReversed');
    yield* facts.emit('reversed', moneyOnProjectDims(allocation, project), data.reversedOn, fen);
  }
  yield* putRow(t.disbursements, { ...key, parts: writeParts(parts) });
  yield* putRow(t.lines, { ...lineKey, parts: writeParts([...line.values()]) });
}

type ReimbursementData = Extract<LedgerEvent, { type: 'DisbursementReimbursed' }>['data'];

/** 报账 settles what is left of the disbursement, part by part; the event's amount must be exactly that. */
function* reimbursed(facts: FactWriter, data: ReimbursementData): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: data.projectId }, 'DisbursementReimbursed');
  const key = { project_id: data.projectId, disbursement_id: data.disbursementId };
  const parts = readParts((yield* requireRow(t.disbursements, key, 'DisbursementReimbursed')).parts);
  const left = leftPerPart(parts, fenOf(data.amount), `reimbursement ${data.reimbursementId} of ${data.disbursementId}`);
  for (const [i, [allocationId]] of parts.entries()) {
    const allocation = yield* requireRow(t.allocations, { allocation_id: allocationId }, 'DisbursementReimbursed');
    yield* facts.emit('reimbursed', moneyOnProjectDims(allocation, project), data.reimbursedOn, left[i]!);
  }
}

/** A repayment or a compensated loss: off the outstanding balance, and off the overdue balance when overdue. */
function* loanReduced(facts: FactWriter, loanId: string, fen: bigint, on: string): RowProgram {
  const loan = yield* requireRow(t.loans, { loan_id: loanId }, 'loan reduced');
  const outstanding = loan.outstanding_fen - fen;
  invariant(loan.status !== 'settled' && outstanding >= 0n, `loan ${loanId} reduced below zero or after settlement`);
  yield* putRow(t.loans, { ...loan, outstanding_fen: outstanding, status: outstanding === 0n ? 'settled' : loan.status });
  yield* facts.emit('loans_outstanding', loanDims(loan), on, -fen);
  if (loan.status === 'overdue') yield* facts.emit('loans_overdue', loanDims(loan), on, -fen);
}
