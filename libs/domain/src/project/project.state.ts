import { assertNever } from '../shared/decider';
import { invariant } from '../shared/domain-error';
import { Money } from '../shared/money';
import type { FiscalYear } from '../shared/reference-data';
import { sharesOf } from '../pool/pool.state';
import type { FundingSource, ProjectEvent, ProjectFacts } from './project.events';

export type ProjectStatus = 'listed' | 'approved' | 'started' | 'completed' | 'accepted';

/** Where a line's money came from, without the amounts (those are in `byAllocation`). */
export type FundingSourceRef = { kind: 'allocation'; allocationId: string } | { kind: 'pool'; county: string; fiscalYear: FiscalYear };

export interface FundingLine {
  readonly source: FundingSourceRef;
  /** Funded less reduced. */
  readonly funded: Money;
  /** Disbursed less reversed. */
  readonly spent: Money;
  /** What of `funded` each allocation gave (one entry, or the pool's channels): a yuan paid stays traceable. */
  readonly byAllocation: ReadonlyMap<string, Money>;
}

export interface Disbursement {
  readonly fundingId: string;
  readonly amount: Money;
  readonly reversed: Money;
  readonly reimbursed: boolean;
}

/** Always, per line: 0 ≤ spent ≤ funded = Σ byAllocation; evolve stops on any history that breaks this. */
export interface Project {
  readonly status: ProjectStatus;
  readonly projectId: string;
  /** The village it was listed in (12 digits): the region access to the project is checked against. */
  readonly villageCode: string;
  readonly county: string;
  readonly fiscalYear: FiscalYear;
  readonly facts: ProjectFacts;
  readonly approvedOn: string | undefined;
  readonly lines: ReadonlyMap<string, FundingLine>;
  readonly disbursements: ReadonlyMap<string, Disbursement>;
  readonly assetIds: ReadonlySet<string>;
  /** Ids of reductions, reversals and reimbursements: each names one fact. */
  readonly factIds: ReadonlySet<string>;
}

export type ProjectState = { readonly status: 'none' } | Project;

export const initialProjectState = (): ProjectState => ({ status: 'none' });

export function lineAvailable(line: FundingLine): Money {
  return line.funded.minus(line.spent);
}

/**
 * Always a new object with its keys in this order: refs are compared as JSON, and a source read
 * back from the store has its keys in canonical (sorted) order, not in the order it was decided in.
 */
export function sourceRef(source: FundingSource): FundingSourceRef {
  return source.kind === 'allocation'
    ? { kind: 'allocation', allocationId: source.allocationId }
    : { kind: 'pool', county: source.county, fiscalYear: source.fiscalYear };
}

/** The parts per allocation a source carries: the whole amount for one allocation, the channel shares for the pool. */
export function partsByAllocation(source: FundingSource, amount: Money): ReadonlyMap<string, Money> {
  if (source.kind === 'allocation') return new Map([[source.allocationId, amount]]);
  return sharesOf(source.shares, amount.toString());
}

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectListed') {
    invariant(state.status === 'none', `project ${event.data.projectId} listed twice`);
    const { projectId, villageCode, county, fiscalYear } = event.data;
    const { name, category, plannedInvestment, implementingUnit, performanceTargets, povertyLinkage, householdLevel } = event.data;
    const facts = { name, category, plannedInvestment, implementingUnit, performanceTargets, povertyLinkage, householdLevel };
    const empty = { lines: new Map(), disbursements: new Map(), assetIds: new Set<string>(), factIds: new Set<string>() };
    return { status: 'listed', projectId, villageCode, county, fiscalYear, facts, approvedOn: undefined, ...empty };
  }
  invariant(state.status !== 'none', `${event.type} on project ${event.data.projectId}, which does not exist`);
  return applyToProject(state, event);
}

function applyToProject(p: Project, event: Exclude<ProjectEvent, { type: 'ProjectListed' }>): Project {
  switch (event.type) {
    case 'ProjectApproved':
      return { ...p, status: 'approved', approvedOn: event.data.approvedOn };
    case 'ProjectAmended':
      return { ...p, facts: { ...p.facts, ...event.data.after } };
    case 'ProjectStarted':
      return { ...p, status: 'started' };
    case 'ProjectCompleted':
      return { ...p, status: 'completed' };
    case 'ProjectAccepted':
      return { ...p, status: 'accepted' };
    case 'AssetRegistered':
      invariant(!p.assetIds.has(event.data.assetId), `asset ${event.data.assetId} registered twice`);
      return { ...p, assetIds: new Set(p.assetIds).add(event.data.assetId) };
    case 'ProjectFunded': {
      invariant(!p.lines.has(event.data.fundingId), `funding ${event.data.fundingId} recorded twice`);
      const funded = Money.of(event.data.amount);
      const line = { source: sourceRef(event.data.source), funded, spent: Money.zero, byAllocation: partsByAllocation(event.data.source, funded) };
      return { ...p, lines: new Map(p.lines).set(event.data.fundingId, line) };
    }
    case 'FundingReduced':
      return reduceLine(withFact(p, event.data.reductionId), event.data.fundingId, event.data.returnedTo, Money.of(event.data.amount));
    case 'FundsDisbursed': {
      const { disbursementId, fundingId } = event.data;
      invariant(!p.disbursements.has(disbursementId), `disbursement ${disbursementId} recorded twice`);
      const amount = Money.of(event.data.amount);
      const disbursements = new Map(p.disbursements).set(disbursementId, { fundingId, amount, reversed: Money.zero, reimbursed: false });
      return spend({ ...p, disbursements }, fundingId, (spent) => spent.plus(amount));
    }
    case 'DisbursementReversed': {
      const amount = Money.of(event.data.amount);
      const d = p.disbursements.get(event.data.disbursementId);
      invariant(d !== undefined && d.reversed.plus(amount).lte(d.amount), `disbursement ${event.data.disbursementId} reversed beyond its amount`);
      const disbursements = new Map(p.disbursements).set(event.data.disbursementId, { ...d, reversed: d.reversed.plus(amount) });
      return spend({ ...withFact(p, event.data.reversalId), disbursements }, d.fundingId, (spent) => spent.minus(amount));
    }
    case 'DisbursementReimbursed': {
      const d = p.disbursements.get(event.data.disbursementId);
      invariant(d !== undefined && !d.reimbursed, `disbursement ${event.data.disbursementId} reimbursed twice or unknown`);
      const disbursements = new Map(p.disbursements).set(event.data.disbursementId, { ...d, reimbursed: true });
      return { ...withFact(p, event.data.reimbursementId), disbursements };
    }
    default:
      return assertNever(event, 'project event');
  }
}

function withFact(p: Project, factId: string): Project {
  invariant(!p.factIds.has(factId), `project ${p.projectId} has two facts with id ${factId}`);
  return { ...p, factIds: new Set(p.factIds).add(factId) };
}

function updateLine(p: Project, fundingId: string, update: (line: FundingLine) => FundingLine): Project {
  const line = p.lines.get(fundingId);
  invariant(line !== undefined, `project ${p.projectId} has no funding ${fundingId}`);
  const next = update(line);
  invariant(!next.spent.isNegative() && next.spent.lte(next.funded), `funding ${fundingId}: spent outside 0..funded`);
  return { ...p, lines: new Map(p.lines).set(fundingId, next) };
}

function spend(p: Project, fundingId: string, move: (spent: Money) => Money): Project {
  return updateLine(p, fundingId, (line) => ({ ...line, spent: move(line.spent) }));
}

function reduceLine(p: Project, fundingId: string, returnedTo: FundingSource, amount: Money): Project {
  return updateLine(p, fundingId, (line) => {
    const byAllocation = new Map(line.byAllocation);
    for (const [allocationId, part] of partsByAllocation(returnedTo, amount)) {
      const left = (byAllocation.get(allocationId) ?? Money.zero).minus(part);
      invariant(!left.isNegative(), `funding ${fundingId} returned more to ${allocationId} than it came with`);
      byAllocation.set(allocationId, left);
    }
    return { ...line, funded: line.funded.minus(amount), byAllocation };
  });
}
