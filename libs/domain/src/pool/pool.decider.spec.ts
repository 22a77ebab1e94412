import { deciderSpec } from '../../testing';
import { channelPooled, county, poolFundingDrawn, poolOf, sharesOf, year } from '../../testing/money-fixtures';
import { InvariantViolation } from '../shared/domain-error';
import type { PoolCommand } from './pool.commands';
import { poolDecider } from './pool.decider';
import type { PoolEvent } from './pool.events';
import { poolAvailable, type Pool } from './pool.state';

const { given } = deciderSpec(poolDecider);
const key = { county, fiscalYear: year };

const pool = (allocationId: string, amount: string, receiptId = 'rc-1', fiscalYear = year): PoolCommand => ({
  type: 'PoolChannelFunds',
  data: { county, fiscalYear, allocationId, receiptId, amount, pooledOn: '2024-03-01' },
});
const unpool = (allocationId: string, amount: string, reversalId = 'rv-1'): PoolCommand => ({
  type: 'UnpoolChannelFunds',
  data: { ...key, allocationId, reversalId, amount, unpooledOn: '2024-03-05' },
});
const draw = (amount: string, fundingId = 'f-1'): PoolCommand => ({
  type: 'DrawPoolFunding',
  data: { ...key, fundingId, projectId: 'p-1', amount, drawnOn: '2024-04-01' },
});
const giveBack = (amount: string, fundingId = 'f-1', reductionId = 'rd-1'): PoolCommand => ({
  type: 'ReturnPoolFunding',
  data: { ...key, fundingId, reductionId, amount, returnedOn: '2024-07-01' },
});
const returned = (amount: string, shares: [string, string][], reductionId = 'rd-1'): PoolEvent => ({
  type: 'PoolFundingReturned',
  data: { ...key, fundingId: 'f-1', reductionId, amount, shares: sharesOf(shares), returnedOn: '2024-07-01' },
});
const unpooled = (allocationId: string, amount: string): PoolEvent => ({
  type: 'ChannelFundsUnpooled',
  data: { ...key, allocationId, reversalId: 'rv-1', amount, unpooledOn: '2024-03-05' },
});

describe('a county pool for the year', () => {
  it('opens with the first channel money pooled into it', () => {
    given().when(pool('a-1', '60')).then(channelPooled('a-1', '60.00'));
    expect(poolAvailable(poolOf(channelPooled('a-1', '60.00'), channelPooled('a-2', '40.00', 'rc-2')) as Pool).toString()).toBe('100.00');
  });

  it('refuses money meant for another year', () => {
    given(channelPooled('a-1', '60.00')).when(pool('a-2', '1', 'rc-2', 2025)).thenThrows('POOL.YEAR_MISMATCH');
  });

  it('refuses to draw or give back before anything was pooled', () => {
    given().when(draw('1')).thenThrows('POOL.NOT_FOUND');
    given().when(unpool('a-1', '1')).thenThrows('POOL.NOT_FOUND');
    given().when(giveBack('1')).thenThrows('POOL.NOT_FOUND');
  });
});

describe('a pool of 60.00 from channel a-1 and 40.00 from channel a-2', () => {
  const history = [channelPooled('a-1', '60.00'), channelPooled('a-2', '40.00', 'rc-2')];

  it('draws a funding pro rata from both channels, to the fen', () => {
    given(...history)
      .when(draw('10.01'))
      .then(poolFundingDrawn('10.01', [['a-1', '6.01'], ['a-2', '4.00']]));
  });

  it('draws from the balances left after earlier draws, so channels are used up evenly', () => {
    given(...history, poolFundingDrawn('50.00', [['a-1', '50.00']], 'f-0'))
      .when(draw('20'))
      .then(poolFundingDrawn('20.00', [['a-1', '4.00'], ['a-2', '16.00']]));
  });

  it('refuses a funding above what the pool holds, and a funding id drawn before', () => {
    given(...history).when(draw('100.01')).thenThrows('POOL.FUNDING_EXCEEDS_AVAILABLE');
    given(...history, poolFundingDrawn('1.00', [['a-1', '1.00']])).when(draw('1')).thenThrows('FUNDING.ALREADY_EXISTS');
  });

  it('gives a reduction back to the channels in the proportions drawn', () => {
    given(...history, poolFundingDrawn('50.00', [['a-1', '30.00'], ['a-2', '20.00']]))
      .when(giveBack('10.01'))
      .then(returned('10.01', [['a-1', '6.01'], ['a-2', '4.00']]));
  });

  it('never gives back more than the funding still holds', () => {
    const drawn = [...history, poolFundingDrawn('50.00', [['a-1', '30.00'], ['a-2', '20.00']])];
    given(...drawn).when(giveBack('50.01')).thenThrows('FUNDING.REDUCTION_EXCEEDS_UNSPENT');
    given(...drawn).when(giveBack('1', 'f-9')).thenThrows('FUNDING.NOT_FOUND');
    given(...drawn, returned('1.00', [['a-1', '1.00']])).when(giveBack('1')).thenThrows('REDUCTION.ALREADY_EXISTS');
  });

  it("lets a reversed receipt take back only its channel's undrawn money", () => {
    const drawn = [...history, poolFundingDrawn('50.00', [['a-1', '30.00'], ['a-2', '20.00']])];
    given(...drawn).when(unpool('a-1', '30')).then(unpooled('a-1', '30.00'));
    given(...drawn).when(unpool('a-1', '30.01')).thenThrows('RECEIPT.REVERSAL_EXCEEDS_UNASSIGNED');
    given(...drawn).when(unpool('a-9', '1')).thenThrows('RECEIPT.REVERSAL_EXCEEDS_UNASSIGNED');
    given(...drawn, unpooled('a-1', '1.00')).when(unpool('a-1', '1')).thenThrows('REVERSAL.ALREADY_EXISTS');
  });
});

describe('replaying a pool', () => {
  it.each([
    ['a draw on a pool that holds nothing', [poolFundingDrawn('1.00', [['a-1', '1.00']])]],
    ['a channel drawn beyond what it pooled', [channelPooled('a-1', '1.00'), poolFundingDrawn('1.01', [['a-1', '1.01']])]],
    ['shares that do not add up', [channelPooled('a-1', '5.00'), poolFundingDrawn('2.00', [['a-1', '1.00']])]],
    ['more returned to a channel than drawn from it', [channelPooled('a-1', '5.00'), channelPooled('a-2', '5.00', 'rc-2'), poolFundingDrawn('2.00', [['a-1', '2.00']]), returned('1.00', [['a-2', '1.00']])]],
  ])('stops on %s', (_, events) => {
    expect(() => poolOf(...(events as PoolEvent[]))).toThrow(InvariantViolation);
  });
});
