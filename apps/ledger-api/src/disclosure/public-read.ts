import type { ServerResponse } from 'node:http';
import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { findPersonalData } from '@ledger/domain';
import { map, type Observable } from 'rxjs';
import { Public } from '../access/access.decorators';
import { ReadErrorsInterceptor } from '../read-model/read-errors';
import type { JsonSchema } from './disclosure.schema';
import { assertNoPersonalDataIn, deidentify, PersonalDataInPublicView } from './public-view';

/** How a public route's answer is published: its schema (the allow-list), and optionally a text rendering (CSV). */
export interface PublicReadOptions {
  /** The published schema the answer is rebuilt from; `'static'` for a fixed document (scanned only). */
  readonly schema: JsonSchema | 'static';
  /** Renders the de-identified view as text (scanned again) with this content type. */
  readonly render?: { readonly contentType: string; readonly text: (view: unknown) => string };
}

const publicReadKey = 'ledger:public-read';

/**
 * Marks a route public (no token) AND puts its answer through the de-identification layer
 * (public-view.ts). The disclosure routes use this, never `@Public()` alone.
 */
export const PublicRead = (options: PublicReadOptions): MethodDecorator =>
  applyDecorators(Public(), SetMetadata(publicReadKey, options), UseInterceptors(PublicViewInterceptor, ReadErrorsInterceptor));

@Injectable()
export class PublicViewInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<PublicReadOptions | undefined>(publicReadKey, context.getHandler());
    if (options === undefined) throw new Error('PublicViewInterceptor on a route without @PublicRead');
    const response = context.switchToHttp().getResponse<ServerResponse>();
    return next.handle().pipe(
      map((answer: unknown) => {
        const view = options.schema === 'static' ? scanned(answer) : deidentify(options.schema, answer);
        if (options.render === undefined) return view;
        const text = options.render.text(view);
        const kind = findPersonalData(text);
        if (kind !== null) throw new PersonalDataInPublicView(`the ${options.render.contentType} rendering`, kind);
        response.setHeader('Content-Type', options.render.contentType);
        return text;
      }),
    );
  }
}

function scanned(document: unknown): unknown {
  assertNoPersonalDataIn(document, '$');
  return document;
}
