import { decideAllocationMoney, requireAllocation } from '../allocation/allocation.decider';
import type { AllocationEvent } from '../allocation/allocation.events';
import { evolveAllocation, type AllocationState } from '../allocation/allocation.state';
import { poolDecider } from '../pool/pool.decider';
import type { ChannelShare, PoolEvent } from '../pool/pool.events';
import { evolvePool, type PoolState } from '../pool/pool.state';
import { projectDecider } from '../project/project.decider';
import type { FundingSource, ProjectEvent } from '../project/project.events';
import { requireFundable, requireReducibleLine } from '../project/project.money';
import { evolveProject, type FundingSourceRef, type Project, type ProjectState } from '../project/project.state';
import { businessDate } from '../shared/business-date';
import { invariant, refuse } from '../shared/domain-error';
import { Money } from '../shared/money';
import { entityId } from '../shared/reference-data';
import { streamDecision, type StreamAppend, type StreamDecision } from '../shared/stream-decision';
import { streams } from '../streams';
import type { FundProject, MoveFunding, ReduceFunding } from './money-movements.commands';
import { single } from './postings';

/** The source a funding line draws on or gives back to, with its folded state; its kind must match the command's. */
export type FundingSourceState = { kind: 'allocation'; state: AllocationState } | { kind: 'pool'; state: PoolState };

export interface FundingStates {
  readonly project: ProjectState;
  readonly source: FundingSourceState;
}

/** What a source decided: its append, and the source as the project records it (with the pool's shares). */
interface SourceDecision {
  readonly append: StreamAppend;
  readonly source: FundingSource;
  readonly next: FundingSourceState;
}

/**
 * 资金围绕项目转: a new funding line. The project's refusals come first, then the place rules that
 * span both boundaries (same county; the pool of the project's year), then the source's own limit.
 * The source's events precede the project's: the money leaves before it arrives.
 */
export function decideProjectFunding(command: FundProject, states: FundingStates): StreamDecision {
  const funded = fund(command.data, states);
  return streamDecision(funded.source.append, funded.project);
}

/** Unspent money of a line goes back to its source (to the pool's channels in the proportions drawn). */
export function decideFundingReduction(command: ReduceFunding, states: FundingStates): StreamDecision {
  const reduced = reduce(command.data, states);
  return streamDecision(reduced.project, reduced.source.append);
}

/**
 * A line's unspent money moved to another project (or another line of the same one) in one write
 * over three streams: the line reduced, the source given back and drawn again, the new line
 * funded. `toProject` is the state of `toProjectId`: the same state when it is the same project.
 */
export function decideFundingMove(command: MoveFunding, states: FundingStates & { readonly toProject: ProjectState }): StreamDecision {
  const { toProjectId, toFundingId, movedOn, ...line } = command.data;
  const reduced = reduce({ ...line, reducedOn: movedOn }, states);
  const sameProject = toProjectId === command.data.projectId;
  const toProject = sameProject ? reduced.project.events.reduce(evolveProject, states.project) : states.toProject;
  const funded = fund(
    { projectId: toProjectId, fundingId: toFundingId, source: reduced.ref, amount: line.amount, fundedOn: movedOn },
    { project: toProject, source: reduced.source.next },
  );
  return streamDecision(reduced.project, reduced.source.append, funded.source.append, funded.project);
}

function fund(data: FundProject['data'], states: FundingStates) {
  const { project, fundingId, fundedOn } = requireFundable(states.project, data);
  const amount = Money.positive(data.amount).toString();
  const source = drawFromSource(data.source, states.source, project, { fundingId, amount, fundedOn });
  const events = projectDecider.decide(
    { type: 'AddFundingLine', data: { projectId: project.projectId, fundingId, source: source.source, amount, fundedOn } },
    project,
  );
  return { source, project: { stream: streams.project(project.projectId), events } };
}

function reduce(data: ReduceFunding['data'], states: FundingStates) {
  const { project, reductionId, fundingId, line, amount } = requireReducibleLine(states.project, data);
  const reducedOn = businessDate(data.reducedOn, 'reducedOn');
  const source = returnToSource(line.source, states.source, { fundingId, reductionId, amount: amount.toString(), reducedOn });
  const events: ProjectEvent[] = projectDecider.decide(
    {
      type: 'ReduceFundingLine',
      data: { projectId: project.projectId, reductionId, fundingId, amount: amount.toString(), reason: data.reason, reducedOn, returnedTo: source.source },
    },
    project,
  );
  return { source, ref: line.source, project: { stream: streams.project(project.projectId), events } };
}

function drawFromSource(
  ref: FundingSourceRef,
  source: FundingSourceState,
  project: Project,
  line: { fundingId: string; amount: string; fundedOn: string },
): SourceDecision {
  invariant(ref.kind === source.kind, `funding from ${ref.kind} decided over a ${source.kind} state`);
  if (ref.kind === 'allocation' && source.kind === 'allocation') {
    const allocationId = entityId(ref.allocationId, 'allocationId');
    const allocation = requireAllocation(source.state);
    if (allocation.county !== project.county) refuseRegion(project, allocation.county);
    const target = { kind: 'project' as const, projectId: project.projectId };
    const events = decideAllocationMoney(
      { type: 'AssignFunds', data: { allocationId: allocation.allocationId, assignmentId: line.fundingId, target, amount: line.amount, assignedOn: line.fundedOn } },
      allocation,
    );
    return allocationDecision(allocationId, source.state, events);
  }
  invariant(ref.kind === 'pool' && source.kind === 'pool', 'pool funding without a pool');
  if (ref.county !== project.county) refuseRegion(project, ref.county);
  if (ref.fiscalYear !== project.fiscalYear) {
    refuse('POOL.YEAR_MISMATCH', `a ${project.fiscalYear} project is funded from the ${project.fiscalYear} pool, not ${ref.fiscalYear}`);
  }
  const events = poolDecider.decide(
    {
      type: 'DrawPoolFunding',
      data: { county: ref.county, fiscalYear: ref.fiscalYear, fundingId: line.fundingId, projectId: project.projectId, amount: line.amount, drawnOn: line.fundedOn },
    },
    source.state,
  );
  return poolDecision(source.state, events, single(events, 'PoolFundingDrawn').data);
}

function returnToSource(
  ref: FundingSourceRef,
  source: FundingSourceState,
  back: { fundingId: string; reductionId: string; amount: string; reducedOn: string },
): SourceDecision {
  invariant(ref.kind === source.kind, `a ${ref.kind} line given back to a ${source.kind} state`);
  const { fundingId, reductionId, amount, reducedOn } = back;
  if (ref.kind === 'allocation' && source.kind === 'allocation') {
    const events = decideAllocationMoney(
      { type: 'ReturnAssignment', data: { allocationId: ref.allocationId, assignmentId: fundingId, reductionId, amount, returnedOn: reducedOn } },
      source.state,
    );
    return allocationDecision(ref.allocationId, source.state, events);
  }
  invariant(ref.kind === 'pool' && source.kind === 'pool', 'pool line given back without a pool');
  const events = poolDecider.decide(
    { type: 'ReturnPoolFunding', data: { county: ref.county, fiscalYear: ref.fiscalYear, fundingId, reductionId, amount, returnedOn: reducedOn } },
    source.state,
  );
  return poolDecision(source.state, events, single(events, 'PoolFundingReturned').data);
}

function refuseRegion(project: Project, county: string): never {
  return refuse('ALLOCATION.REGION_MISMATCH', `project ${project.projectId} in ${project.county} cannot be funded from county ${county}`, {
    projectCounty: project.county,
    sourceCounty: county,
  });
}

/** The handler loads the source the command names; a state of another allocation or pool is its bug. */
function allocationDecision(allocationId: string, state: AllocationState, events: AllocationEvent[]): SourceDecision {
  const next = events.reduce(evolveAllocation, state);
  invariant(next.status !== 'none' && next.allocationId === allocationId, `allocation ${allocationId} decided over another allocation's state`);
  return {
    append: { stream: streams.allocation(allocationId), events },
    source: { kind: 'allocation', allocationId },
    next: { kind: 'allocation', state: next },
  };
}

function poolDecision(state: PoolState, events: PoolEvent[], moved: { county: string; fiscalYear: number; shares: ChannelShare[] }): SourceDecision {
  const { county, fiscalYear, shares } = moved;
  const next = events.reduce(evolvePool, state);
  invariant(next.status === 'open' && next.county === county && next.fiscalYear === fiscalYear, `pool ${county}-${fiscalYear} decided over another pool's state`);
  return {
    append: { stream: streams.pool(county, fiscalYear), events },
    source: { kind: 'pool', county, fiscalYear, shares },
    next: { kind: 'pool', state: next },
  };
}
