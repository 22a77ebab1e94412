import type { ErrorCode } from './error-codes';

/**
 * An expected refusal: the command is not allowed in the current state. Carries a stable dotted
 * code (listed in error-codes.ts) that callers and tests match on; the message is for humans only.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * An impossible history: evolve or a projection met a fact that the deciders would never have
 * produced (a negative balance, an event for a stream that does not exist). This is a bug or a
 * tampered log, never user input, so it must stop the replay loudly.
 */
export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

export function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new InvariantViolation(message);
}

export function refuse(code: ErrorCode, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, details);
}
