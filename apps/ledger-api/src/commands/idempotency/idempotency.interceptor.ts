import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { canonicalJson } from '@ledger/event-store';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { PrincipalRequest } from '../../access/access.decorators';
import { EdgeError } from '../../http/edge-error';
import { isServerStatus } from '../../http/error-answer';
import { instanceOf, problemFor, ReplayedProblem } from '../../http/problem-details.filter';
import type { ProblemDetails } from '../../http/problem-details';
import type { StoredAnswer } from './idempotency-records';
import { IdempotencyService } from './idempotency.service';

/** Keys are opaque to the ledger, but bounded: a UUID is 36 characters, a bureau's own scheme a little more. */
export const idempotencyKeyLengthMax = 255;
const keyPattern = /^[\x21-\x7e]+$/;

type IdempotentRequest = PrincipalRequest & { readonly body?: unknown; readonly originalUrl?: string };

/**
 * Wraps every POST of an authenticated principal (commands, imports): requires an
 * `Idempotency-Key`, answers a retry with the first final answer, and records that answer.
 * Interceptors run before the validation pipe, so a 400 for a bad body is a final answer too.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const principal = request.principal;
    if (request.method !== 'POST' || principal === undefined) return next.handle();
    const key = idempotencyKeyOf(request);
    const instance = instanceOf(request);
    const requestHash = createHash('sha256')
      .update(canonicalJson({ method: request.method, path: instance, body: request.body ?? null }))
      .digest('hex');
    const answer = this.idempotency.run(principal.id, key, requestHash, () => lastValueFrom(next.handle()), (error) => finalAnswer(error, instance));
    return from(answer.then((stored) => replay(stored, context.switchToHttp().getResponse<ServerResponse>())));
  }
}

function idempotencyKeyOf(request: IdempotentRequest): string {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '') {
    throw new EdgeError('IDEMPOTENCY.KEY_REQUIRED', 'every POST needs an Idempotency-Key header (a UUID is a good key)', {
      errors: [{ field: 'Idempotency-Key', rule: 'IDEMPOTENCY.KEY_REQUIRED', message: 'header missing' }],
    });
  }
  if (key.length > idempotencyKeyLengthMax || !keyPattern.test(key)) {
    throw new EdgeError('VALIDATION.FAILED', 'the Idempotency-Key header is malformed', {
      errors: [{ field: 'Idempotency-Key', rule: 'IDEMPOTENCY.KEY_INVALID', message: `1–${idempotencyKeyLengthMax} visible ASCII characters` }],
    });
  }
  return key;
}

/**
 * A refusal is final (recorded, and answered again to a retry) when the client caused it (4xx);
 * a revision conflict that outlasted the retries is not: the same request may well pass later.
 */
function finalAnswer(error: unknown, instance: string): StoredAnswer | undefined {
  const { problem } = problemFor(error, instance);
  if (isServerStatus(problem.status) || problem.code === 'STORE.REVISION_CONFLICT') return undefined;
  return { status: problem.status, body: problem };
}

function replay(stored: StoredAnswer, response: ServerResponse): unknown {
  if (stored.status >= 400) throw new ReplayedProblem(stored.body as ProblemDetails);
  const position = (stored.body as { position?: unknown }).position;
  if (typeof position === 'number') response.setHeader('X-Ledger-Position', String(position));
  return stored.body;
}
