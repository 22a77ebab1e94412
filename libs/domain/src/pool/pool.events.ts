import type { DomainEvent } from '../shared/decider';
import type { FiscalYear } from '../shared/reference-data';

/** The part of an amount that came from (or went back to) one channel: an integrated allocation. */
export interface ChannelShare {
  allocationId: string;
  amount: string;
}

/** Received money of an integrated allocation (a channel) flowing into the county's pool for the year. */
export type ChannelFundsPooled = DomainEvent<
  'ChannelFundsPooled',
  { county: string; fiscalYear: FiscalYear; allocationId: string; receiptId: string; amount: string; pooledOn: string }
>;

/** A channel's money leaving the pool again because its receipt was reversed. */
export type ChannelFundsUnpooled = DomainEvent<
  'ChannelFundsUnpooled',
  { county: string; fiscalYear: FiscalYear; allocationId: string; reversalId: string; amount: string; unpooledOn: string }
>;

/** One tap out: a project funded from the pool, drawn pro rata from each channel's available balance. */
export type PoolFundingDrawn = DomainEvent<
  'PoolFundingDrawn',
  { county: string; fiscalYear: FiscalYear; fundingId: string; projectId: string; amount: string; shares: ChannelShare[]; drawnOn: string }
>;

/** A pool funding reduced: the money goes back to the channels it was drawn from, in the same proportions. */
export type PoolFundingReturned = DomainEvent<
  'PoolFundingReturned',
  { county: string; fiscalYear: FiscalYear; fundingId: string; reductionId: string; amount: string; shares: ChannelShare[]; returnedOn: string }
>;

export type PoolEvent = ChannelFundsPooled | ChannelFundsUnpooled | PoolFundingDrawn | PoolFundingReturned;
