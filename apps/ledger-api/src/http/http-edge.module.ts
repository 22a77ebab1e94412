import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ProblemDetailsFilter } from './problem-details.filter';
import { SubjectInPathInterceptor } from './subject-in-path';
import { createValidationPipe } from './validation/validation-pipe';

/**
 * The HTTP edge of every route, installed as global providers (importing this module is all it
 * takes): problem+json for every error (route misses and bad JSON included), the validating pipe,
 * and `@SubjectInPath`.
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: SubjectInPathInterceptor },
  ],
})
export class HttpEdgeModule {}
