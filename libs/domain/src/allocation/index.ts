export * from './allocation.events';
export * from './allocation.commands';
export * from './allocation.state';
export { allocationDecider, decideAllocationMoney, requireAllocation, type AllocationMoneyCommand } from './allocation.decider';
