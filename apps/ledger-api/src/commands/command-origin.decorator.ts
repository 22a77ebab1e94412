import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { PrincipalRequest } from '../access/access.decorators';
import type { CommandOrigin } from './command-executor';

type OriginRequest = PrincipalRequest & { readonly id?: unknown };

/**
 * The origin of a command (principal, idempotency key, request id) as the guard and the
 * idempotency interceptor left it on the request; they run first on every POST.
 */
export const Origin = createParamDecorator((_data: unknown, context: ExecutionContext): CommandOrigin => {
  const request = context.switchToHttp().getRequest<OriginRequest>();
  const principal = request.principal;
  const key = request.headers['idempotency-key'];
  if (principal === undefined || typeof key !== 'string') throw new Error('@Origin() used on a route without authentication or Idempotency-Key');
  return { principalId: principal.id, idempotencyKey: key, requestId: String(request.id ?? '') };
});
