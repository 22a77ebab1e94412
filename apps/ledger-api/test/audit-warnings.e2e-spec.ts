import { type Answer, LedgerUnderTest, tokens } from './support/ledger-under-test';

const warnings = '/v1/audit/warnings';

/** A village board notice of a project, up from `publishedOn` to `postedUntil`. */
const boardNotice = (noticeId: string, regionCode: string, publishedOn: string, postedUntil: string) => ({
  noticeId,
  level: 'village',
  regionCode,
  subject: { kind: 'project', projectId: `p-${noticeId}` },
  publishedOn,
  postedUntil,
  channel: 'board',
});

const allocation = {
  allocationId: 'alloc-2019-special-01',
  countyCode: '513336',
  fundType: 'special',
  sourceLevel: 'central',
  fiscalYear: 2019,
  amount: '1000000.00',
  documentNo: '川财农〔2019〕12号',
  allocatedOn: '2019-03-01',
};
const receipt = (receiptId: string, number: string, receivedOn: string) => ({ receiptId, amount: '100000.00', receivedOn, voucherNo: `513336-2019-${number}` });

describe('warnings and the inspectors’ workflow through HTTP (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;

  async function created(path: string, body: unknown, token: string, key?: string): Promise<Answer> {
    const answer = await ledger.post(path, body, { token, ...(key === undefined ? {} : { key }) });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 201, code: undefined });
    return answer;
  }

  async function refused(path: string, body: unknown, status: number, code: string, token: string = tokens.inspector51): Promise<void> {
    const before = await ledger.position();
    const answer = await ledger.post(path, body, { token });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(await ledger.position()).toBe(before);
  }

  async function list(query: string, token: string = tokens.inspector51): Promise<Answer> {
    const answer = await ledger.get(`${warnings}${query}`, token);
    expect(answer.status).toBe(200);
    return answer;
  }

  async function only(query: string): Promise<{ id: string; state: string; subject: { id: string } }> {
    const { body } = await list(query);
    expect(body.items).toHaveLength(1);
    return body.items[0];
  }

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    // 乡城县: a board notice up 5 days, and receipts numbered 000001 and 000003 (000002 missing).
    await created('/v1/notices', boardNotice('n-short', '513336100201', '2019-04-01', '2019-04-05'), tokens.finance513336);
    await created('/v1/allocations', allocation, tokens.finance513336);
    await created(`/v1/allocations/${allocation.allocationId}/receipts`, receipt('rc-1', '000001', '2019-03-20'), tokens.finance513336);
    await created(`/v1/allocations/${allocation.allocationId}/receipts`, receipt('rc-3', '000003', '2019-03-22'), tokens.finance513336);
    // 郎溪县 (341821): outside the Sichuan inspector's region.
    await created('/v1/notices', boardNotice('n-langxi', '341821001200', '2019-04-01', '2019-04-03'), tokens.finance341821);
  });
  afterAll(() => ledger.stop());

  describe('reading', () => {
    it('lists the warnings the facts raised, in the inspector’s region only, each with its rule, subject and evidence', async () => {
      const { body } = await list('');
      expect(body.on).toBeNull();
      expect(body.next).toBeNull();
      const byRule = Object.fromEntries(body.items.map((w: { rule: string; subject: { id: string } }) => [w.rule, w.subject.id]));
      expect(byRule).toMatchObject({ 'NOTICE.TOO_SHORT': 'n-short', 'VOUCHER.GAP': '513336-2019-000002' });
      expect(body.items.every((w: { county: string }) => w.county === '513336')).toBe(true);
      const short = body.items.find((w: { rule: string }) => w.rule === 'NOTICE.TOO_SHORT');
      expect(short).toMatchObject({ severity: 'low', state: 'open', region: '513336100201', subject: { stream: 'notice-n-short' }, evidence: [1], raisedOn: '2019-04-01' });
    });

    it('lets an admin see every region, and filters by region prefix, rule, severity and date', async () => {
      const all = await list('', tokens.admin);
      expect(all.body.items.map((w: { subject: { id: string } }) => w.subject.id)).toEqual(expect.arrayContaining(['n-short', 'n-langxi']));
      expect((await list('?region=341821', tokens.admin)).body.items.map((w: { subject: { id: string } }) => w.subject.id)).toEqual(['n-langxi']);
      expect((await only('?rule=VOUCHER.GAP')).subject.id).toBe('513336-2019-000002');
      expect((await list('?region=513336100201&severity=low')).body.items.map((w: { rule: string }) => w.rule)).toEqual(['NOTICE.TOO_SHORT']);
      // As of 2019-03-21 the notice and the second receipt had not happened.
      expect((await list('?on=2019-03-21')).body).toMatchObject({ items: [], on: '2019-03-21' });
    });

    it('pages by id: limit and after', async () => {
      const first = await list('?limit=1');
      expect(first.body.items).toHaveLength(1);
      expect(first.body.next).toBe(first.body.items[0].id);
      const second = await list(`?limit=1&after=${first.body.next}`);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    });

    it('reads one warning by id; 404 for an id no warning has', async () => {
      const gap = await only('?rule=VOUCHER.GAP');
      expect((await ledger.get(`${warnings}/${gap.id}`, tokens.inspector51)).body).toMatchObject({ id: gap.id, rule: 'VOUCHER.GAP', details: { missing: 1 } });
      const missing = await ledger.get(`${warnings}/00000000-0000-5000-8000-000000000000`, tokens.inspector51);
      expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'WARNING.NOT_FOUND' });
    });

    it('refuses a region outside the caller’s, finance, no token, and unknown filters', async () => {
      const langxi = (await list('?region=341821', tokens.admin)).body.items[0];
      expect(await ledger.get(`${warnings}/${langxi.id}`, tokens.inspector51)).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN_REGION' } });
      expect(await ledger.get(`${warnings}?region=341821`, tokens.inspector51)).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN_REGION' } });
      expect(await ledger.get(warnings, tokens.finance513336)).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN_ROLE' } });
      expect(await ledger.get(warnings)).toMatchObject({ status: 401, body: { code: 'AUTH.REQUIRED' } });
      const bad = await ledger.get(`${warnings}?rule=FUNDS.LOST&state=forgotten&limit=0`, tokens.inspector51);
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'rule', 'state']);
    });
  });

  describe('acknowledging and resolving (events on warning-{id})', () => {
    it('acknowledges once, idempotently under the same key', async () => {
      const short = await only('?rule=NOTICE.TOO_SHORT');
      const path = `${warnings}/${short.id}/acknowledgement`;
      const answer = await created(path, { note: '已联系村委会核实公示时间', on: '2019-04-10' }, tokens.inspector51, 'ack-short');
      expect(answer.body).toMatchObject({ id: short.id, streams: [{ stream: `warning-${short.id}`, revision: 0 }] });
      const position = await ledger.position();
      expect(await ledger.post(path, { note: '已联系村委会核实公示时间', on: '2019-04-10' }, { token: tokens.inspector51, key: 'ack-short' })).toMatchObject({ status: 201, body: answer.body });
      expect(await ledger.position()).toBe(position);
      expect((await only('?state=acknowledged')).id).toBe(short.id);
      await refused(path, { note: '再次确认', on: '2019-04-11' }, 422, 'WARNING.ALREADY_ACKNOWLEDGED');
    });

    it('resolves once, with the note on the warning', async () => {
      const short = await only('?rule=NOTICE.TOO_SHORT');
      await created(`${warnings}/${short.id}/resolution`, { note: '已重新张贴满十日', on: '2019-04-20' }, tokens.inspector51);
      expect((await ledger.get(`${warnings}/${short.id}`, tokens.inspector51)).body).toMatchObject({
        state: 'resolved',
        workflow: { acknowledgedOn: '2019-04-10', resolvedOn: '2019-04-20', resolvedNote: '已重新张贴满十日' },
      });
      await refused(`${warnings}/${short.id}/resolution`, { note: '再次处理', on: '2019-04-21' }, 422, 'WARNING.ALREADY_RESOLVED');
    });

    it('answers 404 for a warning that does not exist, and refuses finance, other regions, bad bodies and personal data', async () => {
      await refused(`${warnings}/00000000-0000-5000-8000-000000000000/acknowledgement`, { note: '核实', on: '2019-04-10' }, 404, 'WARNING.NOT_FOUND');
      const gap = await only('?rule=VOUCHER.GAP');
      await refused(`${warnings}/${gap.id}/acknowledgement`, { note: '核实', on: '2019-04-10' }, 403, 'AUTH.FORBIDDEN_ROLE', tokens.finance513336);
      const langxi = (await list('?region=341821', tokens.admin)).body.items[0];
      await refused(`${warnings}/${langxi.id}/acknowledgement`, { note: '核实', on: '2019-04-10' }, 403, 'AUTH.FORBIDDEN_REGION');
      await refused(`${warnings}/${gap.id}/acknowledgement`, { note: '', on: '2019-13-01' }, 400, 'VALIDATION.FAILED');
      await refused(`${warnings}/${gap.id}/acknowledgement`, { note: '举报人电话 13812345678', on: '2019-04-10' }, 422, 'PII.FORBIDDEN');
    });
  });

  describe('rectifying from a warning', () => {
    it('turns the warning to rectifying when an item is opened from it, and resolved when the item is closed (销号)', async () => {
      const gap = await only('?rule=VOUCHER.GAP');
      const task = { taskId: 't-1', description: '查明缺号原因并补登', responsibleUnit: '乡城县财政局', deadline: '2019-06-30' };
      await created('/v1/rectifications', { rectificationId: 'r-gap', regionCode: '513336', problem: '2019年凭证缺号', tasks: [task], fromWarning: gap.id, openedOn: '2019-04-15' }, tokens.inspector51);
      expect((await ledger.get(`${warnings}/${gap.id}`, tokens.inspector51)).body).toMatchObject({ state: 'rectifying', workflow: { rectifications: [{ rectificationId: 'r-gap', status: 'open' }] } });
      expect((await only('?state=rectifying')).id).toBe(gap.id);
      await created('/v1/rectifications/r-gap/tasks/t-1/closure', { evidence: '作废凭证登记簿', on: '2019-05-01' }, tokens.inspector51);
      await created('/v1/rectifications/r-gap/closure', { evidence: '整改办销号意见', on: '2019-05-02' }, tokens.inspector51);
      expect((await ledger.get(`${warnings}/${gap.id}`, tokens.inspector51)).body.state).toBe('resolved');
    });
  });
});
