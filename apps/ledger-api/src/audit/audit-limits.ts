/**
 * Every bound of the audit routes, with its reason (TIGER_STYLE: a limit on everything). Clients
 * page with them, so changing one changes observable behaviour.
 */
import { entriesPageSizeMax } from '@ledger/audit';

/** Entries in one `GET /v1/audit/entries` answer: the library's page (≈ 1 MB of ≈ 1 KB events), as RFC 6962 get-entries. */
export const entriesPageSize = entriesPageSizeMax;

/** Events in one page of a stream's history: a project's whole life (tens to hundreds of events) fits in one. */
export const streamPageSizeMax = 1_000;

/** Events in one page of `GET /v1/audit/log`: ≈ 500 KB of JSON, a screenful of pages for an inspector's tool. */
export const logPageSizeMax = 500;

/**
 * Positions one `GET /v1/audit/log` request scans at most for its filters (region, type): a
 * filter that matches rarely still answers within ≈ 50 ms, with `next` saying where to go on.
 */
export const logScanPositionsMax = 50_000;

/**
 * Events in one proof bundle: a notice's stream and its project's (tens to hundreds of events), or
 * a disclosure view's projects, allocations, loans and notices (a county's year: a few thousand;
 * ≈ 1.5 KB each with its proof). Past this the bundle is refused (400, naming `fiscalYear`) rather
 * than cut, as a cut bundle would prove less than it claims.
 */
export const proofBundleEventsMax = 10_000;
