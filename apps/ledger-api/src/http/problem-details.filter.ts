import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { answerFor, isServerStatus } from './error-answer';
import { problemContentType, type ProblemDetails } from './problem-details';

/**
 * RFC 9457 §4.2.1: `about:blank` means "no semantics beyond the status code". The ledger has no
 * documentation host to point per-code type URIs at, so the stable identity is the `code` member.
 */
const problemType = 'about:blank';

/** Express keeps the URL before routing in `originalUrl`; plain Node has only `url`. */
export type LedgerRequest = IncomingMessage & { readonly originalUrl?: string };

/**
 * Renders everything thrown while serving a request (domain refusals, edge refusals, store errors,
 * route misses, bad JSON, bugs) as `application/problem+json`. Server errors are logged with their
 * stack; the answer never carries one.
 */
/** The problem for an error answered at `instance` (the request path without its query). */
export function problemFor(error: unknown, instance: string): { problem: ProblemDetails; headers: Readonly<Record<string, string>> } {
  const answer = answerFor(error);
  const problem: ProblemDetails = {
    type: problemType,
    status: answer.status,
    title: STATUS_CODES[answer.status] ?? 'Error',
    detail: answer.detail,
    instance,
    code: answer.code,
    errors: answer.errors,
  };
  return { problem, headers: answer.headers };
}

export function instanceOf(request: LedgerRequest): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0]!;
}

/**
 * A problem answered before, given again verbatim: an idempotent retry of a refused request
 * gets the first answer, not a new decision.
 */
export class ReplayedProblem extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
    this.name = 'ReplayedProblem';
  }
}

/**
 * Renders everything thrown while serving a request (domain refusals, edge refusals, store errors,
 * route misses, bad JSON, bugs) as `application/problem+json`. Server errors are logged with their
 * stack; the answer never carries one.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<LedgerRequest>();
    const response = http.getResponse<ServerResponse>();
    const instance = instanceOf(request);
    const { problem, headers } = error instanceof ReplayedProblem ? { problem: error.problem, headers: {} } : problemFor(error, instance);
    if (isServerStatus(problem.status)) {
      this.logger.error(`${problem.code} on ${request.method} ${instance}`, error instanceof Error ? error.stack : String(error));
    }
    if (response.headersSent) {
      // Part of a body is already on the wire: cutting the connection is the only honest signal left.
      response.destroy();
      return;
    }
    response.statusCode = problem.status;
    response.setHeader('Content-Type', problemContentType);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.end(JSON.stringify(problem));
  }
}
