import type { FieldError } from './problem-details';

/**
 * The codes the HTTP edge itself refuses with, besides the domain's (`errorCodes` in @ledger/domain)
 * and the store's (`storeErrorCodes` in @ledger/event-store). Clients match on these: never rename one.
 */
export const edgeErrorCodes = [
  'VALIDATION.FAILED',
  'REGION.UNKNOWN',
  'IDEMPOTENCY.KEY_REQUIRED',
  'IDEMPOTENCY.KEY_REUSED',
  'AUTH.REQUIRED',
  'AUTH.FORBIDDEN_REGION',
  'AUTH.FORBIDDEN_ROLE',
  'ROUTE.NOT_FOUND',
  'REGION.NOT_FOUND',
  'PROJECTION.BEHIND',
  'REQUEST.TOO_LARGE',
  /** A tree size, index or position the transparency log has not reached. */
  'AUDIT.BEYOND_TREE',
  /** No event was ever recorded on the stream asked for. */
  'AUDIT.STREAM_NOT_FOUND',
  'INTERNAL',
] as const;

export type EdgeErrorCode = (typeof edgeErrorCodes)[number];

export interface EdgeErrorOptions {
  readonly errors?: readonly FieldError[];
  /** Response headers the refusal needs, e.g. `WWW-Authenticate` with AUTH.REQUIRED. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A refusal by the HTTP edge (validation, access, idempotency, reference data), rendered as a problem. */
export class EdgeError extends Error {
  readonly errors: readonly FieldError[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly code: EdgeErrorCode,
    message: string,
    options: EdgeErrorOptions = {},
  ) {
    super(message);
    this.name = 'EdgeError';
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }
}
