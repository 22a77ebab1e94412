import { assertNever } from '../shared/decider';
import { invariant } from '../shared/domain-error';
import { Money } from '../shared/money';
import type { FiscalYear, FundType } from '../shared/reference-data';
import type { AllocationEvent, AssignmentTarget } from './allocation.events';

export interface Receipt {
  readonly amount: Money;
  readonly reversed: Money;
}

export interface Assignment {
  readonly target: AssignmentTarget;
  /** What is still assigned: assigned less what came back. */
  readonly amount: Money;
}

/**
 * An allocation's balances. `received` is net of reversals, `assigned` net of returns (pooled
 * money counts as assigned to the pool). Always: 0 ≤ received ≤ allocated and
 * 0 ≤ assigned + clawedBack ≤ received; evolve stops on any history that breaks this.
 */
export interface Allocation {
  readonly status: 'open' | 'withdrawn';
  readonly allocationId: string;
  readonly county: string;
  readonly fundType: FundType;
  readonly fiscalYear: FiscalYear;
  readonly allocated: Money;
  readonly received: Money;
  readonly assigned: Money;
  readonly clawedBack: Money;
  readonly receipts: ReadonlyMap<string, Receipt>;
  readonly assignments: ReadonlyMap<string, Assignment>;
  /** Carried-over amounts by the fiscal year they were carried into. */
  readonly carriedInto: ReadonlyMap<FiscalYear, Money>;
  /** Ids of reversals, reductions, returns, carry-overs and claw-backs: each names one fact. */
  readonly factIds: ReadonlySet<string>;
}

export type AllocationState = { readonly status: 'none' } | Allocation;

export const initialAllocationState = (): AllocationState => ({ status: 'none' });

/** Received money neither assigned nor clawed back: what can still be assigned, carried over or clawed back. */
export function unassigned(allocation: Allocation): Money {
  return allocation.received.minus(allocation.assigned).minus(allocation.clawedBack);
}

export function evolveAllocation(state: AllocationState, event: AllocationEvent): AllocationState {
  if (event.type === 'FundsAllocated') {
    invariant(state.status === 'none', `allocation ${event.data.allocationId} allocated twice`);
    return allocated(event.data);
  }
  invariant(state.status !== 'none', `${event.type} on allocation ${event.data.allocationId}, which does not exist`);
  return checked(applyToAllocation(state, event));
}

function allocated(data: Extract<AllocationEvent, { type: 'FundsAllocated' }>['data']): Allocation {
  return {
    status: 'open',
    allocationId: data.allocationId,
    county: data.county,
    fundType: data.fundType,
    fiscalYear: data.fiscalYear,
    allocated: Money.of(data.amount),
    received: Money.zero,
    assigned: Money.zero,
    clawedBack: Money.zero,
    receipts: new Map(),
    assignments: new Map(),
    carriedInto: new Map(),
    factIds: new Set(),
  };
}

function applyToAllocation(a: Allocation, event: Exclude<AllocationEvent, { type: 'FundsAllocated' }>): Allocation {
  switch (event.type) {
    case 'FundsReceived': {
      const amount = Money.of(event.data.amount);
      invariant(!a.receipts.has(event.data.receiptId), `receipt ${event.data.receiptId} recorded twice`);
      const receipts = new Map(a.receipts).set(event.data.receiptId, { amount, reversed: Money.zero });
      return { ...a, received: a.received.plus(amount), receipts };
    }
    case 'ReceiptReversed': {
      const amount = Money.of(event.data.amount);
      const receipt = a.receipts.get(event.data.receiptId);
      invariant(receipt !== undefined, `reversal of unknown receipt ${event.data.receiptId}`);
      invariant(receipt.reversed.plus(amount).lte(receipt.amount), `receipt ${event.data.receiptId} reversed beyond its amount`);
      const receipts = new Map(a.receipts).set(event.data.receiptId, { ...receipt, reversed: receipt.reversed.plus(amount) });
      return { ...withFact(a, event.data.reversalId), received: a.received.minus(amount), receipts };
    }
    case 'AllocationReduced': {
      const allocated = a.allocated.minus(Money.of(event.data.amount));
      invariant(event.data.withdrawn === allocated.isZero(), `allocation ${a.allocationId} withdrawn flag disagrees with its balance`);
      return { ...withFact(a, event.data.reductionId), allocated, status: event.data.withdrawn ? 'withdrawn' : 'open' };
    }
    case 'FundsPooled':
      return { ...a, assigned: a.assigned.plus(Money.of(event.data.amount)) };
    case 'FundsUnpooled':
      return { ...a, assigned: a.assigned.minus(Money.of(event.data.amount)) };
    case 'FundsAssigned':
      return assign(a, event.data.assignmentId, event.data.target, Money.of(event.data.amount));
    case 'AssignmentReturned':
      return returnAssignment(withFact(a, event.data.reductionId), event.data.assignmentId, Money.of(event.data.amount));
    case 'FundsCarriedOver': {
      const year = event.data.toFiscalYear;
      const carriedInto = new Map(a.carriedInto).set(year, (a.carriedInto.get(year) ?? Money.zero).plus(Money.of(event.data.amount)));
      invariant(carriedInto.get(year)!.lte(unassigned(a)), `allocation ${a.allocationId} carried over more than it had unassigned`);
      return { ...withFact(a, event.data.carryOverId), carriedInto };
    }
    case 'FundsClawedBack':
      return { ...withFact(a, event.data.clawBackId), clawedBack: a.clawedBack.plus(Money.of(event.data.amount)) };
    default:
      return assertNever(event, 'allocation event');
  }
}

function withFact(a: Allocation, factId: string): Allocation {
  invariant(!a.factIds.has(factId), `allocation ${a.allocationId} has two facts with id ${factId}`);
  return { ...a, factIds: new Set(a.factIds).add(factId) };
}

function assign(a: Allocation, assignmentId: string, target: AssignmentTarget, amount: Money): Allocation {
  invariant(!a.assignments.has(assignmentId), `assignment ${assignmentId} recorded twice`);
  const assignments = new Map(a.assignments).set(assignmentId, { target, amount });
  return { ...a, assigned: a.assigned.plus(amount), assignments };
}

function returnAssignment(a: Allocation, assignmentId: string, amount: Money): Allocation {
  const assignment = a.assignments.get(assignmentId);
  invariant(assignment !== undefined && amount.lte(assignment.amount), `return beyond assignment ${assignmentId}`);
  const assignments = new Map(a.assignments).set(assignmentId, { ...assignment, amount: assignment.amount.minus(amount) });
  return { ...a, assigned: a.assigned.minus(amount), assignments };
}

/** The balances every history must keep: a replay that breaks them is a bug or a tampered log. */
function checked(a: Allocation): Allocation {
  invariant(!a.received.isNegative() && a.received.lte(a.allocated), `allocation ${a.allocationId}: received outside 0..allocated`);
  invariant(!a.assigned.isNegative(), `allocation ${a.allocationId}: negative assigned`);
  invariant(!unassigned(a).isNegative(), `allocation ${a.allocationId}: assigned and clawed back exceed received`);
  return a;
}
