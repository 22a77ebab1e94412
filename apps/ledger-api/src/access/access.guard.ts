import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EdgeError } from '../http/edge-error';
import { type PrincipalRequest, publicRouteKey, rolesKey } from './access.decorators';
import type { Role } from './principal';
import { PrincipalRegistry } from './principal-registry';

/**
 * Every route needs a known bearer token unless marked `@Public()`; a route marked
 * `@Roles(...)` also needs one of those roles, and an admin passes every role check. Regions are
 * checked later, by the handler, with `assertRegionAccess`: only it knows the command's region.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: PrincipalRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(publicRouteKey, targets) === true) return true;
    const request = context.switchToHttp().getRequest<PrincipalRequest>();
    const authorization = request.headers.authorization;
    const principal = this.registry.authenticate(authorization);
    if (principal === null) throw authenticationRequired(authorization !== undefined);
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(rolesKey, targets);
    if (allowed !== undefined && principal.role !== 'admin' && !allowed.includes(principal.role)) {
      throw new EdgeError('AUTH.FORBIDDEN_ROLE', `this route needs the role ${allowed.join(' or ')}; ${principal.id} is ${principal.role}`);
    }
    request.principal = principal;
    return true;
  }
}

/** RFC 6750 §3: a challenge always; `invalid_token` only when a token was sent and did not match. */
function authenticationRequired(tokenSent: boolean): EdgeError {
  return new EdgeError('AUTH.REQUIRED', tokenSent ? 'the bearer token is unknown or malformed' : 'this route needs an Authorization: Bearer token', {
    headers: { 'WWW-Authenticate': tokenSent ? 'Bearer error="invalid_token"' : 'Bearer' },
  });
}
