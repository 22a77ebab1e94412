import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { ImportStatus } from '../src/imports/import-job';
import { type Answer, LedgerUnderTest, tokens } from './support/ledger-under-test';

const allocationColumns = 'allocationId,countyCode,fundType,sourceLevel,fiscalYear,amount,documentNo,allocatedOn,partner,channel';

/** An allocations CSV (LF, no BOM) of the rows given as `id,county,amount` triples, all else alike. */
function allocationsCsv(rows: readonly (readonly [string, string, string])[]): string {
  const lines = rows.map(([id, county, amount]) => `${id},${county},special,central,2017,${amount},川财农〔2017〕12号,2017-03-01,,`);
  return `${[allocationColumns, ...lines].join('\n')}\n`;
}

interface Upload {
  readonly bytes: Uint8Array | string;
  readonly name: string;
  readonly kind?: string;
  readonly token?: string;
  readonly key?: string;
}

async function postImport(ledger: LedgerUnderTest, upload: Upload): Promise<Answer> {
  const form = new FormData();
  if (upload.kind !== undefined) form.append('kind', upload.kind);
  const bytes = typeof upload.bytes === 'string' ? new TextEncoder().encode(upload.bytes) : upload.bytes;
  form.append('file', new Blob([new Uint8Array(bytes)]), upload.name);
  const response = await fetch(`${ledger.url}/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${upload.token ?? tokens.finance513336}`, 'idempotency-key': upload.key ?? randomUUID() },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

/** Polls `GET /v1/imports/{id}` until the import is done or failed; every status seen, in order. */
async function follow(ledger: LedgerUnderTest, importId: string, token: string = tokens.finance513336): Promise<ImportStatus[]> {
  const seen: ImportStatus[] = [];
  for (let polls = 0; polls < 1_000; polls++) {
    const answer = await ledger.get(`/v1/imports/${importId}`, token);
    expect(answer.status).toBe(200);
    seen.push(answer.body as ImportStatus);
    if (answer.body.status === 'done' || answer.body.status === 'failed') return seen;
    await sleep(25);
  }
  throw new Error(`import ${importId} did not finish`);
}

async function imported(ledger: LedgerUnderTest, upload: Upload): Promise<ImportStatus> {
  const answer = await postImport(ledger, upload);
  expect(answer.status).toBe(202);
  return (await follow(ledger, answer.body.importId, upload.token)).at(-1)!;
}

/** The stored data of a stream's events, read beside the running ledger (WAL lets a reader in). */
function storedData(ledger: LedgerUnderTest, stream: string): Record<string, unknown>[] {
  const db = new Database(join(ledger.dataDir, 'ledger.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT data FROM events WHERE stream = ? ORDER BY revision').all(stream) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

describe('bulk import through HTTP (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;
  beforeAll(async () => (ledger = await LedgerUnderTest.start()));
  afterAll(() => ledger.stop());

  describe('a valid file', () => {
    it('is accepted with 202 and an importId, then posts every row', async () => {
      const before = await ledger.position();
      const csv = allocationsCsv([
        ['imp-a-1', '513336', '100000.00'],
        ['imp-a-2', '513336', '200000.00'],
        ['imp-a-3', '513336', '300000.00'],
      ]);
      const answer = await postImport(ledger, { bytes: csv, name: '01-allocations.csv' });
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ importId: expect.any(String), kind: 'allocations', rows: 3, errors: [] });
      const done = (await follow(ledger, answer.body.importId)).at(-1)!;
      expect(done).toMatchObject({ status: 'done', rows: 3, done: 3, skipped: 0, errorCount: 0, position: before + 3 });
      expect(done.files).toEqual([expect.objectContaining({ name: '01-allocations.csv', kind: 'allocations', format: 'utf-8', rows: 3 })]);
      expect(await ledger.position()).toBe(before + 3);
    });

    it('takes path ids as columns and posts the rows as the routes would, one command each', async () => {
      const csv = 'allocationId,receiptId,amount,receivedOn,voucherNo\nimp-a-1,imp-r-1,60000.00,2017-03-20,513336-2017-900001\nimp-a-1,imp-r-2,40000.00,2017-03-21,513336-2017-900002\n';
      const status = await imported(ledger, { bytes: csv, name: 'receipts.csv' });
      expect(status).toMatchObject({ status: 'done', done: 2 });
      expect(storedData(ledger, 'allocation-imp-a-1').map((data) => data['receiptId'])).toEqual([undefined, 'imp-r-1', 'imp-r-2']);
      expect(storedData(ledger, 'voucherbook-513336-2017')).toHaveLength(2);
    });

    it('takes the kind from a form field when the file name does not say it', async () => {
      const status = await imported(ledger, { bytes: allocationsCsv([['imp-k-1', '513336', '1.00']]), name: 'export.csv', kind: 'allocations' });
      expect(status.status).toBe('done');
    });
  });

  describe('a file with bad rows', () => {
    it('reports every bad row by row, field and rule, and posts nothing', async () => {
      const before = await ledger.position();
      const csv = [
        allocationColumns,
        'imp-b-1,513336,special,central,2017,100.00,文号,2017-03-01,,',
        'imp-b-2,513336,special,central,2017,12.345,文号,2017-02-30,,',
        'imp-b-3,513336,special,central,twenty,100.00,文号,2017-03-01,,',
        'imp-b-4,999999,special,central,2017,100.00,文号,2017-03-01,,',
        'imp-b-5,513336,lottery,central,2017,100.00,,2017-03-01,,',
      ].join('\r\n');
      const status = await imported(ledger, { bytes: csv, name: '01-allocations.csv' });
      expect(status.status).toBe('failed');
      expect(status.errors.map(({ row, field, rule }) => [row, field, rule])).toEqual([
        [3, 'amount', 'MONEY.INVALID'],
        [3, 'allocatedOn', 'DATE.INVALID'],
        // Every rule the field breaks, as the route's 400 lists them.
        [4, 'fiscalYear', 'max'],
        [4, 'fiscalYear', 'min'],
        [4, 'fiscalYear', 'isInt'],
        [5, 'countyCode', 'REGION.UNKNOWN'],
        [6, 'fundType', 'FUND_TYPE.UNKNOWN'],
        [6, 'documentNo', 'isLength'],
        [6, 'documentNo', 'isString'],
      ]);
      expect(status.errorCount).toBe(9);
      expect(status.done).toBe(0);
      expect(await ledger.position()).toBe(before);
    });

    it('posts nothing when the domain refuses one row, even the rows before it', async () => {
      const before = await ledger.position();
      const csv = [
        'allocationId,receiptId,amount,receivedOn,voucherNo',
        'imp-a-2,imp-r-3,100000.00,2017-04-01,513336-2017-900003',
        'imp-a-2,imp-r-4,100000.00,2017-04-02,513336-2017-900004',
        // 200,000.00 allocated: this third receipt exceeds it.
        'imp-a-2,imp-r-5,0.01,2017-04-03,513336-2017-900005',
        'nope,imp-r-6,1.00,2017-04-03,513336-2017-900006',
      ].join('\n');
      const status = await imported(ledger, { bytes: csv, name: 'receipts.csv' });
      expect(status.status).toBe('failed');
      expect(status.errors.map(({ row, field, rule }) => [row, field, rule])).toEqual([
        [4, '', 'ALLOCATION.RECEIPT_EXCEEDS_ALLOCATED'],
        [5, 'allocationId', 'ALLOCATION.NOT_FOUND'],
      ]);
      expect(await ledger.position()).toBe(before);
    });

    it('refuses rows of another region with AUTH.FORBIDDEN_REGION, and posts none of the file', async () => {
      const before = await ledger.position();
      const csv = allocationsCsv([
        ['imp-x-1', '513336', '1.00'],
        ['imp-x-2', '341821', '1.00'],
      ]);
      const status = await imported(ledger, { bytes: csv, name: 'allocations.csv', token: tokens.finance513336 });
      expect(status.errors.map(({ row, rule }) => [row, rule])).toEqual([[3, 'AUTH.FORBIDDEN_REGION']]);
      expect(await ledger.position()).toBe(before);
    });
  });

  describe('encodings and formats', () => {
    it('reads UTF-8 with a BOM and CRLF line ends', async () => {
      const csv = `\uFEFF${allocationsCsv([['imp-bom-1', '513336', '10.00']]).replace(/\n/g, '\r\n')}`;
      const status = await imported(ledger, { bytes: csv, name: '01-allocations.csv' });
      expect(status).toMatchObject({ status: 'done', files: [expect.objectContaining({ format: 'utf-8-bom' })] });
      expect(storedData(ledger, 'allocation-imp-bom-1')[0]).toMatchObject({ allocationId: 'imp-bom-1', documentNo: '川财农〔2017〕12号' });
    });

    it('reads GB18030, as Excel on a Chinese Windows saves CSV', async () => {
      // fixtures/allocations-gb18030.csv: made once with iconv -f UTF-8 -t GB18030 (see the imports README).
      const bytes = readFileSync(join(__dirname, 'fixtures', 'allocations-gb18030.csv'));
      const status = await imported(ledger, { bytes, name: '01-allocations.csv' });
      expect(status).toMatchObject({ status: 'done', done: 2, files: [expect.objectContaining({ format: 'gb18030' })] });
      expect(storedData(ledger, 'allocation-alloc-gb-01')[0]).toMatchObject({ documentNo: '川财农〔2017〕12号' });
      expect(storedData(ledger, 'allocation-alloc-gb-02')[0]).toMatchObject({ documentNo: '泸市援藏〔2017〕3号', partner: '泸州市' });
    });

    it('imports the first worksheet of an XLSX workbook, with numbers and dates as Excel stores them', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('下达');
      sheet.addRow(allocationColumns.split(','));
      sheet.addRow(['imp-xlsx-1', '513336', 'special', 'central', 2017, '5000.00', '川财农〔2017〕40号', new Date(Date.UTC(2017, 5, 1)), null, null]);
      sheet.addRow(['imp-xlsx-2', '513336', 'special', 'provincial', 2017, 2500.5, { richText: [{ text: '川财' }, { text: '农〔2017〕41号' }] }, '2017-06-02']);
      workbook.addWorksheet('notes').addRow(['ignored']);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const status = await imported(ledger, { bytes, name: '01-allocations.xlsx' });
      expect(status).toMatchObject({ status: 'done', done: 2, files: [expect.objectContaining({ format: 'xlsx' })] });
      expect(storedData(ledger, 'allocation-imp-xlsx-1')[0]).toMatchObject({ fiscalYear: 2017, amount: '5000.00', allocatedOn: '2017-06-01' });
      expect(storedData(ledger, 'allocation-imp-xlsx-2')[0]).toMatchObject({ amount: '2500.50', documentNo: '川财农〔2017〕41号' });
    });
  });

  describe('importing the same file again', () => {
    const csv = allocationsCsv([
      ['imp-again-1', '513336', '1.00'],
      ['imp-again-2', '513336', '2.00'],
    ]);

    it('posts nothing twice: the rows are found posted by the first import', async () => {
      const first = await imported(ledger, { bytes: csv, name: 'allocations.csv' });
      expect(first).toMatchObject({ status: 'done', skipped: 0 });
      const position = await ledger.position();
      const second = await imported(ledger, { bytes: csv, name: 'allocations.csv' });
      expect(second).toMatchObject({ status: 'done', done: 2, skipped: 2, position: null });
      expect(await ledger.position()).toBe(position);
    });

    it('answers a retry with the same Idempotency-Key with the same import, and refuses the key for another file', async () => {
      const key = randomUUID();
      const first = await postImport(ledger, { bytes: csv, name: 'allocations.csv', key });
      const retry = await postImport(ledger, { bytes: csv, name: 'allocations.csv', key });
      expect(retry.status).toBe(202);
      expect(retry.body.importId).toBe(first.body.importId);
      const other = await postImport(ledger, { bytes: allocationsCsv([['imp-again-3', '513336', '3.00']]), name: 'allocations.csv', key });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });
  });

  describe('progress', () => {
    it('shows on GET /v1/imports/{id} while the import runs, to its importer and the admin only', async () => {
      const rows = Array.from({ length: 3_000 }, (_, index) => [`imp-p-${index}`, '513336', '1.00'] as const);
      const answer = await postImport(ledger, { bytes: allocationsCsv(rows), name: 'allocations.csv' });
      expect(answer.body).toMatchObject({ status: 'validating', rows: 3_000, done: 0 });
      const seen = await follow(ledger, answer.body.importId);
      const unfinished = seen.filter((status) => status.status === 'validating' || status.status === 'posting');
      expect(unfinished.length).toBeGreaterThan(0);
      expect(unfinished.every((status) => status.done <= status.rows && status.checked <= status.rows)).toBe(true);
      expect(seen.at(-1)).toMatchObject({ status: 'done', done: 3_000, checked: 3_000, decided: 3_000 });
      expect((await ledger.get(`/v1/imports/${answer.body.importId}`, tokens.admin)).status).toBe(200);
      expect((await ledger.get(`/v1/imports/${answer.body.importId}`, tokens.finance341821)).status).toBe(404);
      expect((await ledger.get(`/v1/imports/${answer.body.importId}`)).status).toBe(401);
    });
  });

  describe('a request that is not an import', () => {
    it('refuses a body without a file part', async () => {
      const answer = await ledger.post('/v1/imports', { kind: 'allocations' }, { token: tokens.finance513336 });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'FIELD.REQUIRED' })]);
    });

    it('refuses an unknown kind, and a file name that says none', async () => {
      const unknown = await postImport(ledger, { bytes: allocationsCsv([]), name: 'allocations.csv', kind: 'lottery' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'kind', rule: 'IMPORT.KIND_UNKNOWN' })]);
      expect((await postImport(ledger, { bytes: allocationsCsv([]), name: 'export 2017.csv' })).status).toBe(400);
    });

    it('refuses a header that is not the kind’s columns, naming each column', async () => {
      const answer = await postImport(ledger, { bytes: 'allocationId,county,amount\nx,513336,1.00\n', name: 'allocations.csv' });
      expect(answer.status).toBe(400);
      const rules = (answer.body.errors as { field: string; rule: string }[]).map(({ field, rule }) => [field, rule]);
      expect(rules).toEqual(expect.arrayContaining([['county', 'FIELD.UNKNOWN'], ['countyCode', 'IMPORT.COLUMN_MISSING'], ['documentNo', 'IMPORT.COLUMN_MISSING']]));
    });

    it('refuses a principal whose role may not post the kind, and a request without a token', async () => {
      const inspector = await postImport(ledger, { bytes: allocationsCsv([]), name: 'allocations.csv', token: tokens.inspector51 });
      expect(inspector.status).toBe(403);
      expect(inspector.body.code).toBe('AUTH.FORBIDDEN_ROLE');
      const form = new FormData();
      form.append('file', new Blob(['x']), 'allocations.csv');
      expect((await fetch(`${ledger.url}/v1/imports`, { method: 'POST', headers: { 'idempotency-key': randomUUID() }, body: form })).status).toBe(401);
    });
  });
});
