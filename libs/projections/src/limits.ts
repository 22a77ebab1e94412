/**
 * Every bound of the projections, with the reason for its value (TIGER_STYLE: a limit on
 * everything). Changing one changes observable behaviour, so code imports these.
 */

/**
 * Events applied in one read-model transaction (catch-up, subscription and rebuild pages): ten of
 * the store's pages. A commit writes every page of the tables and indexes the transaction touched
 * (and fsyncs, and may checkpoint the WAL), and a row changed by many events of a transaction is
 * written once: at 1,000 events the commits alone were a fifth of a rebuild, at 10,000 they are a
 * few percent (bench/rebuild). A failed page costs about a second to redo; a subscription page is
 * smaller anyway (what is buffered).
 */
export const projectionPageSizeMax = 10_000;

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

/**
 * Attempts of a read spanning several queries before it gives up on a read model that moves under
 * it (readConsistently): appends commit in a millisecond or two, so a second attempt nearly always
 * succeeds; five bounds the work of one request under a steady stream of appends.
 */
export const consistentReadAttemptsMax = 5;

/**
 * Rows of one section (projects, loans, household payments, notices) of a disclosure view: a
 * county over five years has about 500 projects, 1,300 loans and a few thousand household
 * payments. Past this the view is refused (narrow it by fiscal year or region) rather than cut.
 */
export const disclosureSectionRowsMax = 50_000;

/** Movements listed in one allocation's trace: an allocation funds hundreds of lines with tens of payments each. */
export const traceMovementsMax = 100_000;

/**
 * Rows in one multi-row INSERT of the SQLite page writer: 100 rows × ≤ 20 columns stays below
 * SQLite's default 32,766 bound parameters, and past about 100 rows a statement saves no more.
 */
export const sqliteRowsPerStatementMax = 100;

/**
 * Rows the SQLite page writer keeps known across page transactions (a rebuild, a catch-up): like
 * `postgresRowCacheRowsMax`. Dropped whenever the inline hook writes, on any failure, and past this.
 * It is most of a rebuild's memory: over 1,000,000 events, 200k rows peaked at 657 MiB RSS and
 * 100k at 591 MiB for the same speed (reads back are ~1% of a rebuild), bench/rebuild.
 */
export const sqliteRowCacheRowsMax = 100_000;

/**
 * SQLite page cache of the ledger's connection, in KiB (PRAGMA cache_size = −N): the read models'
 * indexes (facts by county, movements by disbursement) take random inserts, and a cache of a few
 * hundred pages (the 2 MiB default) makes each a disk read on a large log. 64 MiB: measured, bench/rebuild.
 */
export const sqliteCacheSizeKiB = 65_536;
