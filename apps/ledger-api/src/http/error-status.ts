import { type ErrorCode, errorCodes } from '@ledger/domain';
import type { StoreErrorCode } from '@ledger/event-store';
import type { EdgeErrorCode } from './edge-error';

/** Every code a problem can carry: the domain's, the edge's and the store's. */
export type ProblemCode = ErrorCode | EdgeErrorCode | StoreErrorCode;

/**
 * Where the id of a missing subject came from. A NOT_FOUND for the id in the path means the resource
 * named by the URL does not exist (404); for an id in the body, the URL is fine and the request
 * refers to something missing (422). Only the route knows which: see `@SubjectInPath` in
 * subject-in-path.ts.
 */
export interface StatusContext {
  readonly subjectInPath: boolean;
}

/** One row of the table in the README: a status and, in markdown, the codes that answer with it. */
export interface StatusRow {
  readonly status: number;
  readonly codes: string;
}

interface MatchedRow extends StatusRow {
  readonly matches: (code: ProblemCode, context: StatusContext) => boolean;
}

const domainCodes: ReadonlySet<string> = new Set(errorCodes);

function isDomainCode(code: ProblemCode): code is ErrorCode {
  return domainCodes.has(code);
}

function listed(status: number, codes: readonly ProblemCode[], note = ''): MatchedRow {
  const cell = codes.map((code) => `\`${code}\``).join(', ');
  return { status, codes: note === '' ? cell : `${cell} ${note}`, matches: (code) => codes.includes(code) };
}

/** Edge codes of a resource that does not exist (yet): a route, a part of the transparency log, a region not in the edition. */
const missingResourceCodes: readonly ProblemCode[] = ['ROUTE.NOT_FOUND', 'AUDIT.BEYOND_TREE', 'AUDIT.STREAM_NOT_FOUND', 'REGION.NOT_FOUND'];

/**
 * Tried in order; the first row that matches gives the status. Domain codes are matched by their
 * suffix, so a code the domain adds is mapped the day it is added (a spec iterates `errorCodes`).
 */
const matchedRows: readonly MatchedRow[] = [
  listed(400, ['VALIDATION.FAILED', 'REGION.UNKNOWN', 'IDEMPOTENCY.KEY_REQUIRED']),
  listed(401, ['AUTH.REQUIRED'], '(no or unknown token)'),
  listed(403, ['AUTH.FORBIDDEN_REGION', 'AUTH.FORBIDDEN_ROLE']),
  {
    status: 404,
    codes: `\`*.NOT_FOUND\` (and \`*_NOT_FOUND\`) for an id in the path, ${missingResourceCodes.map((code) => `\`${code}\``).join(', ')}`,
    matches: (code, { subjectInPath }) =>
      missingResourceCodes.includes(code) || (subjectInPath && isDomainCode(code) && code.endsWith('NOT_FOUND')),
  },
  {
    status: 409,
    codes: '`*.ALREADY_EXISTS` (and `*_ALREADY_EXISTS`: a business id reused under another key), `STORE.REVISION_CONFLICT` after bounded retries',
    matches: (code) => (isDomainCode(code) && code.endsWith('ALREADY_EXISTS')) || code === 'STORE.REVISION_CONFLICT',
  },
  listed(413, ['REQUEST.TOO_LARGE'], '(a body above the JSON parser limit)'),
  {
    status: 422,
    codes:
      'every other domain refusal (`PROJECT.FUNDING_EXCEEDED`, `PII.FORBIDDEN`, `FUNDING.NOT_FOUND` for an id in the body, …), `IDEMPOTENCY.KEY_REUSED`',
    matches: (code) => isDomainCode(code) || code === 'IDEMPOTENCY.KEY_REUSED',
  },
  listed(503, ['PROJECTION.BEHIND'], '(the read model has not reached the position asked for yet; retry after `Retry-After`)'),
];

/** What no row claims: `INTERNAL` and the store's own failures, which are bugs or outages, never the caller's fault. */
const otherwise: StatusRow = { status: 500, codes: '`INTERNAL` (logged; no stack in the answer), every other `STORE.*`' };

/** The one table from code to HTTP status, as the README shows it. */
export const errorStatusTable: readonly StatusRow[] = [...matchedRows, otherwise].sort((a, b) => a.status - b.status);

export function statusOf(code: ProblemCode, context: StatusContext = { subjectInPath: false }): number {
  return (matchedRows.find((row) => row.matches(code, context)) ?? otherwise).status;
}

/** The table as markdown, for the README's "Errors" section (a spec checks the README holds exactly this). */
export function renderErrorStatusTable(): string {
  return ['| status | codes |', '|---|---|', ...errorStatusTable.map((row) => `| ${row.status} | ${row.codes} |`)].join('\n');
}
