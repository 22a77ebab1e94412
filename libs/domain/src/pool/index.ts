export * from './pool.events';
export * from './pool.commands';
export { channelAvailable, evolvePool, initialPoolState, poolAvailable, type Channel, type Pool, type PoolFunding, type PoolState } from './pool.state';
export { poolDecider, requirePool } from './pool.decider';
