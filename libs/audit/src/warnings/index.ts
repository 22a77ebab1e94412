/**
 * Warnings (预警): the inspectors' rules over the ledger's log (README.md in this folder). The
 * projection is registered in `ledgerProjections` (../ledger-projections.ts); the queries read its tables.
 */
export { warningsProjection } from './warnings.projection';
export { warningsTables, type WarningRow, type WorkflowRow } from './warnings.tables';
export { warningIdOf, type WarningSubject } from './warning-id';
export { listWarnings, getWarning, warningsDb, type WarningsDb, type WarningsSchema, type WarningView, type WarningFilter, type WarningPage } from './warnings.queries';
export * from './limits';
