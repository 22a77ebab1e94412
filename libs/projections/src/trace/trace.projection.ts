import { assertNever, invariant, type FundingSource } from '@ledger/domain';
import type { LedgerEvent, LogPlace } from '../events/ledger-event';
import { readParts, writeParts, type Part } from '../metrics/parts';
import type { Projection } from '../projection';
import { getRow, insertRow, putRow, requireRow, type RowProgram } from '../rows/row-ops';
import { leftPerPart, sourceParts, splitOverUnreversed, splitOverUnspent } from '../shared/attribution';
import { fenOf } from '../shared/fen';
import { traceTables as t, type TraceAllocationRow, type TraceKind, type TraceMovementRow } from './trace.tables';

/**
 * 5. Trace: where every yuan of an allocation went, and where every paid yuan came from. Each
 * fact is recorded as movements of the allocations whose money it moved (a pool line's funding
 * by its channel shares, a payment pro rata to what each allocation has unspent on the line:
 * shared/attribution.ts, the rule the metrics use), so an allocation's trace and a disbursement's
 * sources are both a read of `trace_movements`.
 *
 * Like the journal, a movement recorded on two streams by one decision is taken once, from the
 * project's side where a line is concerned (ProjectFunded, FundingReduced carry the parts), and
 * from the allocation's side otherwise (FundsAssigned to the risk fund). Asserted on every event:
 * an allocation's unreceived, unassigned and pooled-undrawn money never goes below zero.
 */
export const traceProjection: Projection = {
  name: 'trace',
  version: 1,
  tables: Object.values(t),
  apply: (event, place) => applyToTrace(event, new MovementWriter(place)),
};

type Movement = Omit<TraceMovementRow, 'allocation_id' | 'position' | 'seq' | 'project_id' | 'funding_id' | 'ref_id' | 'of_id' | 'disbursement_id' | 'voucher_no' | 'document_no' | 'via_pool' | 'note'> &
  Partial<Pick<TraceMovementRow, 'project_id' | 'funding_id' | 'ref_id' | 'of_id' | 'disbursement_id' | 'voucher_no' | 'document_no' | 'via_pool' | 'note'>>;

/** Appends the movements of one event, numbered in the order written. */
class MovementWriter {
  private seq = 0;
  constructor(private readonly place: LogPlace) {}

  *emit(allocationId: string, kind: TraceKind, movement: Omit<Movement, 'kind'>): RowProgram {
    invariant(movement.amount_fen > 0n, `trace ${kind} of ${allocationId} at ${this.place.position}: ${movement.amount_fen} fen`);
    yield* insertRow(t.movements, {
      allocation_id: allocationId,
      position: this.place.position,
      seq: this.seq++,
      kind,
      business_date: movement.business_date,
      amount_fen: movement.amount_fen,
      project_id: movement.project_id ?? null,
      funding_id: movement.funding_id ?? null,
      ref_id: movement.ref_id ?? null,
      of_id: movement.of_id ?? null,
      disbursement_id: movement.disbursement_id ?? null,
      voucher_no: movement.voucher_no ?? null,
      document_no: movement.document_no ?? null,
      via_pool: movement.via_pool ?? 0,
      note: movement.note ?? null,
    });
  }
}

function* applyToTrace(event: LedgerEvent, out: MovementWriter): RowProgram {
  switch (event.type) {
    case 'FundsAllocated': {
      const d = event.data;
      const amount = fenOf(d.amount);
      yield* putRow(t.allocations, {
        allocation_id: d.allocationId,
        county: d.county,
        fund_type: d.fundType,
        source_level: d.sourceLevel,
        fiscal_year: d.fiscalYear,
        document_no: d.documentNo,
        allocated_on: d.allocatedOn,
        partner: d.partner ?? null,
        original_channel: d.originalChannel ?? null,
        allocated_fen: amount,
        received_fen: 0n,
        pooled_fen: 0n,
        drawn_fen: 0n,
        direct_fen: 0n,
        risk_fund_fen: 0n,
        clawed_back_fen: 0n,
      });
      return yield* out.emit(d.allocationId, 'allocated', { business_date: d.allocatedOn, amount_fen: amount, document_no: d.documentNo });
    }
    case 'AllocationReduced': {
      const d = event.data;
      yield* change(d.allocationId, (a) => ({ ...a, allocated_fen: a.allocated_fen - fenOf(d.amount) }));
      return yield* out.emit(d.allocationId, 'reduced', { business_date: d.reducedOn, amount_fen: fenOf(d.amount), ref_id: d.reductionId, document_no: d.documentNo, note: d.reason });
    }
    case 'FundsReceived': {
      const d = event.data;
      yield* change(d.allocationId, (a) => ({ ...a, received_fen: a.received_fen + fenOf(d.amount) }));
      return yield* out.emit(d.allocationId, 'received', { business_date: d.receivedOn, amount_fen: fenOf(d.amount), ref_id: d.receiptId, voucher_no: d.voucherNo });
    }
    case 'ReceiptReversed': {
      const d = event.data;
      yield* change(d.allocationId, (a) => ({ ...a, received_fen: a.received_fen - fenOf(d.amount) }));
      const movement = { business_date: d.reversedOn, amount_fen: fenOf(d.amount), ref_id: d.reversalId, of_id: d.receiptId, voucher_no: d.voucherNo, note: d.reason };
      return yield* out.emit(d.allocationId, 'receipt_reversed', movement);
    }
    case 'FundsPooled': {
      const d = event.data;
      yield* change(d.allocationId, (a) => ({ ...a, pooled_fen: a.pooled_fen + fenOf(d.amount) }));
      return yield* out.emit(d.allocationId, 'pooled', { business_date: d.pooledOn, amount_fen: fenOf(d.amount), of_id: d.receiptId, via_pool: 1, note: `${d.county}-${d.fiscalYear}` });
    }
    case 'FundsUnpooled': {
      const d = event.data;
      yield* change(d.allocationId, (a) => ({ ...a, pooled_fen: a.pooled_fen - fenOf(d.amount) }));
      return yield* out.emit(d.allocationId, 'unpooled', { business_date: d.unpooledOn, amount_fen: fenOf(d.amount), of_id: d.reversalId, via_pool: 1, note: `${d.county}-${d.fiscalYear}` });
    }
    case 'FundsAssigned': {
      const d = event.data;
      // A project's line is taken from ProjectFunded, which carries its parts; the risk fund only from here.
      if (d.target.kind !== 'risk_fund') return;
      yield* change(d.allocationId, (a) => ({ ...a, risk_fund_fen: a.risk_fund_fen + fenOf(d.amount) }));
      return yield* out.emit(d.allocationId, 'risk_fund', { business_date: d.assignedOn, amount_fen: fenOf(d.amount), ref_id: d.assignmentId });
    }
    case 'FundsCarriedOver': {
      // An earmark of unassigned money for a later year (结转), not a movement: listed, not subtracted.
      const d = event.data;
      const note = `${d.toFiscalYear}`;
      return yield* out.emit(d.allocationId, 'carried_over', { business_date: d.carriedOverOn, amount_fen: fenOf(d.amount), ref_id: d.carryOverId, document_no: d.documentNo, note });
    }
    case 'FundsClawedBack': {
      const d = event.data;
      yield* change(d.allocationId, (a) => ({ ...a, clawed_back_fen: a.clawed_back_fen + fenOf(d.amount) }));
      return yield* out.emit(d.allocationId, 'clawed_back', { business_date: d.clawedBackOn, amount_fen: fenOf(d.amount), ref_id: d.clawBackId, document_no: d.documentNo, note: d.reason });
    }
    case 'ProjectListed': {
      const { projectId, name, county, villageCode } = event.data;
      return yield* putRow(t.projects, { project_id: projectId, name, county, village: villageCode });
    }
    case 'ProjectAmended': {
      const name = event.data.after.name;
      if (name === undefined) return;
      const project = yield* requireRow(t.projects, { project_id: event.data.projectId }, 'ProjectAmended');
      return yield* putRow(t.projects, { ...project, name });
    }
    case 'ProjectFunded': {
      const d = event.data;
      return yield* lineChanged(out, d.projectId, d.fundingId, d.source, d.amount, d.fundedOn, 1n, d.fundingId);
    }
    case 'FundingReduced': {
      const d = event.data;
      return yield* lineChanged(out, d.projectId, d.fundingId, d.returnedTo, d.amount, d.reducedOn, -1n, d.reductionId);
    }
    case 'FundsDisbursed':
      return yield* disbursed(out, event.data);
    case 'DisbursementReversed':
      return yield* disbursementReversed(out, event.data);
    case 'DisbursementReimbursed':
      return yield* reimbursed(out, event.data);
    default:
      return ignored(event);
  }
}

type Handled =
  | 'FundsAllocated'
  | 'AllocationReduced'
  | 'FundsReceived'
  | 'ReceiptReversed'
  | 'FundsPooled'
  | 'FundsUnpooled'
  | 'FundsAssigned'
  | 'FundsCarriedOver'
  | 'FundsClawedBack'
  | 'ProjectListed'
  | 'ProjectAmended'
  | 'ProjectFunded'
  | 'FundingReduced'
  | 'FundsDisbursed'
  | 'DisbursementReversed'
  | 'DisbursementReimbursed';

function ignored(event: Exclude<LedgerEvent, { type: Handled }>): void {
  switch (event.type) {
    case 'AssignmentReturned': // taken from FundingReduced, with the line
    case 'ChannelFundsPooled': // the pool's twins of FundsPooled / FundsUnpooled
    case 'ChannelFundsUnpooled':
    case 'PoolFundingDrawn': // taken from ProjectFunded, with the same shares
    case 'PoolFundingReturned':
    case 'RiskFundDeposited': // the fund's twin of FundsAssigned to the risk fund
    case 'RiskFundCompensationPaid': // the county's fund, no longer any one allocation's money
    case 'ProjectApproved':
    case 'ProjectStarted':
    case 'ProjectCompleted':
    case 'ProjectAccepted':
    case 'AssetRegistered':
    case 'VoucherNumberUsed':
    case 'LoanIssued':
    case 'LoanRepaid':
    case 'LoanMarkedOverdue':
    case 'LoanRenewed':
    case 'LoanExtended':
    case 'LoanCompensated':
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

/** Changes an allocation's sums and asserts what no decider can produce: money below zero anywhere. */
function* change(allocationId: string, update: (allocation: TraceAllocationRow) => TraceAllocationRow): RowProgram<TraceAllocationRow> {
  const next = update(yield* requireRow(t.allocations, { allocation_id: allocationId }, 'trace'));
  const unassigned = next.received_fen - next.pooled_fen - next.direct_fen - next.risk_fund_fen - next.clawed_back_fen;
  invariant(next.received_fen >= 0n && next.allocated_fen >= next.received_fen, `allocation ${allocationId}: received outside 0..allocated`);
  invariant(unassigned >= 0n, `allocation ${allocationId}: ${unassigned} fen unassigned`);
  invariant(next.drawn_fen >= 0n && next.pooled_fen >= next.drawn_fen, `allocation ${allocationId}: pool share outside 0..pooled`);
  yield* putRow(t.allocations, next);
  return next;
}

function* lineChanged(out: MovementWriter, projectId: string, fundingId: string, source: FundingSource, amount: string, on: string, sign: 1n | -1n, refId: string): RowProgram {
  const key = { project_id: projectId, funding_id: fundingId };
  const line = yield* getRow(t.lines, key);
  invariant((line === undefined) === (sign === 1n), `funding ${fundingId} of ${projectId}: ${sign === 1n ? 'funded twice' : 'reduced but never funded'}`);
  const viaPool = source.kind === 'pool' ? 1 : 0;
  const parts = new Map((line === undefined ? [] : readParts(line.parts)).map((part) => [part[0], part] as const));
  for (const [allocationId, fen] of sourceParts(source, amount)) {
    const [, funded, spent] = parts.get(allocationId) ?? [allocationId, 0n, 0n];
    invariant(funded + sign * fen >= 0n, `funding ${fundingId} of ${projectId} gives back more to ${allocationId} than it holds from it`);
    parts.set(allocationId, [allocationId, funded + sign * fen, spent]);
    yield* change(allocationId, (a) => (viaPool === 1 ? { ...a, drawn_fen: a.drawn_fen + sign * fen } : { ...a, direct_fen: a.direct_fen + sign * fen }));
    const kind = sign === 1n ? 'funded' : 'funding_reduced';
    yield* out.emit(allocationId, kind, { business_date: on, amount_fen: fen, project_id: projectId, funding_id: fundingId, ref_id: refId, via_pool: viaPool });
  }
  yield* putRow(t.lines, { ...key, via_pool: viaPool, parts: writeParts([...parts.values()]) });
}

function* disbursed(out: MovementWriter, d: Extract<LedgerEvent, { type: 'FundsDisbursed' }>['data']): RowProgram {
  const lineKey = { project_id: d.projectId, funding_id: d.fundingId };
  const line = yield* requireRow(t.lines, lineKey, 'FundsDisbursed');
  const parts = readParts(line.parts);
  const split = splitOverUnspent(parts, fenOf(d.amount), `disbursement ${d.disbursementId} of funding ${d.fundingId}`);
  const paid: Part[] = [];
  for (const [i, [allocationId, funded, spent]] of parts.entries()) {
    const fen = split[i]!;
    if (fen === 0n) continue;
    parts[i] = [allocationId, funded, spent + fen];
    paid.push([allocationId, fen, 0n]);
    const movement = { business_date: d.paidOn, amount_fen: fen, project_id: d.projectId, funding_id: d.fundingId, disbursement_id: d.disbursementId, voucher_no: d.voucherNo };
    yield* out.emit(allocationId, 'disbursed', { ...movement, via_pool: line.via_pool });
  }
  yield* putRow(t.lines, { ...line, parts: writeParts(parts) });
  invariant((yield* getRow(t.disbursements, { disbursement_id: d.disbursementId })) === undefined, `disbursement ${d.disbursementId} recorded twice`);
  const payee = d.payee.kind === 'unit' ? d.payee.name : d.payee.householdRef;
  yield* putRow(t.disbursements, {
    disbursement_id: d.disbursementId,
    project_id: d.projectId,
    funding_id: d.fundingId,
    payee_kind: d.payee.kind,
    payee,
    voucher_no: d.voucherNo,
    paid_on: d.paidOn,
    purpose: d.purpose,
    amount_fen: fenOf(d.amount),
    reversed_fen: 0n,
    reimbursed_fen: 0n,
    parts: writeParts(paid),
  });
}

function* disbursementReversed(out: MovementWriter, d: Extract<LedgerEvent, { type: 'DisbursementReversed' }>['data']): RowProgram {
  const disbursement = yield* requireRow(t.disbursements, { disbursement_id: d.disbursementId }, 'DisbursementReversed');
  const parts = readParts(disbursement.parts);
  const lineKey = { project_id: disbursement.project_id, funding_id: disbursement.funding_id };
  const line = yield* requireRow(t.lines, lineKey, 'DisbursementReversed');
  const lineParts = new Map(readParts(line.parts).map((part) => [part[0], part] as const));
  const amount = fenOf(d.amount);
  const split = splitOverUnreversed(parts, amount, `reversal ${d.reversalId} of ${d.disbursementId}`);
  for (const [i, [allocationId, paid, reversed]] of parts.entries()) {
    const fen = split[i]!;
    if (fen === 0n) continue;
    parts[i] = [allocationId, paid, reversed + fen];
    const part = lineParts.get(allocationId);
    invariant(part !== undefined, `line ${disbursement.funding_id} has no part of ${allocationId}`);
    lineParts.set(allocationId, [allocationId, part[1], part[2] - fen]);
    const movement = { business_date: d.reversedOn, amount_fen: fen, project_id: d.projectId, funding_id: disbursement.funding_id, disbursement_id: d.disbursementId };
    yield* out.emit(allocationId, 'disbursement_reversed', { ...movement, ref_id: d.reversalId, voucher_no: d.voucherNo, via_pool: line.via_pool, note: d.reason });
  }
  yield* putRow(t.disbursements, { ...disbursement, reversed_fen: disbursement.reversed_fen + amount, parts: writeParts(parts) });
  yield* putRow(t.lines, { ...line, parts: writeParts([...lineParts.values()]) });
}

function* reimbursed(out: MovementWriter, d: Extract<LedgerEvent, { type: 'DisbursementReimbursed' }>['data']): RowProgram {
  const disbursement = yield* requireRow(t.disbursements, { disbursement_id: d.disbursementId }, 'DisbursementReimbursed');
  invariant(disbursement.reimbursed_fen === 0n, `disbursement ${d.disbursementId} reimbursed twice`);
  const parts = readParts(disbursement.parts);
  const amount = fenOf(d.amount);
  const left = leftPerPart(parts, amount, `reimbursement ${d.reimbursementId} of ${d.disbursementId}`);
  for (const [i, [allocationId]] of parts.entries()) {
    if (left[i]! === 0n) continue;
    const movement = { business_date: d.reimbursedOn, amount_fen: left[i]!, project_id: d.projectId, funding_id: disbursement.funding_id, disbursement_id: d.disbursementId };
    yield* out.emit(allocationId, 'reimbursed', { ...movement, ref_id: d.reimbursementId, voucher_no: d.voucherNo });
  }
  yield* putRow(t.disbursements, { ...disbursement, reimbursed_fen: amount });
}
