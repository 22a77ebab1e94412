import { assertNever } from '../shared/decider';
import { invariant } from '../shared/domain-error';
import { Money } from '../shared/money';
import type { FiscalYear } from '../shared/reference-data';
import type { ChannelShare, PoolEvent } from './pool.events';

export interface Channel {
  readonly pooled: Money;
  /** Drawn for projects, net of what came back. */
  readonly drawn: Money;
}

export interface PoolFunding {
  readonly projectId: string;
  /** What each channel still has in this funding: drawn less returned. */
  readonly shares: ReadonlyMap<string, Money>;
}

/**
 * A county's integrated pool for a fiscal year (`pool-{county}-{year}`). Channels are kept in the
 * order they first pooled money, which fixes how a fen of rounding is placed when drawing.
 * Always 0 ≤ drawn ≤ pooled per channel; evolve stops on any history that breaks this.
 */
export interface Pool {
  readonly status: 'open';
  readonly county: string;
  readonly fiscalYear: FiscalYear;
  readonly channels: ReadonlyMap<string, Channel>;
  readonly fundings: ReadonlyMap<string, PoolFunding>;
  readonly factIds: ReadonlySet<string>;
}

export type PoolState = { readonly status: 'none' } | Pool;

export const initialPoolState = (): PoolState => ({ status: 'none' });

export function channelAvailable(channel: Channel): Money {
  return channel.pooled.minus(channel.drawn);
}

export function poolAvailable(pool: Pool): Money {
  return Money.sum([...pool.channels.values()].map(channelAvailable));
}

/**
 * Splits `amount` over the channels in proportion to `weights` (by allocation id), to the fen, the
 * parts adding up exactly; channels that get nothing are left out. A part is never above its
 * weight when the amount is at most the weights' sum, so a channel never gives more than it has.
 */
export function splitOverChannels(amount: Money, weights: ReadonlyMap<string, Money>): ChannelShare[] {
  const channels = [...weights];
  const parts = amount.allocate(channels.map(([, weight]) => weight));
  return channels.flatMap(([allocationId], i) => (parts[i]!.isZero() ? [] : [{ allocationId, amount: parts[i]!.toString() }]));
}

export function evolvePool(state: PoolState, event: PoolEvent): PoolState {
  if (state.status === 'none') {
    invariant(event.type === 'ChannelFundsPooled', `${event.type} on pool ${event.data.county}-${event.data.fiscalYear}, which holds nothing`);
    const { county, fiscalYear } = event.data;
    return evolvePool({ status: 'open', county, fiscalYear, channels: new Map(), fundings: new Map(), factIds: new Set() }, event);
  }
  switch (event.type) {
    case 'ChannelFundsPooled':
      return updateChannel(state, event.data.allocationId, (c) => ({ ...c, pooled: c.pooled.plus(Money.of(event.data.amount)) }));
    case 'ChannelFundsUnpooled': {
      const amount = Money.of(event.data.amount);
      return updateChannel(withFact(state, event.data.reversalId), event.data.allocationId, (c) => ({ ...c, pooled: c.pooled.minus(amount) }));
    }
    case 'PoolFundingDrawn': {
      invariant(!state.fundings.has(event.data.fundingId), `pool funding ${event.data.fundingId} drawn twice`);
      const shares = sharesOf(event.data.shares, event.data.amount);
      const fundings = new Map(state.fundings).set(event.data.fundingId, { projectId: event.data.projectId, shares });
      return drawShares({ ...state, fundings }, shares, (drawn, amount) => drawn.plus(amount));
    }
    case 'PoolFundingReturned': {
      const funding = state.fundings.get(event.data.fundingId);
      invariant(funding !== undefined, `return to unknown pool funding ${event.data.fundingId}`);
      const returned = sharesOf(event.data.shares, event.data.amount);
      const shares = new Map(funding.shares);
      for (const [allocationId, amount] of returned) {
        const left = (shares.get(allocationId) ?? Money.zero).minus(amount);
        invariant(!left.isNegative(), `pool funding ${event.data.fundingId} returned more to ${allocationId} than it drew`);
        shares.set(allocationId, left);
      }
      const fundings = new Map(state.fundings).set(event.data.fundingId, { ...funding, shares });
      return drawShares({ ...withFact(state, event.data.reductionId), fundings }, returned, (drawn, amount) => drawn.minus(amount));
    }
    default:
      return assertNever(event, 'pool event');
  }
}

/** Parses a share list, one per channel, and checks that the shares add up to the amount they split. */
export function sharesOf(shares: readonly ChannelShare[], amount: string): Map<string, Money> {
  const parsed = new Map(shares.map((share) => [share.allocationId, Money.of(share.amount)] as const));
  invariant(parsed.size === shares.length && Money.sum(parsed.values()).eq(Money.of(amount)), `channel shares do not add up to ${amount}`);
  return parsed;
}

/** Moves each channel's `drawn` by its share: up for a draw, down for a return. */
function drawShares(pool: Pool, shares: ReadonlyMap<string, Money>, move: (drawn: Money, share: Money) => Money): Pool {
  let result = pool;
  for (const [allocationId, amount] of shares) result = updateChannel(result, allocationId, (c) => ({ ...c, drawn: move(c.drawn, amount) }));
  return result;
}

function updateChannel(pool: Pool, allocationId: string, update: (channel: Channel) => Channel): Pool {
  const next = update(pool.channels.get(allocationId) ?? { pooled: Money.zero, drawn: Money.zero });
  invariant(!next.drawn.isNegative() && next.drawn.lte(next.pooled), `pool channel ${allocationId}: drawn outside 0..pooled`);
  return { ...pool, channels: new Map(pool.channels).set(allocationId, next) };
}

function withFact(pool: Pool, factId: string): Pool {
  invariant(!pool.factIds.has(factId), `pool has two facts with id ${factId}`);
  return { ...pool, factIds: new Set(pool.factIds).add(factId) };
}
