import { expectDomainError, streamDecisionSpec } from '../../testing';
import { allocationOf, fundsAllocated, fundsReceived } from '../../testing/money-fixtures';
import type { AllocationEvent } from '../allocation/allocation.events';
import { unassigned, type Allocation } from '../allocation/allocation.state';
import { fold } from '../shared/decider';
import { InvariantViolation } from '../shared/domain-error';
import { eventsFor } from '../shared/stream-decision';
import { streams } from '../streams';
import { county, riskFundCompensationPaid, riskFundDeposited } from './micro-credit.fixtures';
import type { DepositToRiskFund } from './risk-fund.commands';
import type { RiskFundEvent } from './risk-fund.events';
import { decideRiskFundDeposit } from './risk-fund-deposit';
import { evolveRiskFund, initialRiskFundState } from './risk-fund.state';

const spec = streamDecisionSpec(decideRiskFundDeposit);
const microCredit = fundsAllocated({ fundType: 'micro_credit', amount: '100000.00' });
const received = [microCredit, fundsReceived('100000.00')];
const fundOf = (...events: RiskFundEvent[]) => fold({ initialState: initialRiskFundState, evolve: evolveRiskFund }, events);
const states = (allocationEvents: AllocationEvent[] = received, fundEvents: RiskFundEvent[] = []) => ({
  allocation: allocationOf(...allocationEvents),
  riskFund: fundOf(...fundEvents),
});

const deposit = (overrides: Partial<DepositToRiskFund['data']> = {}): DepositToRiskFund => ({
  type: 'DepositToRiskFund',
  data: { county, depositId: 'd-1', allocationId: 'a-1', amount: '60000', depositedOn: '2024-04-01', ...overrides },
});

describe('depositing micro-credit money into the risk fund', () => {
  it('assigns it out of the allocation, then deposits it in the county fund', () => {
    spec
      .given(states())
      .when(deposit())
      .then({
        [streams.allocation('a-1')]: [
          {
            type: 'FundsAssigned',
            data: { allocationId: 'a-1', assignmentId: 'd-1', target: { kind: 'risk_fund' }, amount: '60000.00', assignedOn: '2024-04-01' },
          },
        ],
        [streams.riskFund(county)]: [riskFundDeposited('60000.00')],
      });
  });

  it('moves the money: less unassigned on the allocation, more in the fund', () => {
    const decision = decideRiskFundDeposit(deposit(), states(received, [riskFundDeposited('5000.00', 'd-0')]));
    const allocation = allocationOf(...received, ...(eventsFor(decision, streams.allocation('a-1')) as AllocationEvent[])) as Allocation;
    const fund = fundOf(riskFundDeposited('5000.00', 'd-0'), ...(eventsFor(decision, streams.riskFund(county)) as RiskFundEvent[]));
    expect(unassigned(allocation).toString()).toBe('40000.00');
    expect([fund.county, fund.balance.toString(), fund.deposited.toString()]).toEqual([county, '65000.00', '65000.00']);
  });

  it('refuses more than the allocation has received and not assigned', () => {
    spec.given(states()).when(deposit({ amount: '100000.01' })).thenThrows('ALLOCATION.ASSIGNMENT_EXCEEDS_AVAILABLE');
    spec.given(states([microCredit])).when(deposit()).thenThrows('ALLOCATION.ASSIGNMENT_EXCEEDS_AVAILABLE');
  });

  it('refuses an allocation of another fund type', () => {
    spec.given(states([fundsAllocated({ amount: '100000.00' }), fundsReceived('100000.00')])).when(deposit()).thenThrows('ALLOCATION.WRONG_FUND_TYPE');
  });

  it("refuses another county's allocation", () => {
    spec.given(states([fundsAllocated({ fundType: 'micro_credit', county: '513335' })])).when(deposit()).thenThrows('ALLOCATION.REGION_MISMATCH');
  });

  it('refuses an allocation that does not exist', () => {
    spec.given(states([])).when(deposit()).thenThrows('ALLOCATION.NOT_FOUND');
  });

  it('refuses a deposit id the fund has seen', () => {
    spec.given(states(received, [riskFundDeposited('1.00')])).when(deposit()).thenThrows('RISK_FUND.DEPOSIT_ALREADY_EXISTS');
  });

  it.each([
    ['amount', { amount: '0' }, 'MONEY.INVALID'],
    ['county', { county: '513336101' }, 'REGION.INVALID'],
    ['deposit id', { depositId: 'd/1' }, 'FIELD.REQUIRED'],
    ['date', { depositedOn: '20240401' }, 'DATE.INVALID'],
  ])('refuses an invalid %s', (_what, overrides, code) => {
    expectDomainError(() => decideRiskFundDeposit(deposit(overrides), states()), code);
  });
});

describe('replaying a risk fund', () => {
  it('stops on a payout beyond the balance, a repeated id or another county', () => {
    expect(() => fundOf(riskFundDeposited('79.99'), riskFundCompensationPaid('80.00'))).toThrow(InvariantViolation);
    expect(() => fundOf(riskFundDeposited('100.00'), riskFundDeposited('100.00'))).toThrow(InvariantViolation);
    const elsewhere = riskFundDeposited('1.00', 'd-2');
    expect(() => fundOf(riskFundDeposited('1.00'), { ...elsewhere, data: { ...elsewhere.data, county: '513335' } })).toThrow(InvariantViolation);
  });
});
