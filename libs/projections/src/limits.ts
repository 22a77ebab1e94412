/**
 * Every bound of the projections, with the reason for its value (TIGER_STYLE: a limit on
 * everything). Changing one changes observable behaviour, so code imports these.
 */

/**
 * Events applied in one read-model transaction (catch-up, subscription and rebuild pages). Equal
 * to the store's `readPageSize`, so one store page becomes one transaction: large enough that the
 * commit (an fsync) is amortised, small enough that a failed page costs little to redo.
 */
export const projectionPageSizeMax = 1_000;

/** Rows in one multi-row INSERT on PostgreSQL: 500 rows × ≤ 13 columns stays far below its 65,535 bind parameters. */
export const postgresRowsPerStatementMax = 500;

/** Projects in one page of `listProjects`; the default when the caller gives none. */
export const projectPageSizeMax = 500;
export const projectPageSizeDefault = 100;

/** Working days a disclosure deadline may span: the local rule is 15; 250 (a year) bounds the loop. */
export const noticeDeadlineWorkingDaysMax = 250;

/** How long `waitForPosition` waits by default before it gives up. */
export const waitForPositionTimeoutMsDefault = 10_000;

/**
 * Rows the PostgreSQL writer keeps known across page transactions (SharedRowCache): a county's
 * whole read model (accounts, lines, loans: tens of thousands of rows, a few hundred bytes each)
 * fits; past this the cache starts again empty, which costs reads, never correctness.
 */
export const postgresRowCacheRowsMax = 200_000;
