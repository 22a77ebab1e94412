import { deciderSpec } from '../../testing';
import { allocationOf, fundsAllocated, fundsAssigned, fundsPooled, fundsReceived, integratedAllocated } from '../../testing/money-fixtures';
import { InvariantViolation } from '../shared/domain-error';
import { defaultLocalRules } from '../shared/local-rules';
import type { AllocateFunds, AllocationCommand } from './allocation.commands';
import { allocationDecider } from './allocation.decider';
import type { AllocationEvent } from './allocation.events';
import { evolveAllocation, unassigned, type Allocation } from './allocation.state';

const { given } = deciderSpec(allocationDecider(defaultLocalRules));

const allocate = (overrides: Partial<AllocateFunds['data']> = {}): AllocateFunds => ({
  type: 'AllocateFunds',
  data: {
    allocationId: 'a-1',
    county: '513336',
    fundType: 'special',
    sourceLevel: 'central',
    fiscalYear: 2024,
    amount: '100',
    documentNo: '川财农〔2024〕12号',
    allocatedOn: '2024-02-01',
    ...overrides,
  },
});
const receive = (amount: string, receiptId = 'rc-2'): AllocationCommand => ({
  type: 'ReceiveFunds',
  data: { allocationId: 'a-1', receiptId, amount, receivedOn: '2024-03-01', voucherNo: `收-${receiptId}` },
});
const reverseReceipt = (amount: string, overrides: { reversalId?: string; receiptId?: string } = {}): AllocationCommand => ({
  type: 'ReverseReceipt',
  data: { allocationId: 'a-1', reversalId: 'rv-1', receiptId: 'rc-1', amount, reason: '重复入账', voucherNo: '红-1', reversedOn: '2024-03-05', ...overrides },
});
const reduce = (amount: string, reductionId = 'rd-1'): AllocationCommand => ({
  type: 'ReduceAllocation',
  data: { allocationId: 'a-1', reductionId, amount, documentNo: '川财农〔2024〕30号', reason: '指标调减', reducedOn: '2024-06-01' },
});
const assign = (amount: string, target: { kind: 'project'; projectId: string } | { kind: 'risk_fund' } = { kind: 'project', projectId: 'p-1' }) =>
  ({ type: 'AssignFunds', data: { allocationId: 'a-1', assignmentId: 'f-1', target, amount, assignedOn: '2024-04-01' } }) as const;
const returnAssignment = (amount: string, assignmentId = 'f-1'): AllocationCommand => ({
  type: 'ReturnAssignment',
  data: { allocationId: 'a-1', assignmentId, reductionId: 'rd-9', amount, returnedOn: '2024-07-01' },
});
const carryOver = (amount: string, toFiscalYear = 2025, carryOverId = 'co-1'): AllocationCommand => ({
  type: 'CarryOverFunds',
  data: { allocationId: 'a-1', carryOverId, amount, toFiscalYear, documentNo: '乡财〔2024〕50号', reason: '项目跨年度实施', carriedOverOn: '2024-12-31' },
});
const clawBack = (amount: string, clawBackId = 'cb-1'): AllocationCommand => ({
  type: 'ClawBackFunds',
  data: { allocationId: 'a-1', clawBackId, amount, documentNo: '川财农〔2025〕2号', reason: '结余收回', clawedBackOn: '2025-01-15' },
});

describe('allocating funds', () => {
  it('records the allocation with its county, fund type and the region-code edition', () => {
    given().when(allocate()).then(fundsAllocated());
  });

  it('names the partner of paired assistance and the channel of integrated funds', () => {
    given()
      .when(allocate({ fundType: 'paired_assistance', partner: '佛山市' }))
      .then(fundsAllocated({ fundType: 'paired_assistance', partner: '佛山市' }));
    given().when(allocate({ fundType: 'integrated', originalChannel: '农业生产发展资金' })).then(integratedAllocated('a-1', '100.00'));
  });

  it('refuses paired assistance without a partner and integrated funds without a channel', () => {
    given().when(allocate({ fundType: 'paired_assistance' })).thenThrows('ALLOCATION.PARTNER_REQUIRED');
    given().when(allocate({ fundType: 'integrated' })).thenThrows('ALLOCATION.CHANNEL_REQUIRED');
  });

  it('refuses an allocation id that exists', () => {
    given(fundsAllocated()).when(allocate()).thenThrows('ALLOCATION.ALREADY_EXISTS');
  });

  it.each([
    [{ fundType: 'bonus' }, 'FUND_TYPE.UNKNOWN'],
    [{ sourceLevel: 'township' }, 'SOURCE_LEVEL.UNKNOWN'],
    [{ county: '5133' }, 'REGION.INVALID'],
    [{ fiscalYear: 1999 }, 'FISCAL_YEAR.INVALID'],
    [{ amount: '0' }, 'MONEY.INVALID'],
    [{ amount: '1.001' }, 'MONEY.INVALID'],
    [{ allocatedOn: '2024-02-30' }, 'DATE.INVALID'],
    [{ documentNo: ' ' }, 'FIELD.REQUIRED'],
    [{ allocationId: 'a/1' }, 'FIELD.REQUIRED'],
    [{ fundType: 'paired_assistance', partner: '联系人 13800138000' }, 'PII.FORBIDDEN'],
  ] as const)('refuses %p with %s', (overrides, code) => {
    given().when(allocate(overrides)).thenThrows(code);
  });
});

describe('an allocation of 100.00 with 60.00 received', () => {
  const history = [fundsAllocated(), fundsReceived('60.00')];

  it('records a receipt of the 40.00 still to come', () => {
    given(...history)
      .when(receive('40'))
      .then({ type: 'FundsReceived', data: { allocationId: 'a-1', receiptId: 'rc-2', amount: '40.00', receivedOn: '2024-03-01', voucherNo: '收-rc-2' } });
  });

  it('refuses a receipt of 50.00', () => {
    given(...history).when(receive('50.00')).thenThrows('ALLOCATION.RECEIPT_EXCEEDS_ALLOCATED');
  });

  it('refuses a receipt id used before, and a receipt without a voucher number', () => {
    given(...history).when(receive('1.00', 'rc-1')).thenThrows('RECEIPT.ALREADY_EXISTS');
    given(...history)
      .when({ type: 'ReceiveFunds', data: { allocationId: 'a-1', receiptId: 'rc-2', amount: '1', receivedOn: '2024-03-01', voucherNo: ' 1' } })
      .thenThrows('FIELD.REQUIRED');
  });

  it('reduces the 40.00 not received, and no more', () => {
    given(...history)
      .when(reduce('40.00'))
      .then({
        type: 'AllocationReduced',
        data: { allocationId: 'a-1', reductionId: 'rd-1', amount: '40.00', documentNo: '川财农〔2024〕30号', reason: '指标调减', reducedOn: '2024-06-01', withdrawn: false },
      });
    given(...history).when(reduce('40.01')).thenThrows('ALLOCATION.REDUCTION_EXCEEDS_UNRECEIVED');
  });

  it('reverses part of the receipt, within what is left of it', () => {
    given(...history)
      .when(reverseReceipt('10'))
      .then({
        type: 'ReceiptReversed',
        data: { allocationId: 'a-1', reversalId: 'rv-1', receiptId: 'rc-1', amount: '10.00', reason: '重复入账', voucherNo: '红-1', reversedOn: '2024-03-05' },
      });
    given(...history).when(reverseReceipt('60.01')).thenThrows('RECEIPT.REVERSAL_EXCEEDS_REMAINING');
    given(...history).when(reverseReceipt('1', { receiptId: 'rc-9' })).thenThrows('RECEIPT.NOT_FOUND');
  });

  it('refuses to reverse money already assigned to a project', () => {
    given(...history, fundsAssigned('55.00')).when(reverseReceipt('5.01')).thenThrows('RECEIPT.REVERSAL_EXCEEDS_UNASSIGNED');
  });

  it('refuses a reversal id used before', () => {
    given(...history, reversed('1.00')).when(reverseReceipt('1.00')).thenThrows('REVERSAL.ALREADY_EXISTS');
  });

  it('assigns received money to a project, up to what is unassigned', () => {
    given(...history).when(assign('60')).then(fundsAssigned('60.00'));
    given(...history).when(assign('60.01')).thenThrows('ALLOCATION.ASSIGNMENT_EXCEEDS_AVAILABLE');
    given(...history, fundsAssigned('1.00')).when(assign('1.00')).thenThrows('FUNDING.ALREADY_EXISTS');
  });

  it('refuses to fund the micro-credit risk fund from special funds', () => {
    given(...history).when(assign('1', { kind: 'risk_fund' })).thenThrows('ALLOCATION.WRONG_FUND_TYPE');
  });

  it('takes back money returned from a funding line, up to what the line holds', () => {
    given(...history, fundsAssigned('30.00'))
      .when(returnAssignment('30'))
      .then({ type: 'AssignmentReturned', data: { allocationId: 'a-1', assignmentId: 'f-1', reductionId: 'rd-9', amount: '30.00', returnedOn: '2024-07-01' } });
    given(...history, fundsAssigned('30.00')).when(returnAssignment('30.01')).thenThrows('FUNDING.REDUCTION_EXCEEDS_UNSPENT');
    given(...history).when(returnAssignment('1', 'f-9')).thenThrows('FUNDING.NOT_FOUND');
  });

  it('carries the unassigned 60.00 into 2025 once, and not into the same year', () => {
    given(...history)
      .when(carryOver('60'))
      .then({
        type: 'FundsCarriedOver',
        data: { allocationId: 'a-1', carryOverId: 'co-1', amount: '60.00', toFiscalYear: 2025, documentNo: '乡财〔2024〕50号', reason: '项目跨年度实施', carriedOverOn: '2024-12-31' },
      });
    given(...history, ...carriedOver('60.00')).when(carryOver('0.01', 2025, 'co-2')).thenThrows('ALLOCATION.CARRY_OVER_EXCEEDS_UNASSIGNED');
    given(...history, ...carriedOver('60.00')).when(carryOver('1', 2026)).thenThrows('CARRY_OVER.ALREADY_EXISTS');
    given(...history).when(carryOver('1', 2024)).thenThrows('FISCAL_YEAR.INVALID');
  });

  it('claws back unassigned money, and no more', () => {
    given(...history, fundsAssigned('50.00'))
      .when(clawBack('10'))
      .then({
        type: 'FundsClawedBack',
        data: { allocationId: 'a-1', clawBackId: 'cb-1', amount: '10.00', documentNo: '川财农〔2025〕2号', reason: '结余收回', clawedBackOn: '2025-01-15' },
      });
    given(...history, fundsAssigned('50.00')).when(clawBack('10.01')).thenThrows('ALLOCATION.CLAW_BACK_EXCEEDS_UNASSIGNED');
    given(...history, clawedBack('1.00')).when(clawBack('1.00')).thenThrows('CLAW_BACK.ALREADY_EXISTS');
  });
});

describe('an allocation with nothing received', () => {
  it('is withdrawn when reduced to zero, and then takes no receipt', () => {
    given(fundsAllocated()).when(reduce('100')).then(withdrawn());
    given(fundsAllocated(), withdrawn()).when(receive('1')).thenThrows('ALLOCATION.WITHDRAWN');
  });

  it('refuses a reduction id used before', () => {
    given(fundsAllocated(), reducedBy('1.00')).when(reduce('1.00')).thenThrows('REDUCTION.ALREADY_EXISTS');
  });
});

describe('a micro-credit allocation', () => {
  it('is assigned to the risk fund, never to a project', () => {
    const history = [fundsAllocated({ fundType: 'micro_credit' }), fundsReceived('100.00')];
    const toRiskFund = fundsAssigned('1.00');
    given(...history)
      .when(assign('1', { kind: 'risk_fund' }))
      .then({ ...toRiskFund, data: { ...toRiskFund.data, target: { kind: 'risk_fund' } } } as AllocationEvent);
    given(...history).when(assign('1')).thenThrows('ALLOCATION.WRONG_FUND_TYPE');
  });
});

describe('an integrated allocation', () => {
  const history = [integratedAllocated('a-1', '100.00'), fundsReceived('60.00'), fundsPooled('60.00')];

  it('hands a receipt on to the county pool of its year, counting it as assigned', () => {
    given(integratedAllocated('a-1', '100.00'))
      .when(receive('60', 'rc-1'))
      .then(fundsReceived('60.00'), fundsPooled('60.00'));
    expect(unassigned(allocationOf(...history) as Allocation).isZero()).toBe(true);
  });

  it('takes reversed money back out of the pool', () => {
    given(...history)
      .when(reverseReceipt('10'))
      .then(
        {
          type: 'FundsUnpooled',
          data: { allocationId: 'a-1', reversalId: 'rv-1', county: '513336', fiscalYear: 2024, amount: '10.00', unpooledOn: '2024-03-05' },
        },
        reversed('10.00'),
      );
  });

  it('funds no project directly: only through the pool', () => {
    given(...history).when(assign('1')).thenThrows('ALLOCATION.WRONG_FUND_TYPE');
  });
});

describe('acting on an allocation that does not exist', () => {
  it.each([receive('1'), reverseReceipt('1'), reduce('1'), assign('1'), returnAssignment('1'), carryOver('1'), clawBack('1')])('refuses %p', (command) => {
    given().when(command).thenThrows('ALLOCATION.NOT_FOUND');
  });
});

describe('replaying an allocation', () => {
  it.each([
    ['a receipt on an allocation that does not exist', [fundsReceived('1.00')]],
    ['an allocation made twice', [fundsAllocated(), fundsAllocated()]],
    ['more received than allocated', [fundsAllocated(), fundsReceived('100.01')]],
    ['more assigned than received', [fundsAllocated(), fundsReceived('10.00'), fundsAssigned('10.01')]],
    ['a receipt reversed beyond its amount', [fundsAllocated(), fundsReceived('10.00'), reversed('10.01')]],
  ])('stops on %s', (_, events) => {
    expect(() => allocationOf(...(events as AllocationEvent[]))).toThrow(InvariantViolation);
  });
});

function reversed(amount: string): AllocationEvent {
  return {
    type: 'ReceiptReversed',
    data: { allocationId: 'a-1', reversalId: 'rv-1', receiptId: 'rc-1', amount, reason: '重复入账', voucherNo: '红-1', reversedOn: '2024-03-05' },
  };
}
function reducedBy(amount: string): AllocationEvent {
  return {
    type: 'AllocationReduced',
    data: { allocationId: 'a-1', reductionId: 'rd-1', amount, documentNo: '川财农〔2024〕30号', reason: '指标调减', reducedOn: '2024-06-01', withdrawn: false },
  };
}
function withdrawn(): AllocationEvent {
  const event = reducedBy('100.00');
  return { ...event, data: { ...event.data, withdrawn: true } } as AllocationEvent;
}
function carriedOver(amount: string): AllocationEvent[] {
  return [{ type: 'FundsCarriedOver', data: { allocationId: 'a-1', carryOverId: 'co-1', amount, toFiscalYear: 2025, documentNo: '乡财〔2024〕50号', reason: '项目跨年度实施', carriedOverOn: '2024-12-31' } }];
}
function clawedBack(amount: string): AllocationEvent {
  return { type: 'FundsClawedBack', data: { allocationId: 'a-1', clawBackId: 'cb-1', amount, documentNo: '川财农〔2025〕2号', reason: '结余收回', clawedBackOn: '2025-01-15' } };
}

it('evolve keeps the balances it replays', () => {
  const state = [fundsAllocated(), fundsReceived('60.00'), fundsAssigned('25.00')].reduce(evolveAllocation, allocationOf()) as Allocation;
  expect([state.allocated, state.received, state.assigned, unassigned(state)].map(String)).toEqual(['100.00', '60.00', '25.00', '35.00']);
});
