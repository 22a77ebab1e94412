/**
 * Test support for projections, here and in libs that write their own (libs/audit's warnings):
 * events as the log holds them, a harness that applies them as the runner would, and an embedded
 * ledger (a real SQLite store with the read side inline).
 */
export * from './ledger-events';
export * from './projection-harness';
export * from './embedded-ledger';
export * from './scenario';
export * from './store-events';
export { failOnce } from './faults';
