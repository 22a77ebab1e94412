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
type LedgerRequest = IncomingMessage & { readonly originalUrl?: string };

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
    const answer = answerFor(error);
    const instance = (request.originalUrl ?? request.url ?? '').split('?')[0];
    if (isServerStatus(answer.status)) {
      this.logger.error(`${answer.code} on ${request.method} ${instance}`, error instanceof Error ? error.stack : String(error));
    }
    if (response.headersSent) {
      // Part of a body is already on the wire: cutting the connection is the only honest signal left.
      response.destroy();
      return;
    }
    const problem: ProblemDetails = {
      type: problemType,
      status: answer.status,
      title: STATUS_CODES[answer.status] ?? 'Error',
      detail: answer.detail,
      instance,
      code: answer.code,
      errors: answer.errors,
    };
    response.statusCode = answer.status;
    response.setHeader('Content-Type', problemContentType);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.end(JSON.stringify(problem));
  }
}
