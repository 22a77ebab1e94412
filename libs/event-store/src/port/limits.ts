/**
 * Every bound the store enforces, with the reason for its value. Changing one changes behaviour
 * that the conformance suite observes, so adapters import these rather than repeat numbers.
 */

/**
 * Events fetched per query when reading or subscribing. Big enough that per-query overhead is
 * noise, small enough (≈1 MB of ~1 KB events) that a reader never holds much: no read ever loads
 * a whole stream, and a subscription never runs ahead of its consumer by more than this.
 */
export const readPageSize = 1_000;

/**
 * Events in one `append` call. One append is one transaction holding the single writer, so this
 * bounds how long other writers wait; command handlers emit a handful, imports batch ≤ 1,000.
 */
export const appendBatchSizeMax = 10_000;

/** A stream name is an identifier, not a payload; this keeps index keys small. */
export const streamNameLengthMax = 200;

/** Event type names are code identifiers such as `AllocationRecorded`. */
export const eventTypeLengthMax = 100;

/** `schemaVersion` counts shape changes of one event type: a small positive integer. */
export const schemaVersionMax = 1_000;

/**
 * Nesting depth of `data` and `metadata`. Ledger payloads are shallow records; the bound turns a
 * cyclic or hostile value into STORE.INVALID_EVENT instead of a stack overflow.
 */
export const jsonDepthMax = 32;
