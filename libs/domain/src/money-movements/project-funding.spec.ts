import { streamDecisionSpec } from '../../testing';
import {
  allocationOf,
  channelPooled,
  fromAllocation,
  fundedProject,
  fundsAllocated,
  fundsAssigned,
  fundsDisbursed,
  fundsReceived,
  poolFundingDrawn,
  poolOf,
  projectApproved,
  projectFunded,
  projectListed,
  projectOf,
  sharesOf,
} from '../../testing/money-fixtures';
import type { AllocationEvent } from '../allocation/allocation.events';
import type { PoolEvent } from '../pool/pool.events';
import type { FundingSource, ProjectEvent } from '../project/project.events';
import type { FundingSourceRef } from '../project/project.state';
import type { FundProject, MoveFunding, ReduceFunding } from './money-movements.commands';
import { decideFundingMove, decideFundingReduction, decideProjectFunding, type FundingSourceState } from './project-funding';

const pool2024: FundingSourceRef = { kind: 'pool', county: '513336', fiscalYear: 2024 };
const fund = (amount: string, source: FundingSourceRef = { kind: 'allocation', allocationId: 'a-1' }): FundProject => ({
  type: 'FundProject',
  data: { projectId: 'p-1', fundingId: 'f-1', source, amount, fundedOn: '2024-04-01' },
});
const reduce = (amount: string): ReduceFunding => ({
  type: 'ReduceFunding',
  data: { projectId: 'p-1', reductionId: 'rd-1', fundingId: 'f-1', amount, reason: '项目结余', reducedOn: '2024-11-01' },
});
const fromAllocationState = (...events: AllocationEvent[]): FundingSourceState => ({ kind: 'allocation', state: allocationOf(...events) });
const fromPoolState = (...events: PoolEvent[]): FundingSourceState => ({ kind: 'pool', state: poolOf(...events) });
const received = [fundsAllocated(), fundsReceived('100.00')];
const pooled = [channelPooled('a-1', '60.00'), channelPooled('a-2', '40.00', 'rc-2')];
const poolSource = (shares: [string, string][]): FundingSource => ({ ...pool2024, shares: sharesOf(shares) }) as FundingSource;
const reducedLine = (amount: string, returnedTo: FundingSource): ProjectEvent => ({
  type: 'FundingReduced',
  data: { projectId: 'p-1', reductionId: 'rd-1', fundingId: 'f-1', amount, reason: '项目结余', reducedOn: '2024-11-01', returnedTo },
});

describe('funding an approved project from an allocation with 100.00 received', () => {
  const { given } = streamDecisionSpec(decideProjectFunding);

  it('assigns the money out of the allocation, then opens the funding line', () => {
    given({ project: projectOf(...fundedProject()), source: fromAllocationState(...received) })
      .when(fund('60'))
      .then({ 'allocation-a-1': [fundsAssigned('60.00')], 'project-p-1': [projectFunded('60.00')] });
  });

  it('refuses more than is received and unassigned', () => {
    given({ project: projectOf(...fundedProject()), source: fromAllocationState(...received, fundsAssigned('50.00', 'f-0')) })
      .when(fund('50.01'))
      .thenThrows('ALLOCATION.ASSIGNMENT_EXCEEDS_AVAILABLE');
  });

  it('refuses a project that is not approved, before asking the allocation', () => {
    given({ project: projectOf(projectListed()), source: fromAllocationState() }).when(fund('1')).thenThrows('PROJECT.NOT_APPROVED');
  });

  it('refuses an allocation of another county', () => {
    given({ project: projectOf(...fundedProject()), source: fromAllocationState(fundsAllocated({ county: '513335' }), fundsReceived('100.00')) })
      .when(fund('1'))
      .thenThrows('ALLOCATION.REGION_MISMATCH');
  });

  it('refuses an allocation that does not exist, and integrated money outside the pool', () => {
    given({ project: projectOf(...fundedProject()), source: fromAllocationState() }).when(fund('1')).thenThrows('ALLOCATION.NOT_FOUND');
    given({ project: projectOf(...fundedProject()), source: fromAllocationState(fundsAllocated({ fundType: 'integrated', originalChannel: '林业改革发展资金' }), fundsReceived('1.00')) })
      .when(fund('1'))
      .thenThrows('ALLOCATION.WRONG_FUND_TYPE');
  });
});

describe('funding a 2024 project from the county pool of 60.00 (a-1) and 40.00 (a-2)', () => {
  const { given } = streamDecisionSpec(decideProjectFunding);

  it('draws pro rata from both channels and keeps the shares on the line', () => {
    given({ project: projectOf(...fundedProject()), source: fromPoolState(...pooled) })
      .when(fund('50', pool2024))
      .then({
        'pool-513336-2024': [poolFundingDrawn('50.00', [['a-1', '30.00'], ['a-2', '20.00']])],
        'project-p-1': [projectFunded('50.00', 'f-1', poolSource([['a-1', '30.00'], ['a-2', '20.00']]))],
      });
  });

  it('refuses more than the pool holds, a pool with nothing in it, and the pool of another year or county', () => {
    const project = projectOf(...fundedProject());
    given({ project, source: fromPoolState(...pooled) }).when(fund('100.01', pool2024)).thenThrows('POOL.FUNDING_EXCEEDS_AVAILABLE');
    given({ project, source: fromPoolState() }).when(fund('1', pool2024)).thenThrows('POOL.NOT_FOUND');
    given({ project, source: fromPoolState() }).when(fund('1', { ...pool2024, fiscalYear: 2023 })).thenThrows('POOL.YEAR_MISMATCH');
    given({ project, source: fromPoolState() }).when(fund('1', { ...pool2024, county: '513335' })).thenThrows('ALLOCATION.REGION_MISMATCH');
  });
});

describe('reducing a funding line', () => {
  const { given } = streamDecisionSpec(decideFundingReduction);

  it('gives unspent allocation money back to the allocation', () => {
    given({ project: projectOf(...fundedProject('60.00'), fundsDisbursed('20.00')), source: fromAllocationState(...received, fundsAssigned('60.00')) })
      .when(reduce('40'))
      .then({
        'project-p-1': [reducedLine('40.00', fromAllocation())],
        'allocation-a-1': [{ type: 'AssignmentReturned', data: { allocationId: 'a-1', assignmentId: 'f-1', reductionId: 'rd-1', amount: '40.00', returnedOn: '2024-11-01' } }],
      });
  });

  it('refuses to give back money already spent', () => {
    given({ project: projectOf(...fundedProject('60.00'), fundsDisbursed('20.00')), source: fromAllocationState(...received, fundsAssigned('60.00')) })
      .when(reduce('40.01'))
      .thenThrows('FUNDING.REDUCTION_EXCEEDS_UNSPENT');
  });

  it('gives pool money back to the channels in the proportions it was drawn', () => {
    const line = poolSource([['a-1', '30.00'], ['a-2', '20.00']]);
    const back = poolSource([['a-1', '6.01'], ['a-2', '4.00']]);
    given({
      project: projectOf(...fundedProject(), projectFunded('50.00', 'f-1', line)),
      source: fromPoolState(...pooled, poolFundingDrawn('50.00', [['a-1', '30.00'], ['a-2', '20.00']])),
    })
      .when(reduce('10.01'))
      .then({
        'project-p-1': [reducedLine('10.01', back)],
        'pool-513336-2024': [
          {
            type: 'PoolFundingReturned',
            data: { county: '513336', fiscalYear: 2024, fundingId: 'f-1', reductionId: 'rd-1', amount: '10.01', shares: sharesOf([['a-1', '6.01'], ['a-2', '4.00']]), returnedOn: '2024-11-01' },
          },
        ],
      });
  });
});

describe('moving 40.00 unspent from project p-1 to project p-2', () => {
  const { given } = streamDecisionSpec(decideFundingMove);
  const move = (toProjectId = 'p-2', toFundingId = 'f-2'): MoveFunding => ({
    type: 'MoveFunding',
    data: { projectId: 'p-1', fundingId: 'f-1', reductionId: 'rd-1', toProjectId, toFundingId, amount: '40', reason: '项目结余', movedOn: '2024-11-01' },
  });
  const p2 = [projectListed({ projectId: 'p-2' }), projectApproved('2024-02-01', 'p-2')];
  const returned: AllocationEvent = {
    type: 'AssignmentReturned',
    data: { allocationId: 'a-1', assignmentId: 'f-1', reductionId: 'rd-1', amount: '40.00', returnedOn: '2024-11-01' },
  };
  const moved = (projectId: string): ProjectEvent => ({
    type: 'ProjectFunded',
    data: { projectId, fundingId: 'f-2', source: fromAllocation(), amount: '40.00', fundedOn: '2024-11-01' },
  });
  const states = { project: projectOf(...fundedProject('60.00')), source: fromAllocationState(...received, fundsAssigned('60.00')) };

  it('reduces the line, returns and reassigns the allocation money, and funds the new line, in one decision', () => {
    given({ ...states, toProject: projectOf(...p2) })
      .when(move())
      .then({
        'project-p-1': [reducedLine('40.00', fromAllocation())],
        'allocation-a-1': [returned, fundsAssigned('40.00', 'f-2', 'p-2', '2024-11-01')],
        'project-p-2': [moved('p-2')],
      });
  });

  it('moves within one project to a new line', () => {
    given({ ...states, toProject: states.project })
      .when(move('p-1'))
      .then({
        'project-p-1': [reducedLine('40.00', fromAllocation()), moved('p-1')],
        'allocation-a-1': [returned, fundsAssigned('40.00', 'f-2', 'p-1', '2024-11-01')],
      });
  });

  it('refuses a target project that is closed', () => {
    const closed: ProjectEvent[] = [
      ...p2,
      { type: 'ProjectStarted', data: { projectId: 'p-2', startedOn: '2024-04-01' } },
      { type: 'ProjectCompleted', data: { projectId: 'p-2', completedOn: '2024-09-01' } },
      { type: 'ProjectAccepted', data: { projectId: 'p-2', acceptedOn: '2024-10-01', acceptedBy: '验收组' } },
    ];
    given({ ...states, toProject: projectOf(...closed) }).when(move()).thenThrows('PROJECT.CLOSED');
  });
});
