import { findPersonalData } from '@ledger/domain';
import { LedgerUnderTest, tokens } from './support/ledger-under-test';
import { allocation, created, listing, postCountyStory, story } from './support/county-story';

/**
 * No public answer carries personal data. The county year of test/support/county-story.ts (with
 * household payees, a borrower and register names) is posted, then every public route's output,
 * JSON and CSV, is scanned twice: with the domain's detector (checksums), and with plain regexes
 * written here that know no checksum (so they are stricter, and independent of the code under test).
 */

/** Independent of the domain: any run of digits shaped like an ID number, a mobile number or a card. */
const independent: readonly [string, RegExp][] = [
  ['resident ID', /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/],
  ['mobile phone', /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/],
  ['bank card', /(?<![0-9])[0-9]{16,19}(?![0-9])/],
];

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
  return value === null || value === undefined ? [] : [String(value)];
}

function leaks(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    const kind = findPersonalData(text);
    if (kind !== null) found.push(`${kind} (domain detector)`);
    for (const [name, pattern] of independent) if (pattern.test(text)) found.push(`${name} (independent regex)`);
  }
  return found;
}

describe('the public routes publish no personal data', () => {
  let ledger: LedgerUnderTest;
  /** A valid resident ID (GB 11643 check digit) and a mobile number, planted where the domain does not scan. */
  const residentId = '11010519491231002X';

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    await postCountyStory(ledger);
    // 郎溪县 (341821): a document number is a code, not free text, so the domain lets any string through.
    const finance = tokens.finance341821;
    await created(ledger, '/v1/allocations', { ...allocation('alloc-planted', 'special', 'central', '1000.00'), countyCode: '341821', documentNo: `皖财农〔2024〕${residentId}号` }, finance);
    await created(ledger, '/v1/allocations/alloc-planted/receipts', { receiptId: 'rc-planted', amount: '1000.00', receivedOn: '2024-03-10', voucherNo: '341821-2024-000001' }, finance);
    await created(ledger, '/v1/projects', listing('proj-planted', { villageCode: '341821001200', implementingUnit: '郎溪县农业农村局' }), finance);
    await created(ledger, '/v1/projects/proj-planted/approval', { on: '2024-03-20', documentNo: '郎府发〔2024〕1号' }, finance);
    await created(ledger, '/v1/projects/proj-planted/fundings', { fundingId: 'fund-planted', source: { allocationId: 'alloc-planted' }, amount: '100.00', fundedOn: '2024-03-25' }, finance);
  });
  afterAll(() => ledger.stop());

  const regions = [story.county, story.township, story.otherTownship, story.village, story.otherVillage];
  const paths = regions.flatMap((code) =>
    ['', '/export.json', '/export.csv'].flatMap((suffix) => [`/v1/public/regions/${code}${suffix}`, `/v1/public/regions/${code}${suffix}?fiscalYear=2024`]),
  );

  it('scans every public GET route the OpenAPI document lists', async () => {
    const document = (await ledger.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const publicRoutes = Object.keys(document.paths).filter((path) => path.startsWith('/v1/public/') && 'get' in document.paths[path]!);
    const scanned = new Set([...paths.map((path) => path.split('?')[0]!.replace(/\/regions\/\d+/, '/regions/{code}')), '/v1/public/schemas/disclosure.json']);
    expect(publicRoutes.sort()).toEqual([...scanned].sort());
  });

  it.each([...paths, '/v1/public/schemas/disclosure.json'])('finds no ID, phone or card number in %s', async (path) => {
    const response = await fetch(`${ledger.url}${path}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const texts = path.includes('.csv') ? text.split(/[\r\n,]+/) : stringsOf(JSON.parse(text));
    expect(leaks(texts)).toEqual([]);
    expect(leaks([text])).toEqual([]);
    for (const secret of [...Object.values(story.households), ...Object.values(story.names)]) expect(text).not.toContain(secret);
  });

  it('refuses to serve a view that would publish a planted ID number (500, logged), and serves the others', async () => {
    for (const path of ['/v1/public/regions/341821', '/v1/public/regions/341821/export.csv', '/v1/public/regions/341821001200/export.json']) {
      const response = await fetch(`${ledger.url}${path}`);
      const text = await response.text();
      expect({ path, status: response.status, code: JSON.parse(text).code }).toEqual({ path, status: 500, code: 'INTERNAL' });
      expect(text).not.toContain(residentId);
    }
    expect((await ledger.get(`/v1/public/regions/${story.county}`)).status).toBe(200);
    // The inspectors' routes still show the document as recorded: they are not public.
    const trace = await ledger.get('/v1/audit/trace/allocations/alloc-planted', tokens.admin);
    expect(trace.body.allocation.documentNo).toContain(residentId);
  });

  it.each(regions)('puts into the proof bundle of %s the view exactly as the public route publishes it', async (code) => {
    const [bundle, published] = await Promise.all([fetch(`${ledger.url}/v1/audit/proof-bundles/regions/${code}?fiscalYear=2024`), fetch(`${ledger.url}/v1/public/regions/${code}?fiscalYear=2024`)]);
    expect([bundle.status, published.status]).toEqual([200, 200]);
    const view = ((await bundle.json()) as { view: unknown }).view;
    expect(view).toEqual(await published.json());
    expect(leaks(stringsOf(view))).toEqual([]);
  });

  it('refuses the proof bundle of a view it would refuse to publish', async () => {
    const response = await fetch(`${ledger.url}/v1/audit/proof-bundles/regions/341821`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(residentId);
  });
});
