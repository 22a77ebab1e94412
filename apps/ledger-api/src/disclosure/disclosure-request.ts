import type { IncomingMessage } from 'node:http';
import { DomainError } from '@ledger/domain';
import { EdgeError } from '../http/edge-error';
import { regionQueryCode } from '../read-model/query-params';
import { disclosureSchemaPath } from './disclosure.schema';

// What a request for a disclosure view names: its region (the path) and where the schema is published.

/** A region code in the path: 6, 9 or 12 digits (else 400 REGION.INVALID), at its level's length. */
export function regionOfPath(code: string): string {
  try {
    if (!/^(\d{6}|\d{9}|\d{12})$/.test(code)) throw new DomainError('REGION.INVALID', `not a 6-, 9- or 12-digit region code: ${code}`);
    return regionQueryCode(code);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const message = `${code} is not a county (6 digits), township (9) or village (12) code`;
    throw new EdgeError('VALIDATION.FAILED', message, { errors: [{ field: 'code', rule: 'REGION.INVALID', message }] });
  }
}

/** Where this ledger publishes the schema, as the client reached it. */
export function schemaUrl(request: IncomingMessage): string {
  const host = request.headers.host;
  const forwarded = request.headers['x-forwarded-proto'];
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return host === undefined || !/^[A-Za-z0-9.\-:[\]]+$/.test(host) ? disclosureSchemaPath : `${scheme}://${host}${disclosureSchemaPath}`;
}
