import { type Answer, LedgerUnderTest, tokens } from './support/ledger-under-test';

/** 乡城县 (513336), its 香巴拉镇 (513336100) and 渔洼仲村 (513336100201); 郎溪县 西郊村 for the other bureau. */
const notices = '/v1/notices';

/** The county's allocations of 2019, disclosed on its website (县级公告). */
const notice = (overrides: Record<string, unknown> = {}) => ({
  noticeId: 'n-county-2019',
  level: 'county',
  regionCode: '513336',
  subject: { kind: 'allocations', countyCode: '513336', fiscalYear: 2019 },
  publishedOn: '2019-04-01',
  postedUntil: '2019-12-31',
  channel: 'web',
  ...overrides,
});

const withdrawal = (overrides: Record<string, unknown> = {}) => ({ on: '2019-04-05', reason: '公示金额有误，更正后重新公示', ...overrides });

describe('notices through HTTP (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;
  beforeAll(async () => (ledger = await LedgerUnderTest.start()));
  afterAll(() => ledger.stop());

  /** Posts, expects the refusal, and that the ledger did not move. */
  async function refused(path: string, body: unknown, status: number, code: string, token: string = tokens.finance513336): Promise<Answer> {
    const before = await ledger.position();
    const answer = await ledger.post(path, body, { token });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(await ledger.position()).toBe(before);
    return answer;
  }

  describe('publishing', () => {
    it('publishes a county notice on its own stream', async () => {
      const answer = await ledger.post(notices, notice(), { token: tokens.finance513336 });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ id: 'n-county-2019', position: 1, streams: [{ stream: 'notice-n-county-2019', revision: 0 }] });
    });

    it.each([
      ['a township notice by its 9 digits', { noticeId: 'n-town', level: 'township', regionCode: '513336100', subject: { kind: 'micro_credit', countyCode: '513336', fiscalYear: 2019 }, channel: 'board' }],
      ['a village board notice of a project', { noticeId: 'n-village', level: 'village', regionCode: '513336100201', subject: { kind: 'project', projectId: 'p-2019-01' }, channel: 'board' }],
      ['a notice of beneficiaries', { noticeId: 'n-benef', level: 'village', regionCode: '513336100201', subject: { kind: 'beneficiaries', projectId: 'p-2019-01' }, channel: 'board' }],
    ])('publishes %s', async (_case, override) => {
      expect((await ledger.post(notices, notice(override), { token: tokens.finance513336 })).status).toBe(201);
    });

    it('lets the 341821 bureau publish in its own village', async () => {
      const override = { noticeId: 'n-langxi', level: 'village', regionCode: '341821001200', subject: { kind: 'project', projectId: 'p-ah-1' }, channel: 'board' };
      expect((await ledger.post(notices, notice(override), { token: tokens.finance341821 })).status).toBe(201);
    });

    it.each([
      ['a level that does not match the region', { level: 'village' }, 'NOTICE.LEVEL_MISMATCH'],
      ['a posting period that ends before it starts', { postedUntil: '2019-03-31' }, 'NOTICE.PERIOD_INVALID'],
      ['a subject of another county', { subject: { kind: 'allocations', countyCode: '341821', fiscalYear: 2019 } }, 'NOTICE.SUBJECT_OUTSIDE_REGION'],
    ])('refuses %s (422), changing nothing', async (_case, override, code) => {
      await refused(notices, notice({ noticeId: 'n-refused', ...override }), 422, code);
    });

    it('refuses a notice id used before (409)', async () => {
      await refused(notices, notice(), 409, 'NOTICE.ALREADY_EXISTS');
    });

    it.each([
      ['level', 'isIn', { level: 'province' }],
      ['channel', 'isIn', { channel: 'radio' }],
      ['regionCode', 'REGION.INVALID', { regionCode: '5133361' }],
      ['publishedOn', 'DATE.INVALID', { publishedOn: '2019-13-01' }],
      ['subject', 'isObject', { subject: undefined }],
      ['subject.kind', 'isIn', { subject: { kind: 'rumour' } }],
      ['subject.projectId', 'FIELD.REQUIRED', { subject: { kind: 'project' } }],
      ['subject.fiscalYear', 'isInt', { subject: { kind: 'allocations', countyCode: '513336' } }],
      ['subject.countyCode', 'REGION.INVALID', { subject: { kind: 'micro_credit', countyCode: '51', fiscalYear: 2019 } }],
      ['subject.surprise', 'FIELD.UNKNOWN', { subject: { kind: 'project', projectId: 'p', surprise: 1 } }],
    ])('names %s with the rule %s (400)', async (field, rule, override) => {
      const answer = await refused(notices, notice({ noticeId: 'n-bad', ...override }), 400, 'VALIDATION.FAILED');
      expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    });

    it('refuses a region that is not in the national set', async () => {
      await refused(notices, notice({ noticeId: 'n-x', regionCode: '513399', subject: { kind: 'allocations', countyCode: '513399', fiscalYear: 2019 } }), 400, 'REGION.UNKNOWN');
    });

    it('refuses another county bureau (403) and an inspector (403)', async () => {
      await refused(notices, notice({ noticeId: 'n-r' }), 403, 'AUTH.FORBIDDEN_REGION', tokens.finance341821);
      await refused(notices, notice({ noticeId: 'n-i' }), 403, 'AUTH.FORBIDDEN_ROLE', tokens.inspector51);
    });

    it('answers a retry with the first answer, and a retried refusal with the same refusal', async () => {
      const body = notice({ noticeId: 'n-retry' });
      const first = await ledger.post(notices, body, { token: tokens.finance513336, key: 'notice-retry' });
      const position = await ledger.position();
      expect(await ledger.post(notices, body, { token: tokens.finance513336, key: 'notice-retry' })).toMatchObject({ status: 201, body: first.body });
      const mismatch = notice({ noticeId: 'n-retry-2', level: 'township' });
      const refusal = await ledger.post(notices, mismatch, { token: tokens.finance513336, key: 'notice-retry-2' });
      expect(await ledger.post(notices, mismatch, { token: tokens.finance513336, key: 'notice-retry-2' })).toMatchObject({ status: 422, body: refusal.body });
      expect(await ledger.position()).toBe(position);
    });
  });

  describe('withdrawal', () => {
    const path = `${notices}/n-county-2019/withdrawal`;

    it.each([
      ['a date before the notice was published', withdrawal({ on: '2019-03-31' }), 'NOTICE.PERIOD_INVALID'],
      ['a reason that carries a phone number', withdrawal({ reason: '请联系 13912345678' }), 'PII.FORBIDDEN'],
    ])('refuses %s (422), changing nothing', async (_case, body, code) => {
      await refused(path, body, 422, code);
    });

    it('refuses another county bureau, which may not take down this county notice', async () => {
      await refused(path, withdrawal(), 403, 'AUTH.FORBIDDEN_REGION', tokens.finance341821);
    });

    it('takes the notice down, once', async () => {
      const answer = await ledger.post(path, withdrawal(), { token: tokens.finance513336 });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ id: 'n-county-2019', streams: [{ stream: 'notice-n-county-2019', revision: 1 }] });
      await refused(path, withdrawal({ on: '2019-04-06' }), 422, 'NOTICE.ALREADY_WITHDRAWN');
    });

    it('answers 404 NOTICE.NOT_FOUND for a notice that does not exist', async () => {
      await refused(`${notices}/no-such-notice/withdrawal`, withdrawal(), 404, 'NOTICE.NOT_FOUND');
    });

    it('names every bad field (400) and refuses an inspector (403)', async () => {
      const answer = await refused(path, { on: '2019/04/05', reason: '' }, 400, 'VALIDATION.FAILED');
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['on', 'reason']));
      await refused(path, withdrawal(), 403, 'AUTH.FORBIDDEN_ROLE', tokens.inspector51);
    });
  });
});
