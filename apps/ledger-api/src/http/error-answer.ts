import { HttpException } from '@nestjs/common';
import { DomainError } from '@ledger/domain';
import { StoreError } from '@ledger/event-store';
import { EdgeError, type EdgeErrorCode } from './edge-error';
import { type ProblemCode, type StatusContext, statusOf } from './error-status';
import type { FieldError } from './problem-details';
import { SubjectNotFoundInPath } from './subject-in-path';

/** What the ledger answers for one thrown value: everything of the problem but the request's own parts. */
export interface ErrorAnswer {
  readonly code: ProblemCode;
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldError[];
  readonly headers: Readonly<Record<string, string>>;
}

/** Said instead of the message of an unexpected error, whose text may hold internals (paths, SQL). */
export const unexpectedErrorDetail = 'The ledger met an unexpected error. It is logged under the X-Request-Id of this answer.';

const inBody: StatusContext = { subjectInPath: false };
const inPath: StatusContext = { subjectInPath: true };

/**
 * Errors the HTTP layer raises before any route runs (Nest's route miss, the JSON body parser)
 * carry only a status. The ones a client causes get an edge code; any other status is our bug.
 */
const frameworkCodes: ReadonlyMap<number, EdgeErrorCode> = new Map([
  [400, 'VALIDATION.FAILED'], // a malformed JSON body or URL encoding
  [404, 'ROUTE.NOT_FOUND'],
  [413, 'REQUEST.TOO_LARGE'],
  [415, 'VALIDATION.FAILED'], // a body in a charset or content encoding the parser cannot read
]);

export function answerFor(error: unknown): ErrorAnswer {
  if (error instanceof EdgeError) return answer(error.code, inBody, error.message, error.errors, error.headers);
  if (error instanceof SubjectNotFoundInPath) return domainAnswer(error.domainError, inPath);
  if (error instanceof DomainError) return domainAnswer(error, inBody);
  if (error instanceof StoreError) {
    const status = statusOf(error.code);
    return answer(error.code, inBody, isServerStatus(status) ? unexpectedErrorDetail : error.message);
  }
  const frameworkCode = frameworkCodes.get(frameworkStatusOf(error) ?? 0);
  if (frameworkCode !== undefined && error instanceof Error) return answer(frameworkCode, inBody, error.message);
  return answer('INTERNAL', inBody, unexpectedErrorDetail);
}

export function isServerStatus(status: number): boolean {
  return status >= 500;
}

function answer(
  code: ProblemCode,
  context: StatusContext,
  detail: string,
  errors: readonly FieldError[] = [],
  headers: Readonly<Record<string, string>> = {},
): ErrorAnswer {
  return { code, status: statusOf(code, context), detail, errors, headers };
}

/** The domain names the offending field in `details.field` (requiredText, entityId, PII scan …): list it. */
function domainAnswer(error: DomainError, context: StatusContext): ErrorAnswer {
  const field = error.details['field'];
  const errors = typeof field === 'string' ? [{ field, rule: error.code, message: error.message }] : [];
  return answer(error.code, context, error.message, errors);
}

/** Nest's HttpException, or an http-errors error from the body parser (`expose` marks a client error). */
function frameworkStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof Error && 'expose' in error && error.expose === true && 'status' in error && typeof error.status === 'number') {
    return error.status;
  }
  return undefined;
}
