import { assertNever, invariant } from '@ledger/domain';
import type { LedgerEvent, LogPlace } from '../events/ledger-event';
import type { Projection } from '../projection';
import { getRow, insertRow, putRow, requireRow, type RowProgram } from '../rows/row-ops';
import { fenOf } from '../shared/fen';
import { accounts, accountSides, credit, debit, poolName, type Account, type Leg } from './journal.accounts';
import { journalTables as t } from './journal.tables';

/**
 * 1. The journal (double entry): every money event becomes one balanced entry between accounts
 * (see journal.accounts.ts). Where one decision records a movement on two streams (an allocation
 * funds a project line: `FundsAssigned` and `ProjectFunded`), the entry is posted once, on the
 * event of the stream the money leaves, and the other event is a memo: posting both would count
 * the yuan twice. Carry-over (结转) moves no money (it earmarks unassigned money for a later year)
 * and is a memo too; so are lifecycle, notice, voucher-book and rectification events.
 *
 * Asserted on every event: the entry balances (so the sum over all accounts stays zero at every
 * position), and no account goes to the wrong side of zero.
 */
export const journalProjection: Projection = {
  name: 'journal',
  version: 1,
  tables: Object.values(t),
  apply: applyToJournal,
};

function* applyToJournal(event: LedgerEvent, place: LogPlace): RowProgram {
  const entry = yield* entryFor(event);
  if (entry !== null) yield* post(place, event.type, entry.on, entry.legs);
}

interface Entry {
  readonly on: string;
  readonly legs: readonly Leg[];
}

function* entryFor(event: LedgerEvent): RowProgram<Entry | null> {
  switch (event.type) {
    case 'FundsAllocated': {
      const { allocationId: id, county, amount, allocatedOn } = event.data;
      yield* putRow(t.allocations, { allocation_id: id, county });
      return move(allocatedOn, fenOf(amount), accounts.allocated(id), accounts.unreceived(id));
    }
    case 'FundsReceived': {
      const { allocationId: id, amount, receivedOn } = event.data;
      return move(receivedOn, fenOf(amount), accounts.unreceived(id), accounts.unassigned(id));
    }
    case 'ReceiptReversed': {
      const { allocationId: id, amount, reversedOn } = event.data;
      return move(reversedOn, fenOf(amount), accounts.unassigned(id), accounts.unreceived(id));
    }
    case 'AllocationReduced': {
      const { allocationId: id, amount, reducedOn } = event.data;
      return move(reducedOn, fenOf(amount), accounts.unreceived(id), accounts.allocated(id));
    }
    case 'FundsPooled': {
      const { allocationId: id, county, fiscalYear, amount, pooledOn } = event.data;
      return move(pooledOn, fenOf(amount), accounts.unassigned(id), accounts.poolChannel(poolName(county, fiscalYear), id));
    }
    case 'FundsUnpooled': {
      const { allocationId: id, county, fiscalYear, amount, unpooledOn } = event.data;
      return move(unpooledOn, fenOf(amount), accounts.poolChannel(poolName(county, fiscalYear), id), accounts.unassigned(id));
    }
    case 'FundsAssigned':
      return yield* assigned(event.data);
    case 'AssignmentReturned': {
      const { allocationId: id, assignmentId, amount, returnedOn } = event.data;
      const assignment = yield* requireRow(t.assignments, { allocation_id: id, assignment_id: assignmentId }, 'AssignmentReturned');
      const from = yield* assignmentAccount(id, assignment.target_kind, assignment.project_id, assignmentId);
      return move(returnedOn, fenOf(amount), from, accounts.unassigned(id));
    }
    case 'FundsClawedBack': {
      const { allocationId: id, amount, clawedBackOn } = event.data;
      return move(clawedBackOn, fenOf(amount), accounts.unassigned(id), accounts.clawedBack(id));
    }
    case 'PoolFundingDrawn': {
      const { county, fiscalYear, fundingId, projectId, amount, shares, drawnOn } = event.data;
      const pool = poolName(county, fiscalYear);
      yield* putRow(t.poolFundings, { pool, funding_id: fundingId, project_id: projectId });
      const channels = shares.map((share) => credit(accounts.poolChannel(pool, share.allocationId), fenOf(share.amount)));
      return { on: drawnOn, legs: [debit(accounts.line(projectId, fundingId), fenOf(amount)), ...channels] };
    }
    case 'PoolFundingReturned': {
      const { county, fiscalYear, fundingId, amount, shares, returnedOn } = event.data;
      const pool = poolName(county, fiscalYear);
      const funding = yield* requireRow(t.poolFundings, { pool, funding_id: fundingId }, 'PoolFundingReturned');
      const channels = shares.map((share) => debit(accounts.poolChannel(pool, share.allocationId), fenOf(share.amount)));
      return { on: returnedOn, legs: [credit(accounts.line(funding.project_id, fundingId), fenOf(amount)), ...channels] };
    }
    case 'FundsDisbursed': {
      const { projectId, fundingId, amount, paidOn } = event.data;
      return move(paidOn, fenOf(amount), accounts.line(projectId, fundingId), accounts.disbursed(projectId));
    }
    case 'DisbursementReversed': {
      const { projectId, fundingId, amount, reversedOn } = event.data;
      return move(reversedOn, fenOf(amount), accounts.disbursed(projectId), accounts.line(projectId, fundingId));
    }
    case 'DisbursementReimbursed': {
      const { projectId, amount, reimbursedOn } = event.data;
      return move(reimbursedOn, fenOf(amount), accounts.disbursed(projectId), accounts.reimbursed(projectId));
    }
    default:
      return yield* microCreditEntry(event);
  }
}

type PostedByEntryFor =
  | 'FundsAllocated'
  | 'FundsReceived'
  | 'ReceiptReversed'
  | 'AllocationReduced'
  | 'FundsPooled'
  | 'FundsUnpooled'
  | 'FundsAssigned'
  | 'AssignmentReturned'
  | 'FundsClawedBack'
  | 'PoolFundingDrawn'
  | 'PoolFundingReturned'
  | 'FundsDisbursed'
  | 'DisbursementReversed'
  | 'DisbursementReimbursed';
type PostedByMicroCredit = 'LoanIssued' | 'LoanRepaid' | 'LoanRenewed' | 'LoanCompensated' | 'RiskFundCompensationPaid';

function* microCreditEntry(event: Exclude<LedgerEvent, { type: PostedByEntryFor }>): RowProgram<Entry | null> {
  switch (event.type) {
    case 'LoanIssued': {
      const { loanId, bank, villageCode, amount, issuedOn } = event.data;
      yield* putRow(t.loans, { loan_id: loanId, bank, county: villageCode.slice(0, 6) });
      return move(issuedOn, fenOf(amount), accounts.bank(bank), accounts.loanOutstanding(loanId));
    }
    case 'LoanRepaid': {
      const { loanId, amount, repaidOn } = event.data;
      const loan = yield* requireRow(t.loans, { loan_id: loanId }, 'LoanRepaid');
      return move(repaidOn, fenOf(amount), accounts.loanOutstanding(loanId), accounts.bank(loan.bank));
    }
    case 'LoanRenewed': {
      // A renewal is a new contract for at least what is outstanding: only the difference is new lending.
      const { loanId, amount, renewedOn } = event.data;
      const loan = yield* requireRow(t.loans, { loan_id: loanId }, 'LoanRenewed');
      const outstanding = yield* getRow(t.accounts, { account: accounts.loanOutstanding(loanId).code });
      const added = fenOf(amount) - (outstanding?.balance_fen ?? 0n);
      invariant(added >= 0n, `loan ${loanId} renewed below its outstanding balance`);
      return added === 0n ? null : move(renewedOn, added, accounts.bank(loan.bank), accounts.loanOutstanding(loanId));
    }
    case 'LoanCompensated': {
      const { loanId, lossAmount, compensatedOn } = event.data;
      return move(compensatedOn, fenOf(lossAmount), accounts.loanOutstanding(loanId), accounts.loanWrittenOff(loanId));
    }
    case 'RiskFundCompensationPaid': {
      // The fund pays its part of the loss to the bank that lent.
      const { county, loanId, amount, paidOn } = event.data;
      const loan = yield* requireRow(t.loans, { loan_id: loanId }, 'RiskFundCompensationPaid');
      invariant(loan.county === county, `compensation for loan ${loanId} of ${loan.county} paid by the fund of ${county}`);
      return move(paidOn, fenOf(amount), accounts.riskFund(county), accounts.bank(loan.bank));
    }
    default:
      return memo(event);
  }
}

/** Events that move no money, or whose movement is posted on the other stream's event. */
function memo(event: Exclude<LedgerEvent, { type: PostedByEntryFor | PostedByMicroCredit }>): null {
  switch (event.type) {
    case 'FundsCarriedOver':
    case 'ChannelFundsPooled':
    case 'ChannelFundsUnpooled':
    case 'ProjectFunded':
    case 'FundingReduced':
    case 'RiskFundDeposited':
    case 'ProjectListed':
    case 'ProjectApproved':
    case 'ProjectAmended':
    case 'ProjectStarted':
    case 'ProjectCompleted':
    case 'ProjectAccepted':
    case 'AssetRegistered':
    case 'VoucherNumberUsed':
    case 'LoanMarkedOverdue':
    case 'LoanExtended':
    case 'NoticePublished':
    case 'NoticeWithdrawn':
    case 'RectificationOpened':
    case 'RectificationTaskClosed':
    case 'RectificationClosed':
    case 'RectificationReopened':
    case 'WarningAcknowledged': // inspectors' notes: the warnings projection's
    case 'WarningResolved':
      return null;
    default:
      return assertNever(event, 'ledger event');
  }
}

function* assigned(data: Extract<LedgerEvent, { type: 'FundsAssigned' }>['data']): RowProgram<Entry> {
  const { allocationId: id, assignmentId, target, amount, assignedOn } = data;
  const projectId = target.kind === 'project' ? target.projectId : null;
  yield* putRow(t.assignments, { allocation_id: id, assignment_id: assignmentId, target_kind: target.kind, project_id: projectId });
  const to = yield* assignmentAccount(id, target.kind, projectId, assignmentId);
  return move(assignedOn, fenOf(amount), accounts.unassigned(id), to);
}

/** Where assigned money went: a project's funding line (assignmentId = fundingId) or the county's risk fund. */
function* assignmentAccount(allocationId: string, kind: string, projectId: string | null, assignmentId: string): RowProgram<Account> {
  if (kind === 'project') {
    invariant(projectId !== null, `assignment ${assignmentId} to a project names none`);
    return accounts.line(projectId, assignmentId);
  }
  invariant(kind === 'risk_fund', `assignment ${assignmentId} has unknown target ${kind}`);
  const allocation = yield* requireRow(t.allocations, { allocation_id: allocationId }, 'risk fund assignment');
  return accounts.riskFund(allocation.county);
}

/** `fen` from one account to another. */
function move(on: string, fen: bigint, from: Account, to: Account): Entry {
  return { on, legs: [credit(from, fen), debit(to, fen)] };
}

/** Posts a balanced entry: legs on one account are merged, then each account is moved and checked. */
function* post(place: LogPlace, eventType: string, on: string, legs: readonly Leg[]): RowProgram {
  const merged = new Map<string, Leg>();
  for (const leg of legs) {
    invariant(leg.fen !== 0n, `${eventType} at ${place.position}: a leg of zero on ${leg.account.code}`);
    const previous = merged.get(leg.account.code);
    merged.set(leg.account.code, { account: leg.account, fen: (previous?.fen ?? 0n) + leg.fen });
  }
  const total = [...merged.values()].reduce((sum, leg) => sum + leg.fen, 0n);
  invariant(total === 0n, `${eventType} at ${place.position}: the entry does not balance (${total} fen)`);
  let seq = 0;
  for (const leg of merged.values()) {
    if (leg.fen === 0n) continue;
    const { code, kind } = leg.account;
    const side = accountSides[kind];
    const row = yield* getRow(t.accounts, { account: code });
    invariant(row === undefined || row.kind === kind, `account ${code} is of kind ${row?.kind}, not ${kind}`);
    const balance = (row?.balance_fen ?? 0n) + leg.fen;
    invariant(side === 'debit' ? balance >= 0n : balance <= 0n, `${eventType} at ${place.position}: account ${code} would go ${side === 'debit' ? 'below' : 'above'} zero (${balance} fen)`);
    yield* putRow(t.accounts, { account: code, kind, side, balance_fen: balance, last_position: place.position });
    yield* insertRow(t.postings, { position: place.position, seq: seq++, account: code, amount_fen: leg.fen, event_type: eventType, business_date: on });
  }
}
