/** The media type of every error the ledger answers with (RFC 9457). */
export const problemContentType = 'application/problem+json';

/** One bad field of a request: `field` is a dotted path (`tasks.0.deadline`), `rule` a stable name. */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * An RFC 9457 problem, with two extension members: `code`, the stable string clients match on, and
 * `errors`, every bad field (empty when no single field is at fault, so clients can always iterate).
 */
export interface ProblemDetails {
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly instance: string;
  readonly code: string;
  readonly errors: readonly FieldError[];
}
