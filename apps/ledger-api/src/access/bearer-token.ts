import { createHash } from 'node:crypto';

/** Longer Authorization values are refused unhashed: a 256-bit token is 43 base64url or 64 hex characters. */
export const bearerTokenLengthMax = 512;

/** RFC 6750 §2.1: the scheme is case-insensitive; the token is a b64token. */
const bearerPattern = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of an `Authorization: Bearer <token>` header, or null when there is none or it is malformed. */
export function bearerTokenOf(authorization: string | undefined): string | null {
  if (authorization === undefined || authorization.length > bearerTokenLengthMax) return null;
  return bearerPattern.exec(authorization)?.[1] ?? null;
}

/**
 * SHA-256 of the token, hex. Tokens are 256-bit random secrets, so a fast hash is enough: a slow
 * password hash (scrypt, argon2) defends guessable secrets against brute force, which a 256-bit
 * token already defeats, and would cost tens of milliseconds on every request.
 */
export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
