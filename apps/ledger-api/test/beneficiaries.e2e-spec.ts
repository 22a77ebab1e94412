import { LedgerUnderTest, tokens } from './support/ledger-under-test';

const entry = { householdRef: 'hh-513336-0001', villageCode: '513336100201', headName: '卓玛次仁' };

describe('the beneficiary register, outside the event log (real HTTP)', () => {
  let ledger: LedgerUnderTest;
  beforeAll(async () => (ledger = await LedgerUnderTest.start()));
  afterAll(() => ledger.stop());

  it('records a name without appending any event, and answers without the name', async () => {
    const before = await ledger.position();
    const answer = await ledger.post('/v1/beneficiaries', entry, { token: tokens.finance513336 });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ householdRef: 'hh-513336-0001', villageCode: '513336100201', action: 'recorded' });
    expect(await ledger.position()).toBe(before);
  });

  it('lets the region read and correct it, and refuses another county', async () => {
    expect((await ledger.get('/v1/beneficiaries/hh-513336-0001', tokens.inspector51)).body.headName).toBe('卓玛次仁');
    const corrected = await ledger.post('/v1/beneficiaries', { ...entry, headName: '卓玛次仁珍' }, { token: tokens.finance513336 });
    expect(corrected.body.action).toBe('corrected');
    expect((await ledger.get('/v1/beneficiaries/hh-513336-0001', tokens.finance341821)).body.code).toBe('AUTH.FORBIDDEN_REGION');
    const elsewhere = await ledger.post('/v1/beneficiaries', entry, { token: tokens.finance341821 });
    expect(elsewhere.body.code).toBe('AUTH.FORBIDDEN_REGION');
  });

  it('refuses an ID number in the name field and an unknown village', async () => {
    const withId = await ledger.post('/v1/beneficiaries', { ...entry, headName: '11010519491231002X' }, { token: tokens.finance513336 });
    expect(withId.body.code).toBe('PII.FORBIDDEN');
    const unknown = await ledger.post('/v1/beneficiaries', { ...entry, villageCode: '513336100999' }, { token: tokens.finance513336 });
    expect(unknown.body.code).toBe('REGION.UNKNOWN');
  });

  it('erases on request; the access log keeps who did what, with no name', async () => {
    const erase = await fetch(`${ledger.url}/v1/beneficiaries/hh-513336-0001`, { method: 'DELETE', headers: { Authorization: `Bearer ${tokens.finance513336}` } });
    expect(erase.status).toBe(204);
    expect((await ledger.get('/v1/beneficiaries/hh-513336-0001', tokens.inspector51)).status).toBe(404);
    const log = await ledger.get('/v1/beneficiaries/hh-513336-0001/access-log', tokens.inspector51);
    const actions = log.body.entries.map((e: { action: string; actor: string }) => `${e.actor}:${e.action}`);
    expect(actions).toEqual(expect.arrayContaining(['demo-finance-513336:recorded', 'demo-finance-513336:corrected', 'demo-finance-513336:erased', 'demo-inspector-51:read']));
    expect(JSON.stringify(log.body)).not.toContain('卓玛');
  });
});
