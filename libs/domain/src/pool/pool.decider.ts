import { businessDate } from '../shared/business-date';
import { assertNever, type Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { Money } from '../shared/money';
import { refuseAbove } from '../shared/money-limit';
import { entityId, fiscalYear } from '../shared/reference-data';
import { RegionCode } from '../shared/region-code';
import type { DrawPoolFunding, PoolChannelFunds, PoolCommand, ReturnPoolFunding, UnpoolChannelFunds } from './pool.commands';
import type { PoolEvent } from './pool.events';
import { channelAvailable, evolvePool, initialPoolState, poolAvailable, splitOverChannels, type Pool, type PoolState } from './pool.state';

/**
 * The integrated pool (`pool-{county}-{year}`): many channels in, one tap out. It opens with the
 * first channel money pooled into it, and remembers per funding how much each channel gave, so
 * that a yuan paid from a pooled project stays traceable to the allocation it came from.
 */
export const poolDecider: Decider<PoolCommand, PoolEvent, PoolState> = {
  initialState: initialPoolState,
  evolve: evolvePool,
  decide(command, state) {
    switch (command.type) {
      case 'PoolChannelFunds':
        return [poolChannelFunds(command, state)];
      case 'UnpoolChannelFunds':
        return [unpoolChannelFunds(command, requirePool(state))];
      case 'DrawPoolFunding':
        return [drawPoolFunding(command, requirePool(state))];
      case 'ReturnPoolFunding':
        return [returnPoolFunding(command, requirePool(state))];
      default:
        return assertNever(command, 'pool command');
    }
  },
};

export function requirePool(state: PoolState): Pool {
  if (state.status === 'none') refuse('POOL.NOT_FOUND', 'no money has been pooled for this county and year');
  return state;
}

function poolKey(data: { county: string; fiscalYear: number }) {
  return { county: RegionCode.county(data.county).county(), fiscalYear: fiscalYear(data.fiscalYear) };
}

function poolChannelFunds({ data }: PoolChannelFunds, state: PoolState): PoolEvent {
  const key = poolKey(data);
  if (state.status === 'open' && (state.county !== key.county || state.fiscalYear !== key.fiscalYear)) {
    refuse('POOL.YEAR_MISMATCH', `money for pool ${key.county}-${key.fiscalYear} sent to pool ${state.county}-${state.fiscalYear}`, key);
  }
  return {
    type: 'ChannelFundsPooled',
    data: {
      ...key,
      allocationId: entityId(data.allocationId, 'allocationId'),
      receiptId: entityId(data.receiptId, 'receiptId'),
      amount: Money.positive(data.amount).toString(),
      pooledOn: businessDate(data.pooledOn, 'pooledOn'),
    },
  };
}

/** Only what the channel still has undrawn can leave: money funding projects cannot be un-received. */
function unpoolChannelFunds({ data }: UnpoolChannelFunds, pool: Pool): PoolEvent {
  const allocationId = entityId(data.allocationId, 'allocationId');
  const reversalId = entityId(data.reversalId, 'reversalId');
  if (pool.factIds.has(reversalId)) refuse('REVERSAL.ALREADY_EXISTS', `reversal ${reversalId} already recorded in the pool`, { reversalId });
  const amount = Money.positive(data.amount);
  const channel = pool.channels.get(allocationId);
  refuseAbove(amount, channel ? channelAvailable(channel) : Money.zero, 'RECEIPT.REVERSAL_EXCEEDS_UNASSIGNED', 'unassigned');
  const { county, fiscalYear } = pool;
  return {
    type: 'ChannelFundsUnpooled',
    data: { county, fiscalYear, allocationId, reversalId, amount: amount.toString(), unpooledOn: businessDate(data.unpooledOn, 'unpooledOn') },
  };
}

/** Draws pro rata over every channel's available balance, to the fen, so each channel gives its share. */
function drawPoolFunding({ data }: DrawPoolFunding, pool: Pool): PoolEvent {
  const fundingId = entityId(data.fundingId, 'fundingId');
  if (pool.fundings.has(fundingId)) refuse('FUNDING.ALREADY_EXISTS', `funding ${fundingId} already drawn from the pool`, { fundingId });
  const amount = Money.positive(data.amount);
  refuseAbove(amount, poolAvailable(pool), 'POOL.FUNDING_EXCEEDS_AVAILABLE', 'available');
  const available = new Map([...pool.channels].map(([allocationId, channel]) => [allocationId, channelAvailable(channel)]));
  const shares = splitOverChannels(amount, available);
  const { county, fiscalYear } = pool;
  return {
    type: 'PoolFundingDrawn',
    data: {
      county,
      fiscalYear,
      fundingId,
      projectId: entityId(data.projectId, 'projectId'),
      amount: amount.toString(),
      shares,
      drawnOn: businessDate(data.drawnOn, 'drawnOn'),
    },
  };
}

/**
 * Returns to the channels in proportion to what each still has in this funding: the proportions it
 * was drawn in, and never more to a channel than it gave.
 */
function returnPoolFunding({ data }: ReturnPoolFunding, pool: Pool): PoolEvent {
  const fundingId = entityId(data.fundingId, 'fundingId');
  const funding = pool.fundings.get(fundingId) ?? refuse('FUNDING.NOT_FOUND', `no pool funding ${fundingId}`, { fundingId });
  const reductionId = entityId(data.reductionId, 'reductionId');
  if (pool.factIds.has(reductionId)) refuse('REDUCTION.ALREADY_EXISTS', `reduction ${reductionId} already recorded in the pool`, { reductionId });
  const amount = Money.positive(data.amount);
  refuseAbove(amount, Money.sum(funding.shares.values()), 'FUNDING.REDUCTION_EXCEEDS_UNSPENT', 'outstanding');
  const shares = splitOverChannels(amount, funding.shares);
  const { county, fiscalYear } = pool;
  return {
    type: 'PoolFundingReturned',
    data: { county, fiscalYear, fundingId, reductionId, amount: amount.toString(), shares, returnedOn: businessDate(data.returnedOn, 'returnedOn') },
  };
}
