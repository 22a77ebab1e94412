import { deciderSpec } from '../../testing';
import {
  disbursementReversed,
  fromAllocation,
  fundedProject,
  fundsDisbursed,
  listProject,
  projectApproved,
  projectFunded,
  projectListed,
  projectOf,
  sharesOf,
} from '../../testing/money-fixtures';
import { InvariantViolation } from '../shared/domain-error';
import type { ProjectCommand } from './project.commands';
import { projectDecider } from './project.decider';
import type { FundingSource, Party, ProjectEvent } from './project.events';
import { lineAvailable, type Project } from './project.state';

const { given } = deciderSpec(projectDecider);
const projectId = 'p-1';

const approve = (approvedOn = '2024-02-01'): ProjectCommand => ({ type: 'ApproveProject', data: { projectId, approvedOn, documentNo: '乡府发〔2024〕3号' } });
const start: ProjectCommand = { type: 'StartProject', data: { projectId, startedOn: '2024-04-10' } };
const complete: ProjectCommand = { type: 'CompleteProject', data: { projectId, completedOn: '2024-09-30' } };
const accept: ProjectCommand = { type: 'AcceptProject', data: { projectId, acceptedOn: '2024-10-15', acceptedBy: '乡城县乡村振兴局验收组' } };
const started: ProjectEvent = { type: 'ProjectStarted', data: { projectId, startedOn: '2024-04-10' } };
const completed: ProjectEvent = { type: 'ProjectCompleted', data: { projectId, completedOn: '2024-09-30' } };
const accepted: ProjectEvent = { type: 'ProjectAccepted', data: { projectId, acceptedOn: '2024-10-15', acceptedBy: '乡城县乡村振兴局验收组' } };

const addLine = (amount: string, fundedOn = '2024-04-01', source: FundingSource = fromAllocation()): ProjectCommand => ({
  type: 'AddFundingLine',
  data: { projectId, fundingId: 'f-1', source, amount, fundedOn },
});
const reduceLine = (amount: string, returnedTo: FundingSource = fromAllocation(), reductionId = 'rd-1'): ProjectCommand => ({
  type: 'ReduceFundingLine',
  data: { projectId, reductionId, fundingId: 'f-1', amount, reason: '项目结余', reducedOn: '2024-11-01', returnedTo },
});
const unit: Party = { kind: 'unit', name: '乡城县路桥工程有限公司' };
const disburse = (amount: string, overrides: { payee?: Party; paidOn?: string; fundingId?: string; disbursementId?: string; purpose?: string } = {}): ProjectCommand => {
  const disbursementId = overrides.disbursementId ?? 'd-1';
  return {
    type: 'DisburseFunds',
    data: { projectId, disbursementId, fundingId: 'f-1', amount, payee: unit, voucherNo: `付-${disbursementId}`, paidOn: '2024-05-01', purpose: '工程进度款', ...overrides },
  };
};
const reverse = (amount: string, disbursementId = 'd-1', reversalId = 'r-1'): ProjectCommand => ({
  type: 'ReverseDisbursement',
  data: { projectId, reversalId, disbursementId, amount, reason: '金额录入错误', voucherNo: `红-${reversalId}`, reversedOn: '2024-05-10' },
});
const reimburse = (disbursementId = 'd-1', reimbursementId = 'rb-1'): ProjectCommand => ({
  type: 'ReimburseDisbursement',
  data: { projectId, reimbursementId, disbursementId, reimbursedOn: '2024-06-01', voucherNo: '报-1' },
});
const reimbursed = (amount: string): ProjectEvent => ({
  type: 'DisbursementReimbursed',
  data: { projectId, reimbursementId: 'rb-1', disbursementId: 'd-1', amount, reimbursedOn: '2024-06-01', voucherNo: '报-1' },
});
const reduced = (amount: string): ProjectEvent => ({
  type: 'FundingReduced',
  data: { projectId, reductionId: 'rd-1', fundingId: 'f-1', amount, reason: '项目结余', reducedOn: '2024-11-01', returnedTo: fromAllocation() },
});

describe('listing a project in the library', () => {
  it('records its facts, the village and the county derived from it', () => {
    given().when(listProject({ plannedInvestment: '200' })).then(projectListed());
  });

  it('refuses a project id that exists', () => {
    given(projectListed()).when(listProject()).thenThrows('PROJECT.ALREADY_EXISTS');
  });

  it.each([
    [{ performanceTargets: [] }, 'PROJECT.TARGETS_REQUIRED'],
    [{ performanceTargets: ['ok', ' '] }, 'FIELD.REQUIRED'],
    [{ category: 'tourism' }, 'PROJECT_CATEGORY.UNKNOWN'],
    [{ villageCode: '513336' }, 'REGION.INVALID'],
    [{ plannedInvestment: '-5' }, 'MONEY.INVALID'],
    [{ householdLevel: 'yes' as unknown as boolean }, 'FIELD.REQUIRED'],
    [{ implementingUnit: '负责人电话 13800138000' }, 'PII.FORBIDDEN'],
    [{ performanceTargets: ['帮扶 11010519491231002X 一户'] }, 'PII.FORBIDDEN'],
  ])('refuses %p with %s', (overrides, code) => {
    given().when(listProject(overrides)).thenThrows(code);
  });
});

describe('a listed project', () => {
  it('is approved once', () => {
    given(projectListed()).when(approve()).then(projectApproved());
    given(projectListed(), projectApproved()).when(approve()).thenThrows('PROJECT.ALREADY_APPROVED');
  });

  it('cannot start, be funded or pay before approval', () => {
    given(projectListed()).when(start).thenThrows('PROJECT.NOT_APPROVED');
    given(projectListed()).when(addLine('1')).thenThrows('PROJECT.NOT_APPROVED');
    given(projectListed()).when(disburse('1')).thenThrows('DISBURSEMENT.BEFORE_APPROVAL');
  });

  it('amends wrong facts, keeping what they were', () => {
    given(projectListed())
      .when({
        type: 'AmendProject',
        data: { projectId, changes: { name: '仲德村道路硬化工程（二期）', householdLevel: false, implementingUnit: '乡城县农业农村局' }, reason: '名称与批复不符', amendedOn: '2024-01-20' },
      })
      .then({
        type: 'ProjectAmended',
        data: {
          projectId,
          before: { name: '仲德村道路硬化工程', implementingUnit: '乡城县交通运输局' },
          after: { name: '仲德村道路硬化工程（二期）', implementingUnit: '乡城县农业农村局' },
          reason: '名称与批复不符',
          amendedOn: '2024-01-20',
        },
      });
  });

  it('refuses an amendment that changes nothing, or touches what cannot be amended', () => {
    const amend = (changes: object): ProjectCommand => ({ type: 'AmendProject', data: { projectId, changes, reason: '更正', amendedOn: '2024-01-20' } });
    given(projectListed()).when(amend({ performanceTargets: ['硬化村道 3 公里', '受益农户 120 户'] })).thenThrows('PROJECT.NOTHING_TO_AMEND');
    given(projectListed()).when(amend({ villageCode: '513336100202' })).thenThrows('PROJECT.FIELD_NOT_AMENDABLE');
    given(projectListed()).when(amend({ povertyLinkage: '联系 13800138000' })).thenThrows('PII.FORBIDDEN');
  });
});

describe('the life of an approved project', () => {
  it('starts, completes and is accepted, each from the step before', () => {
    given(...fundedProject()).when(start).then(started);
    given(...fundedProject(), started).when(complete).then(completed);
    given(...fundedProject(), started, completed).when(accept).then(accepted);
  });

  it('refuses steps out of order', () => {
    given(...fundedProject()).when(complete).thenThrows('PROJECT.INVALID_TRANSITION');
    given(...fundedProject(), started).when(accept).thenThrows('PROJECT.INVALID_TRANSITION');
    given(...fundedProject(), started).when(start).thenThrows('PROJECT.INVALID_TRANSITION');
  });

  it('registers assets after completion only, each once, a household asset by reference', () => {
    const register = (kind: string, owner: Party = { kind: 'household', householdRef: 'hh-0042' }): ProjectCommand => ({
      type: 'RegisterAsset',
      data: { projectId, assetId: 'as-1', kind, value: '80', owner, registeredOn: '2024-10-20' },
    });
    const done = [...fundedProject(), started, completed];
    const asset: ProjectEvent = {
      type: 'AssetRegistered',
      data: { projectId, assetId: 'as-1', kind: 'household', value: '80.00', owner: { kind: 'household', householdRef: 'hh-0042' }, registeredOn: '2024-10-20' },
    };
    given(...done).when(register('household')).then(asset);
    given(...done, accepted).when(register('household')).then(asset);
    given(...fundedProject(), started).when(register('operating')).thenThrows('ASSET.NOT_COMPLETED');
    given(...done, asset).when(register('operating')).thenThrows('ASSET.ALREADY_EXISTS');
    given(...done).when(register('vehicle')).thenThrows('ASSET.KIND_UNKNOWN');
    given(...done).when(register('household', { kind: 'household', householdRef: '张三' })).thenThrows('FIELD.REQUIRED');
    given(...done).when(register('household', { kind: 'person' } as unknown as Party)).thenThrows('FIELD.REQUIRED');
  });
});

describe('a project approved on 2024-02-01', () => {
  it('adds a funding line from its source, dated on or after approval', () => {
    given(...fundedProject()).when(addLine('100')).then(projectFunded('100.00'));
    given(...fundedProject()).when(addLine('1', '2024-01-31')).thenThrows('PROJECT.NOT_APPROVED');
    given(...fundedProject('1.00')).when(addLine('1')).thenThrows('FUNDING.ALREADY_EXISTS');
  });

  it('keeps the pool channels a line was drawn from', () => {
    const pooled: FundingSource = { kind: 'pool', county: '513336', fiscalYear: 2024, shares: sharesOf([['a-1', '60.00'], ['a-2', '40.00']]) };
    const project = projectOf(...fundedProject(), projectFunded('100.00', 'f-1', pooled)) as Project;
    expect([...project.lines.get('f-1')!.byAllocation].map(([id, amount]) => [id, amount.toString()])).toEqual([
      ['a-1', '60.00'],
      ['a-2', '40.00'],
    ]);
  });

  it('is closed to new money once accepted', () => {
    const closed = [...fundedProject('100.00'), started, completed, accepted];
    given(...closed).when(addLine('1')).thenThrows('PROJECT.CLOSED');
    given(...closed).when(disburse('1')).thenThrows('PROJECT.CLOSED');
  });
});

describe('a funding line of 100.00 with 70.00 disbursed and 20.00 of it reversed', () => {
  const history = [...fundedProject('100.00'), fundsDisbursed('70.00'), disbursementReversed('20.00')];

  it('pays the 50.00 still available', () => {
    given(...history).when(disburse('50', { disbursementId: 'd-2' })).then(fundsDisbursed('50.00', 'd-2'));
    expect(lineAvailable((projectOf(...history) as Project).lines.get('f-1')!).toString()).toBe('50.00');
  });

  it('refuses a payment of 50.01', () => {
    given(...history).when(disburse('50.01', { disbursementId: 'd-2' })).thenThrows('PROJECT.FUNDING_EXCEEDED');
  });

  it('refuses a payment from a line it does not have, or under a disbursement id used before', () => {
    given(...history).when(disburse('1', { disbursementId: 'd-2', fundingId: 'f-9' })).thenThrows('FUNDING.NOT_FOUND');
    given(...history).when(disburse('1')).thenThrows('DISBURSEMENT.ALREADY_EXISTS');
  });

  it('pays a household only by its reference, and refuses personal numbers in the purpose or payee', () => {
    const household: Party = { kind: 'household', householdRef: 'hh-0042' };
    const paid = fundsDisbursed('1.00', 'd-2');
    given(...history)
      .when(disburse('1', { disbursementId: 'd-2', payee: { ...household, name: '张三' } as Party }))
      .then({ ...paid, data: { ...paid.data, payee: household } } as ProjectEvent);
    given(...history).when(disburse('1', { disbursementId: 'd-2', purpose: '转账 4111111111111111' })).thenThrows('PII.FORBIDDEN');
    given(...history).when(disburse('1', { disbursementId: 'd-2', payee: { kind: 'unit', name: '张三 13800138000' } })).thenThrows('PII.FORBIDDEN');
  });

  it('refuses a payment dated before approval', () => {
    given(...history).when(disburse('1', { disbursementId: 'd-2', paidOn: '2024-01-31' })).thenThrows('DISBURSEMENT.BEFORE_APPROVAL');
  });

  it('reverses the 50.00 left of the disbursement, and no more', () => {
    given(...history).when(reverse('50', 'd-1', 'r-2')).then(disbursementReversed('50.00', 'r-2'));
    given(...history).when(reverse('50.01', 'd-1', 'r-2')).thenThrows('DISBURSEMENT.REVERSAL_EXCEEDS_REMAINING');
    given(...history).when(reverse('1', 'd-9', 'r-2')).thenThrows('DISBURSEMENT.NOT_FOUND');
    given(...history).when(reverse('1')).thenThrows('REVERSAL.ALREADY_EXISTS');
  });

  it('still takes corrections and reimbursements after acceptance', () => {
    const closed = [...history, started, completed, accepted];
    given(...closed).when(reverse('1', 'd-1', 'r-2')).then(disbursementReversed('1.00', 'r-2'));
    given(...closed).when(reimburse()).then(reimbursed('50.00'));
  });

  it('reimburses what is left of the disbursement, once', () => {
    given(...history).when(reimburse()).then(reimbursed('50.00'));
    given(...history, reimbursed('50.00')).when(reimburse('d-1', 'rb-2')).thenThrows('DISBURSEMENT.ALREADY_REIMBURSED');
    given(...history, reimbursed('50.00')).when(reimburse('d-9', 'rb-1')).thenThrows('REIMBURSEMENT.ALREADY_EXISTS');
    given(...history, disbursementReversed('50.00', 'r-2')).when(reimburse()).thenThrows('DISBURSEMENT.FULLY_REVERSED');
  });

  it('gives back the 50.00 unspent, and no more', () => {
    given(...history).when(reduceLine('50')).then(reduced('50.00'));
    given(...history).when(reduceLine('50.01')).thenThrows('FUNDING.REDUCTION_EXCEEDS_UNSPENT');
    given(...history, reduced('1.00')).when(reduceLine('1')).thenThrows('REDUCTION.ALREADY_EXISTS');
  });

  it('refuses to give money back to another source than it came from', () => {
    expect(() => projectDecider.decide(reduceLine('1', fromAllocation('a-9')), projectOf(...history))).toThrow(InvariantViolation);
  });
});

describe('acting on a project that does not exist', () => {
  it.each([approve(), start, complete, accept, addLine('1'), reduceLine('1'), disburse('1'), reverse('1'), reimburse()])('refuses %p', (command) => {
    given().when(command).thenThrows('PROJECT.NOT_FOUND');
  });
});

describe('replaying a project', () => {
  it.each([
    ['an approval of a project never listed', [projectApproved()]],
    ['a payment beyond its line', [...fundedProject('10.00'), fundsDisbursed('10.01')]],
    ['a reversal beyond its payment', [...fundedProject('10.00'), fundsDisbursed('5.00'), disbursementReversed('5.01')]],
    ['a payment from a line it does not have', [...fundedProject(), fundsDisbursed('1.00')]],
    ['a reduction of spent money', [...fundedProject('10.00'), fundsDisbursed('5.00'), reduced('5.01')]],
  ])('stops on %s', (_, events) => {
    expect(() => projectOf(...(events as ProjectEvent[]))).toThrow(InvariantViolation);
  });
});
