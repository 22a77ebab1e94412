import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ProjectionError } from '@ledger/projections';
import { catchError, type Observable, throwError } from 'rxjs';
import { EdgeError } from '../http/edge-error';

/** Seconds a client waits before it asks a read model that is behind again. */
export const behindRetryAfterSeconds = 1;

/**
 * The HTTP meaning of the read models' refusals (ProjectionError), for the read routes:
 * PROJECTION.BEHIND → 503 with Retry-After; PROJECTION.QUERY_INVALID → 400 VALIDATION.FAILED;
 * PROJECTION.NOT_INSTALLED is a wiring bug and stays a 500.
 */
export function readError(error: unknown): unknown {
  if (!(error instanceof ProjectionError)) return error;
  switch (error.code) {
    case 'PROJECTION.BEHIND':
      return new EdgeError('PROJECTION.BEHIND', error.message, { headers: { 'Retry-After': String(behindRetryAfterSeconds) } });
    case 'PROJECTION.QUERY_INVALID':
      return new EdgeError('VALIDATION.FAILED', error.message, { errors: [{ field: Object.keys(error.details)[0] ?? 'query', rule: error.code, message: error.message }] });
    case 'PROJECTION.NOT_INSTALLED':
      return error;
  }
}

@Injectable()
export class ReadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => readError(error))));
  }
}
