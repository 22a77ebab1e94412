import { assertNever } from '../shared/decider';
import { invariant } from '../shared/domain-error';
import { Money } from '../shared/money';
import type { RiskFundEvent } from './risk-fund.events';

/**
 * A county's risk-compensation fund (`riskfund-{county}`). It has no commands of its own: money
 * comes in from an allocation and goes out to compensate a loan, both cross-boundary decisions.
 * Always 0 ≤ balance = deposited − compensated; a replay that breaks this stops.
 */
export interface RiskFundState {
  /** Null until the first deposit. */
  readonly county: string | null;
  readonly deposited: Money;
  readonly compensated: Money;
  readonly balance: Money;
  readonly depositIds: ReadonlySet<string>;
  readonly compensationIds: ReadonlySet<string>;
}

export const initialRiskFundState = (): RiskFundState => ({
  county: null,
  deposited: Money.zero,
  compensated: Money.zero,
  balance: Money.zero,
  depositIds: new Set(),
  compensationIds: new Set(),
});

export function evolveRiskFund(state: RiskFundState, event: RiskFundEvent): RiskFundState {
  invariant(state.county === null || state.county === event.data.county, `risk fund ${state.county} got an event for ${event.data.county}`);
  const amount = Money.of(event.data.amount);
  switch (event.type) {
    case 'RiskFundDeposited':
      invariant(!state.depositIds.has(event.data.depositId), `deposit ${event.data.depositId} recorded twice`);
      return {
        ...state,
        county: event.data.county,
        deposited: state.deposited.plus(amount),
        balance: state.balance.plus(amount),
        depositIds: new Set(state.depositIds).add(event.data.depositId),
      };
    case 'RiskFundCompensationPaid': {
      invariant(!state.compensationIds.has(event.data.compensationId), `compensation ${event.data.compensationId} paid twice`);
      const balance = state.balance.minus(amount);
      invariant(!balance.isNegative(), `risk fund ${event.data.county} paid out more than it held`);
      return {
        ...state,
        compensated: state.compensated.plus(amount),
        balance,
        compensationIds: new Set(state.compensationIds).add(event.data.compensationId),
      };
    }
    default:
      return assertNever(event, 'risk fund event');
  }
}
