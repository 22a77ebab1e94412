import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes } from '@ledger/domain';
import { storeErrorCodes } from '@ledger/event-store';
import { edgeErrorCodes } from './edge-error';
import { errorStatusTable, renderErrorStatusTable, statusOf } from './error-status';

const inPath = { subjectInPath: true };
const readmePath = join(__dirname, '..', '..', '..', '..', 'README.md');

describe('the error status table', () => {
  it.each(errorCodes.filter((code) => !/(NOT_FOUND|ALREADY_EXISTS)$/.test(code)))('answers the domain refusal %s with 422, wherever its subject was', (code) => {
    expect(statusOf(code)).toBe(422);
    expect(statusOf(code, inPath)).toBe(422);
  });

  it.each(errorCodes.filter((code) => code.endsWith('NOT_FOUND')))('answers %s with 404 for an id in the path and 422 for one in the body', (code) => {
    expect(statusOf(code, inPath)).toBe(404);
    expect(statusOf(code)).toBe(422);
  });

  it.each(errorCodes.filter((code) => code.endsWith('ALREADY_EXISTS')))('answers %s (a business id reused) with 409', (code) => {
    expect(statusOf(code)).toBe(409);
  });

  it.each([
    ['VALIDATION.FAILED', 400],
    ['REGION.UNKNOWN', 400],
    ['IDEMPOTENCY.KEY_REQUIRED', 400],
    ['AUTH.REQUIRED', 401],
    ['AUTH.FORBIDDEN_REGION', 403],
    ['AUTH.FORBIDDEN_ROLE', 403],
    ['ROUTE.NOT_FOUND', 404],
    ['AUDIT.BEYOND_TREE', 404],
    ['AUDIT.STREAM_NOT_FOUND', 404],
    ['REQUEST.TOO_LARGE', 413],
    ['IDEMPOTENCY.KEY_REUSED', 422],
    ['INTERNAL', 500],
  ] as const)('answers the edge code %s with %i', (code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  it('has a row for every edge code it lists above', () => {
    for (const code of edgeErrorCodes) expect(renderErrorStatusTable()).toContain(`\`${code}\``);
  });

  it('answers a revision conflict with 409 and every other store failure with 500', () => {
    for (const code of storeErrorCodes) expect(statusOf(code)).toBe(code === 'STORE.REVISION_CONFLICT' ? 409 : 500);
  });

  it('lists each status once, ascending', () => {
    const statuses = errorStatusTable.map((row) => row.status);
    expect(statuses).toEqual([...new Set(statuses)].sort((a, b) => a - b));
  });

  it('is in the README\'s "## Errors" section exactly as rendered', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const section = /^## Errors\n[\s\S]*?(?=^## |(?![\s\S]))/m.exec(readme)?.[0] ?? 'the README has no "## Errors" section';
    expect(section).toContain(renderErrorStatusTable());
  });
});
