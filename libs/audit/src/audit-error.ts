/**
 * Every code the audit library refuses with, in one place. The HTTP routes and the verify CLI map
 * them to statuses and exit codes in one table each: never rename one.
 */
export const auditErrorCodes = [
  /** A size, index or range argument is malformed: negative, index ≥ size, from > to, from = 0 … */
  'AUDIT.INVALID_ARGUMENT',
  /** A size beyond the current tree: the log has not grown that far (yet). */
  'AUDIT.BEYOND_TREE',
  /** The signing key file is readable or writable by group or others, so it is refused. */
  'AUDIT.SIGNING_KEY_EXPOSED',
  /** The signing key file does not hold an Ed25519 private key (PKCS #8 PEM). */
  'AUDIT.SIGNING_KEY_INVALID',
  /** The key file and the key registry disagree: the file was replaced or the origin changed. */
  'AUDIT.SIGNING_KEY_MISMATCH',
  /** This library's tables are missing or older than this build (run migrateAuditSchema), or newer. */
  'AUDIT.SCHEMA_MISMATCH',
] as const;

export type AuditErrorCode = (typeof auditErrorCodes)[number];

/** An expected refusal; `details` values are strings so they survive JSON. */
export class AuditError extends Error {
  constructor(
    readonly code: AuditErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'AuditError';
  }
}

/** A state this library's own code makes impossible: a bug or a tampered file, never input. */
export class AuditInvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditInvariantViolation';
  }
}

export function auditInvariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new AuditInvariantViolation(message);
}
