import { decideAllocationMoney, requireAllocation } from '../allocation/allocation.decider';
import type { AllocationState } from '../allocation/allocation.state';
import { single } from '../money-movements/postings';
import { invariant, refuse } from '../shared/domain-error';
import { entityId } from '../shared/reference-data';
import { RegionCode } from '../shared/region-code';
import { streamDecision, type StreamDecision } from '../shared/stream-decision';
import { streams } from '../streams';
import type { DepositToRiskFund } from './risk-fund.commands';
import type { RiskFundDeposited } from './risk-fund.events';
import type { RiskFundState } from './risk-fund.state';

/** The streams a deposit touches: the allocation, and the risk fund of the county named in the command. */
export interface RiskFundDepositStates {
  readonly allocation: AllocationState;
  readonly riskFund: RiskFundState;
}

/**
 * A deposit moves money out of a `micro_credit` allocation into the county's risk fund: the
 * allocation records it as assigned (`FundsAssigned`, target `risk_fund`, assignmentId = depositId)
 * and the fund as deposited, in one atomic write to `allocation-{id}` then `riskfund-{county}`.
 * The allocation decides its own side, so its rules (open, fund type, at most what is received
 * and unassigned) live in one place.
 */
export function decideRiskFundDeposit(command: DepositToRiskFund, states: RiskFundDepositStates): StreamDecision {
  const { data } = command;
  const county = RegionCode.county(data.county).county();
  invariant(states.riskFund.county === null || states.riskFund.county === county, `loaded the risk fund of ${states.riskFund.county} for ${county}`);
  const depositId = entityId(data.depositId, 'depositId');
  if (states.riskFund.depositIds.has(depositId)) refuse('RISK_FUND.DEPOSIT_ALREADY_EXISTS', `deposit ${depositId} exists`, { depositId });
  const allocation = requireAllocation(states.allocation);
  if (allocation.county !== county) {
    refuse('ALLOCATION.REGION_MISMATCH', `allocation ${allocation.allocationId} is for ${allocation.county}, not ${county}`, {
      allocationCounty: allocation.county,
      county,
    });
  }
  const { allocationId } = allocation;
  const target = { kind: 'risk_fund' } as const;
  const allocationEvents = decideAllocationMoney(
    { type: 'AssignFunds', data: { allocationId, assignmentId: depositId, target, amount: data.amount, assignedOn: data.depositedOn } },
    allocation,
  );
  const { amount, assignedOn } = single(allocationEvents, 'FundsAssigned').data;
  const deposited: RiskFundDeposited = { type: 'RiskFundDeposited', data: { county, depositId, allocationId, amount, depositedOn: assignedOn } };
  return streamDecision(
    { stream: streams.allocation(allocationId), events: allocationEvents },
    { stream: streams.riskFund(county), events: [deposited] },
  );
}
