import { type Answer, LedgerUnderTest, tokens } from './support/ledger-under-test';
import { created, postCountyStory, story } from './support/county-story';

/*
 * GET /v1/metrics through real HTTP over a real SQLite file: the county year of test/support/
 * county-story.ts, projected inline as it is posted. Tests run in order (the as-of tests append).
 */
describe('GET /v1/metrics', () => {
  let ledger: LedgerUnderTest;
  const metrics = (query: string, token: string = tokens.inspector51): Promise<Answer> => ledger.get(`/v1/metrics?${query}`, token);

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    await postCountyStory(ledger);
  });
  afterAll(() => ledger.stop());

  it('answers a county year with the binding names, the base of every rate, and the position it reflects', async () => {
    const answer = await metrics('region=513336&fiscalYear=2024');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(expect.arrayContaining(['region', 'level', 'fiscalYear', 'fundType', 'sourceLevel', 'asOf', 'amounts', 'projects', 'rates', 'base']));
    expect(answer.body).toMatchObject({ region: '513336', level: 'county', fiscalYear: 2024, fundType: null, sourceLevel: null });
    expect(answer.body.amounts).toEqual({
      allocated: '1600000.00',
      received: '1400000.00',
      assigned: '500000.00', // lines 400,000 + 50,000, risk fund 50,000
      disbursed: '106000.00', // gross
      reversed: '13000.00',
      reimbursed: '90000.00',
    });
    expect(answer.body.projects).toEqual({ approved: 2, started: 1, completed: 1 });
    expect(answer.body.rates).toMatchObject({
      receivedRate: '0.8750',
      disbursementRate: '0.0664', // 93,000 / 1,400,000
      spendingProgress: '0.0581', // 93,000 / 1,600,000 = 0.058125
      reimbursementRate: '0.0643',
      projectStartRate: '0.5000',
      projectCompletionRate: '0.5000',
      microCreditLeverage: '1.0000',
    });
    expect(answer.body.base.disbursementRate).toBe('(disbursed − reversed) / received');
    const position = await ledger.position();
    expect(answer.body.asOf).toEqual({ position, recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) });
    expect(answer.headers.get('X-Ledger-Position')).toBe(String(position));
  });

  it('filters by fund type and source level, gives a township no allocation figures, and null rates over a zero base', async () => {
    const integrated = await metrics('region=513336&fundType=integrated&sourceLevel=provincial');
    // The pool line pays 2/5 provincial: 800 + 1,200 (reversed later) + 400.
    expect(integrated.body.amounts).toMatchObject({ allocated: '200000.00', assigned: '20000.00', disbursed: '2400.00', reversed: '1200.00' });
    const township = await metrics(`region=${story.township}`, tokens.finance513336);
    expect(township.body).toMatchObject({ level: 'township', amounts: { allocated: null, received: null, disbursed: '100000.00' }, rates: { receivedRate: null } });
    const empty = await metrics('region=513336&fiscalYear=2019');
    expect(Object.values(empty.body.rates).every((rate) => rate === null)).toBe(true);
  });

  it('counts only facts dated on or before `until` (as of a business date)', async () => {
    const march = await metrics('region=513336&until=2024-03-15');
    expect(march.body.until).toBe('2024-03-15');
    expect(march.body.amounts).toMatchObject({ received: '1400000.00', disbursed: '0.00' });
    expect(march.body.projects).toEqual({ approved: 0, started: 0, completed: 0 });
  });

  it('refuses a caller without a token, outside its region, or not allowed to read', async () => {
    expect((await ledger.get('/v1/metrics?region=513336')).status).toBe(401);
    const elsewhere = await metrics('region=513336', tokens.finance341821);
    expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN_REGION' });
    expect((await metrics('region=341821', tokens.finance341821)).status).toBe(200);
  });

  it.each([
    ['', 'region', 'REGION.INVALID'],
    ['region=5133', 'region', 'REGION.INVALID'],
    ['region=513336&fiscalYear=24', 'fiscalYear', 'FISCAL_YEAR.INVALID'],
    ['region=513336&fundType=lottery', 'fundType', 'FUND_TYPE.UNKNOWN'],
    ['region=513336&sourceLevel=village', 'sourceLevel', 'SOURCE_LEVEL.UNKNOWN'],
    ['region=513336&until=2024-02-30', 'until', 'DATE.INVALID'],
    ['region=513336&asOf=2024-04-01T12:00:00', 'asOf', 'ASOF.INVALID'],
    ['region=513336&asOf=2024-04-01', 'asOf', 'ASOF.INVALID'],
    ['region=513336&asOfPosition=-1', 'asOfPosition', 'ASOF_POSITION.INVALID'],
    ['region=513336&asOfPosition=99999999', 'asOfPosition', 'ASOF_POSITION.BEYOND_LOG'],
    ['region=513336&asOfPosition=1&asOf=2024-04-01T00:00:00Z', 'asOfPosition', 'ASOF.CONFLICT'],
    ['region=513336&foo=1', 'foo', 'FIELD.UNKNOWN'],
    ['region=513336&region=513336', 'region', 'REGION.INVALID'],
  ])('refuses ?%s with 400 naming %s (%s)', async (query, field, rule) => {
    const answer = await metrics(query);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  describe('as the ledger knew it (recording time)', () => {
    let before: Answer;
    let position: number;
    let moment: Date;

    beforeAll(async () => {
      position = await ledger.position();
      before = await metrics(`region=513336&asOfPosition=${position}`);
      await new Promise((done) => setTimeout(done, 5));
      moment = new Date();
      await new Promise((done) => setTimeout(done, 5));
      // Later facts, one of them dated in the past (a late receipt of March).
      await created(ledger, '/v1/allocations/alloc-sp/receipts', { receiptId: 'rc-late', amount: '100000.00', receivedOn: '2024-03-11', voucherNo: '513336-2024-900001' });
    });

    it('gives the same figures for a past position after later events arrived', async () => {
      const after = await metrics(`region=513336&asOfPosition=${position}`);
      expect(after.body).toEqual(before.body);
      expect(after.headers.get('X-Ledger-Position')).toBe(String(position));
      expect((await metrics('region=513336')).body.amounts.received).toBe('1500000.00');
    });

    it('maps an RFC 3339 moment, in any offset, to the last position recorded by then', async () => {
      const utc = await metrics(`region=513336&asOf=${moment.toISOString()}`);
      expect(utc.body).toEqual(before.body);
      const beijing = new Date(moment.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
      expect((await metrics(`region=513336&asOf=${encodeURIComponent(beijing)}`)).body).toEqual(before.body);
      // An unescaped '+' arrives as a space: still the same moment.
      expect((await metrics(`region=513336&asOf=${beijing}`)).body).toEqual(before.body);
    });

    it('never confuses the two: a past business date counts the late receipt now, not then', async () => {
      const nowUntilMarch = await metrics('region=513336&until=2024-03-15');
      expect(nowUntilMarch.body.amounts.received).toBe('1500000.00');
      const thenUntilMarch = await metrics(`region=513336&until=2024-03-15&asOfPosition=${position}`);
      expect(thenUntilMarch.body.amounts.received).toBe('1400000.00');
    });

    it('answers position 0 (before the first event) with zeros and no recording time', async () => {
      const origin = await metrics('region=513336&asOf=2000-01-01T00:00:00Z');
      expect(origin.body.asOf).toEqual({ position: 0, recordedAt: null });
      expect(origin.body.amounts.allocated).toBe('0.00');
    });
  });
});
