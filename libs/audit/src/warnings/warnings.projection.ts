import { assertNever, defaultLocalRules, defaultWarningThresholds, streams, type LocalRules } from '@ledger/domain';
import { type LedgerEvent, type LogPlace, type Projection, putRow, requireRow, type RowProgram } from '@ledger/projections';
import { advanceClock } from './clock';
import { disbursed, disbursementReversed } from './disbursement-rules';
import { loanCompensated, loanExtended, loanIssued, loanRenewed } from './loan-rules';
import { moneyMoved, type MoneyHolder, type Movement } from './money-timeline';
import { allocationsSubjectKey, noticePublished, noticeWithdrawn, obligationOpened, projectSubjectKey } from './notice-rules';
import { assetRegistered, projectAmended, projectCompleted, projectListed } from './project-rules';
import { rectificationOf, rectificationOpened, tasksChanged } from './rectification-rules';
import { followUpNumbered, voucherNumberUsed } from './voucher-rules';
import { warningsTables as t } from './warnings.tables';
import { rectificationItemChanged, warningNoted } from './workflow';

/**
 * Warnings (预警): the inspectors' rules evaluated over the global log as facts arrive, into the
 * `warnings` table and the inspectors' workflow (README.md in this folder). Rules that depend on
 * "now" (idle money, notices, assets, rectification deadlines) are judged on business dates: a
 * row holds its first and last dates, and a reader shows it as of a date, by default the latest
 * business date the log holds for the county. Thresholds come from `rules`; changing them
 * requires `rebuild('warnings')`.
 */
export function warningsProjection(rules: LocalRules = defaultLocalRules): Projection {
  const context: RulesContext = {
    rules,
    assetRegistrationDaysMax: (rules.warnings ?? defaultWarningThresholds).assetRegistrationDaysMax,
  };
  return { name: 'warnings', version: 2, tables: Object.values(t), apply: (event, place) => applyToWarnings(event, place, context) };
}

interface RulesContext {
  readonly rules: LocalRules;
  readonly assetRegistrationDaysMax: number;
}

function* applyToWarnings(event: LedgerEvent, place: LogPlace, context: RulesContext): RowProgram {
  switch (event.type) {
    case 'FundsAllocated': {
      const { allocationId, county, fiscalYear, allocatedOn, amount } = event.data;
      yield* putRow(t.allocations, { allocation_id: allocationId, county });
      yield* advanceClock(county, allocatedOn);
      yield* onAllocation(allocationId, { on: allocatedOn, measure: 'allocated', amount, sign: 1n }, place, context);
      const obligation = { subjectKey: allocationsSubjectKey(county, fiscalYear), kind: 'allocation' as const, id: allocationId, basisDate: allocatedOn, region: county };
      return yield* obligationOpened(obligation, place, context.rules.notices.countyDeadlineWorkingDays);
    }
    case 'FundsReceived': {
      const { allocationId, receiptId, voucherNo, receivedOn, amount } = event.data;
      yield* putRow(t.receipts, { allocation_id: allocationId, receipt_id: receiptId, voucher_no: voucherNo, received_on: receivedOn, position: place.position });
      return yield* onAllocation(allocationId, { on: receivedOn, measure: 'received', amount, sign: 1n }, place, context);
    }
    case 'ReceiptReversed': {
      const { allocationId, receiptId, reversedOn, amount, voucherNo } = event.data;
      const county = yield* allocationMoved(allocationId, { on: reversedOn, measure: 'received', amount, sign: -1n }, place, context);
      const receipt = yield* requireRow(t.receipts, { allocation_id: allocationId, receipt_id: receiptId }, 'ReceiptReversed');
      const original = { voucherNo: receipt.voucher_no, on: receipt.received_on, position: receipt.position, id: receiptId };
      return yield* followUpNumbered({ county, kind: 'reversal', voucherNo, on: reversedOn, original }, place);
    }
    case 'AllocationReduced':
      return yield* onAllocation(event.data.allocationId, { on: event.data.reducedOn, measure: 'allocated', amount: event.data.amount, sign: -1n }, place, context);
    case 'FundsPooled':
      return yield* onAllocation(event.data.allocationId, { on: event.data.pooledOn, measure: 'used', amount: event.data.amount, sign: 1n }, place, context);
    case 'FundsUnpooled':
      return yield* onAllocation(event.data.allocationId, { on: event.data.unpooledOn, measure: 'used', amount: event.data.amount, sign: -1n }, place, context);
    case 'FundsAssigned':
      return yield* onAllocation(event.data.allocationId, { on: event.data.assignedOn, measure: 'used', amount: event.data.amount, sign: 1n }, place, context);
    case 'AssignmentReturned':
      return yield* onAllocation(event.data.allocationId, { on: event.data.returnedOn, measure: 'used', amount: event.data.amount, sign: -1n }, place, context);
    case 'FundsClawedBack':
      return yield* onAllocation(event.data.allocationId, { on: event.data.clawedBackOn, measure: 'used', amount: event.data.amount, sign: 1n }, place, context);
    case 'FundsCarriedOver': {
      // An earmark, not a movement: carried-over money that stays unassigned is still idle.
      const allocation = yield* requireRow(t.allocations, { allocation_id: event.data.allocationId }, 'FundsCarriedOver');
      return yield* advanceClock(allocation.county, event.data.carriedOverOn);
    }
    case 'ChannelFundsPooled':
      return yield* onPool(event.data, { on: event.data.pooledOn, measure: 'received', amount: event.data.amount, sign: 1n }, place, context);
    case 'ChannelFundsUnpooled':
      return yield* onPool(event.data, { on: event.data.unpooledOn, measure: 'received', amount: event.data.amount, sign: -1n }, place, context);
    case 'PoolFundingDrawn':
      return yield* onPool(event.data, { on: event.data.drawnOn, measure: 'used', amount: event.data.amount, sign: 1n }, place, context);
    case 'PoolFundingReturned':
      return yield* onPool(event.data, { on: event.data.returnedOn, measure: 'used', amount: event.data.amount, sign: -1n }, place, context);
    default:
      return yield* applyToProjectWarnings(event, place, context);
  }
}

type MoneyEvents =
  | 'FundsAllocated'
  | 'FundsReceived'
  | 'ReceiptReversed'
  | 'AllocationReduced'
  | 'FundsPooled'
  | 'FundsUnpooled'
  | 'FundsAssigned'
  | 'AssignmentReturned'
  | 'FundsClawedBack'
  | 'FundsCarriedOver'
  | 'ChannelFundsPooled'
  | 'ChannelFundsUnpooled'
  | 'PoolFundingDrawn'
  | 'PoolFundingReturned';

function* onAllocation(allocationId: string, movement: Movement, place: LogPlace, context: RulesContext): RowProgram {
  yield* allocationMoved(allocationId, movement, place, context);
}

/** Records a movement of an allocation's money; answers the allocation's county. */
function* allocationMoved(allocationId: string, movement: Movement, place: LogPlace, context: RulesContext): RowProgram<string> {
  const { county } = yield* requireRow(t.allocations, { allocation_id: allocationId }, `allocation ${allocationId}`);
  yield* advanceClock(county, movement.on);
  const holder: MoneyHolder = { key: `allocation:${allocationId}`, subject: { stream: streams.allocation(allocationId), id: allocationId }, county, region: county, idle: true, allocated: true };
  yield* moneyMoved(holder, movement, place, context.rules.idleFundDaysMax);
  return county;
}

function* onPool(pool: { readonly county: string; readonly fiscalYear: number }, movement: Movement, place: LogPlace, context: RulesContext): RowProgram {
  const { county, fiscalYear } = pool;
  yield* advanceClock(county, movement.on);
  const subject = { stream: streams.pool(county, fiscalYear), id: `${county}-${fiscalYear}` };
  const holder: MoneyHolder = { key: `pool:${county}:${fiscalYear}`, subject, county, region: county, idle: true, allocated: false };
  yield* moneyMoved(holder, movement, place, context.rules.idleFundDaysMax);
}

/** Records a movement of a funding line's money (ABOVE_RECEIVED only: a line's unspent money is not "idle receipts"). */
function* onLine(projectId: string, fundingId: string, movement: Movement, place: LogPlace, context: RulesContext): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: projectId }, `project ${projectId}`);
  yield* advanceClock(project.county, movement.on);
  const subject = { stream: streams.project(projectId), id: fundingId };
  const holder: MoneyHolder = { key: `line:${projectId}:${fundingId}`, subject, county: project.county, region: project.village, idle: false, allocated: false };
  yield* moneyMoved(holder, movement, place, context.rules.idleFundDaysMax);
}

function* projectDated(projectId: string, on: string): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: projectId }, `project ${projectId}`);
  yield* advanceClock(project.county, on);
}

function* applyToProjectWarnings(event: Exclude<LedgerEvent, { type: MoneyEvents }>, place: LogPlace, context: RulesContext): RowProgram {
  const { rules, assetRegistrationDaysMax } = context;
  switch (event.type) {
    case 'ProjectListed':
      yield* projectListed(event.data);
      return yield* projectDated(event.data.projectId, event.data.listedOn);
    case 'ProjectApproved': {
      const { projectId, approvedOn } = event.data;
      yield* projectDated(projectId, approvedOn);
      const project = yield* requireRow(t.projects, { project_id: projectId }, 'ProjectApproved');
      const obligation = { subjectKey: projectSubjectKey(projectId), kind: 'project' as const, id: projectId, basisDate: approvedOn, region: project.village };
      return yield* obligationOpened(obligation, place, rules.notices.countyDeadlineWorkingDays);
    }
    case 'ProjectAmended':
      yield* projectDated(event.data.projectId, event.data.amendedOn);
      return yield* projectAmended(event.data);
    case 'ProjectStarted':
      return yield* projectDated(event.data.projectId, event.data.startedOn);
    case 'ProjectCompleted':
      yield* projectDated(event.data.projectId, event.data.completedOn);
      return yield* projectCompleted(event.data.projectId, event.data.completedOn, place, assetRegistrationDaysMax);
    case 'ProjectAccepted':
      return yield* projectDated(event.data.projectId, event.data.acceptedOn);
    case 'AssetRegistered':
      yield* projectDated(event.data.projectId, event.data.registeredOn);
      return yield* assetRegistered(event.data.projectId, event.data.registeredOn, place, assetRegistrationDaysMax);
    case 'ProjectFunded':
      return yield* onLine(event.data.projectId, event.data.fundingId, { on: event.data.fundedOn, measure: 'received', amount: event.data.amount, sign: 1n }, place, context);
    case 'FundingReduced':
      return yield* onLine(event.data.projectId, event.data.fundingId, { on: event.data.reducedOn, measure: 'received', amount: event.data.amount, sign: -1n }, place, context);
    case 'FundsDisbursed':
      yield* onLine(event.data.projectId, event.data.fundingId, { on: event.data.paidOn, measure: 'used', amount: event.data.amount, sign: 1n }, place, context);
      return yield* disbursed(event.data, place, rules);
    case 'DisbursementReversed': {
      const { projectId, fundingId, reversedOn, amount, voucherNo, disbursementId } = event.data;
      yield* onLine(projectId, fundingId, { on: reversedOn, measure: 'used', amount, sign: -1n }, place, context);
      const original = yield* disbursementReversed(event.data, place);
      const project = yield* requireRow(t.projects, { project_id: projectId }, 'DisbursementReversed');
      const referred = { voucherNo: original.voucher_no, on: original.paid_on, position: original.position, id: disbursementId };
      return yield* followUpNumbered({ county: project.county, kind: 'reversal', voucherNo, on: reversedOn, original: referred }, place);
    }
    case 'DisbursementReimbursed': {
      const { projectId, disbursementId, reimbursedOn, voucherNo } = event.data;
      yield* projectDated(projectId, reimbursedOn);
      const project = yield* requireRow(t.projects, { project_id: projectId }, 'DisbursementReimbursed');
      const original = yield* requireRow(t.disbursements, { project_id: projectId, disbursement_id: disbursementId }, 'DisbursementReimbursed');
      const referred = { voucherNo: original.voucher_no, on: original.paid_on, position: original.position, id: disbursementId };
      return yield* followUpNumbered({ county: project.county, kind: 'reimbursement', voucherNo, on: reimbursedOn, original: referred }, place);
    }
    default:
      return yield* applyToOtherWarnings(event, place, context);
  }
}

type ProjectEvents =
  | 'ProjectListed'
  | 'ProjectApproved'
  | 'ProjectAmended'
  | 'ProjectStarted'
  | 'ProjectCompleted'
  | 'ProjectAccepted'
  | 'AssetRegistered'
  | 'ProjectFunded'
  | 'FundingReduced'
  | 'FundsDisbursed'
  | 'DisbursementReversed'
  | 'DisbursementReimbursed';

function* loanDated(loanId: string, on: string): RowProgram {
  const loan = yield* requireRow(t.loans, { loan_id: loanId }, `loan ${loanId}`);
  yield* advanceClock(loan.county, on);
}

function* applyToOtherWarnings(event: Exclude<LedgerEvent, { type: MoneyEvents | ProjectEvents }>, place: LogPlace, context: RulesContext): RowProgram {
  const { rules } = context;
  switch (event.type) {
    case 'VoucherNumberUsed':
      yield* advanceClock(event.data.county, event.data.date);
      return yield* voucherNumberUsed(event.data, place);
    case 'LoanIssued':
      yield* loanIssued(event.data, place, rules);
      return yield* loanDated(event.data.loanId, event.data.issuedOn);
    case 'LoanRepaid':
      return yield* loanDated(event.data.loanId, event.data.repaidOn);
    case 'LoanMarkedOverdue':
      return yield* loanDated(event.data.loanId, event.data.on);
    case 'LoanRenewed':
      yield* loanDated(event.data.loanId, event.data.renewedOn);
      return yield* loanRenewed(event.data, place, rules);
    case 'LoanExtended':
      yield* loanDated(event.data.loanId, event.data.extendedOn);
      return yield* loanExtended(event.data);
    case 'LoanCompensated':
      yield* loanDated(event.data.loanId, event.data.compensatedOn);
      return yield* loanCompensated(event.data, place, rules);
    case 'RiskFundDeposited':
      return yield* advanceClock(event.data.county, event.data.depositedOn);
    case 'RiskFundCompensationPaid':
      return yield* advanceClock(event.data.county, event.data.paidOn);
    case 'NoticePublished':
      yield* advanceClock(event.data.regionCode.slice(0, 6), event.data.publishedOn);
      return yield* noticePublished(event.data, place, rules.notices.countyDeadlineWorkingDays, rules.notices.boardPostingDaysMin);
    case 'NoticeWithdrawn': {
      const notice = yield* requireRow(t.notices, { notice_id: event.data.noticeId }, 'NoticeWithdrawn');
      yield* advanceClock(notice.county, event.data.on);
      return yield* noticeWithdrawn(event.data.noticeId, event.data.on, place, rules.notices.boardPostingDaysMin);
    }
    default:
      return yield* applyToWorkflow(event, place);
  }
}

function* applyToWorkflow(
  event: Exclude<LedgerEvent, { type: MoneyEvents | ProjectEvents | `Loan${string}` | `RiskFund${string}` | `Notice${string}` | 'VoucherNumberUsed' }>,
  place: LogPlace,
): RowProgram {
  switch (event.type) {
    case 'RectificationOpened': {
      const item = yield* rectificationOpened(event.data, place);
      yield* advanceClock(item.county, event.data.openedOn);
      if (item.from_warning !== null) yield* rectificationItemChanged(item.from_warning, item.rectification_id, 'open', place);
      return;
    }
    case 'RectificationTaskClosed': {
      const item = yield* tasksChanged(event.data.rectificationId, [event.data.taskId], event.data.on, place);
      return yield* advanceClock(item.county, event.data.on);
    }
    case 'RectificationReopened': {
      const item = yield* tasksChanged(event.data.rectificationId, event.data.taskIds, null, place);
      yield* advanceClock(item.county, event.data.on);
      if (item.from_warning !== null) yield* rectificationItemChanged(item.from_warning, item.rectification_id, 'open', place);
      return;
    }
    case 'RectificationClosed': {
      const item = yield* rectificationOf(event.data.rectificationId);
      yield* advanceClock(item.county, event.data.on);
      if (item.from_warning !== null) yield* rectificationItemChanged(item.from_warning, item.rectification_id, 'closed', place);
      return;
    }
    case 'WarningAcknowledged':
    case 'WarningResolved':
      // The inspectors' own notes are not facts of the county: they do not move its clock.
      return yield* warningNoted(event, place);
    default:
      return assertNever(event, 'ledger event');
  }
}
