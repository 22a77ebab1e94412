import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from './principal';

/** The request as the guard leaves it for `@CurrentPrincipal()`. */
export type PrincipalRequest = IncomingMessage & { principal?: Principal };

export const rolesKey = 'ledger:roles';
export const publicRouteKey = 'ledger:public';

/** The roles that may call a route (or every route of a controller); an admin always may. */
export const Roles = (...allowed: Role[]): MethodDecorator & ClassDecorator => SetMetadata(rolesKey, allowed);

/** A route anyone may call without a token: the public disclosure reads, /health. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(publicRouteKey, true);

/** The authenticated caller of a non-public route. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<PrincipalRequest>().principal;
  // The guard sets it on every route that is not @Public(); reading it on a public route is a bug.
  if (principal === undefined) throw new Error('@CurrentPrincipal() used on a route without authentication');
  return principal;
});
