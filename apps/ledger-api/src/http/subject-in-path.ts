import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type ErrorCode } from '@ledger/domain';
import { catchError, type Observable, throwError } from 'rxjs';

/** The domain codes whose HTTP status depends on where the missing id came from (see error-status.ts). */
export type NotFoundCode = Extract<ErrorCode, `${string}NOT_FOUND`>;

const subjectInPathKey = 'ledger:subject-in-path';

/**
 * Declares that the route's path names its subject: `@SubjectInPath('PROJECT.NOT_FOUND')` on
 * `POST /projects/:projectId/disbursements` answers 404 when the project does not exist, while a
 * `FUNDING.NOT_FOUND` for the `fundingId` in the body of the same request stays 422.
 * The deciders cannot say this themselves: they never see a URL.
 */
export const SubjectInPath = (...codes: NotFoundCode[]): MethodDecorator & ClassDecorator => SetMetadata(subjectInPathKey, codes);

/** A domain NOT_FOUND for the id in the request path; raised by the interceptor below, or by a handler that knows. */
export class SubjectNotFoundInPath extends Error {
  constructor(readonly domainError: DomainError) {
    super(domainError.message);
    this.name = 'SubjectNotFoundInPath';
  }
}

/** Applies `@SubjectInPath` to what the route throws; everything else passes through untouched. */
@Injectable()
export class SubjectInPathInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const codes = this.reflector.getAllAndOverride<readonly string[] | undefined>(subjectInPathKey, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (codes === undefined) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() => (error instanceof DomainError && codes.includes(error.code) ? new SubjectNotFoundInPath(error) : error)),
      ),
    );
  }
}
