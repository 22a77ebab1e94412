import { LedgerUnderTest, tokens } from './support/ledger-under-test';
import { created, listing, postCountyStory, story } from './support/county-story';

/* GET /v1/projects and /v1/projects/{id} through real HTTP, over the county year of test/support/county-story.ts. */
describe('GET /v1/projects/{id} and GET /v1/projects', () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    await postCountyStory(ledger);
  });
  afterAll(() => ledger.stop());

  it('shows a project’s state, notice fields and funding lines down to the allocation documents', async () => {
    const answer = await ledger.get(`/v1/projects/${story.road}`, tokens.finance513336);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      projectId: story.road,
      status: 'completed',
      village: story.village,
      performanceTargets: ['硬化路面 4.2 公里', '受益脱贫人口 312 人'],
      approvalDocumentNo: '乡府发〔2024〕3号',
      dates: { approvedOn: '2024-03-20', startedOn: '2024-04-01', completedOn: '2024-09-01' },
      amounts: { planned: '600000.00', funded: '400000.00', disbursed: '100000.00', reversed: '10000.00', netDisbursed: '90000.00', reimbursed: '90000.00', unspent: '310000.00' },
      investmentCompletion: '0.1500',
    });
    expect(answer.body.fundingLines[0].parts).toEqual([expect.objectContaining({ allocationId: 'alloc-sp', documentNo: '川财农〔2024〕alloc-sp号', funded: '400000.00' })]);
    const position = await ledger.position();
    expect(answer.body.asOf).toEqual({ position, recordedAt: expect.any(String) });
    expect(answer.headers.get('X-Ledger-Position')).toBe(String(position));
    const pool = await ledger.get(`/v1/projects/${story.cattle}`, tokens.inspector51);
    expect(pool.body.fundingLines[0]).toMatchObject({ source: { kind: 'pool', pool: '513336-2024' }, funded: '50000.00', disbursed: '6000.00', reversed: '3000.00' });
  });

  it('reads a project the moment its 201 is answered (projections applied inside the append)', async () => {
    const posted = await created(ledger, '/v1/projects', listing('proj-fresh', { listedOn: '2024-06-01' }));
    const answer = await ledger.get('/v1/projects/proj-fresh', tokens.finance513336);
    expect(answer.body).toMatchObject({ projectId: 'proj-fresh', status: 'listed', lastPosition: posted.body.position });
    expect(answer.body.asOf.position).toBe(posted.body.position);
  });

  it('answers 404 for a project never listed, 403 outside the caller’s region, 401 without a token', async () => {
    const missing = await ledger.get('/v1/projects/proj-none', tokens.inspector51);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'PROJECT.NOT_FOUND' });
    expect((await ledger.get('/v1/projects/not%20an%20id', tokens.inspector51)).status).toBe(404);
    const elsewhere = await ledger.get(`/v1/projects/${story.road}`, tokens.finance341821);
    expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN_REGION' });
    expect((await ledger.get(`/v1/projects/${story.road}`)).status).toBe(401);
  });

  it('lists a region’s projects by status and year, a page at a time', async () => {
    const all = await ledger.get('/v1/projects?region=513336', tokens.inspector51);
    expect(all.body.items.map((p: { projectId: string }) => p.projectId)).toEqual([story.cattle, 'proj-fresh', story.road]);
    expect(all.body.next).toBeNull();
    expect(all.body.asOf.position).toBe(await ledger.position());
    const first = await ledger.get('/v1/projects?region=513336&limit=2', tokens.inspector51);
    expect(first.body.next).toBe('proj-fresh');
    const second = await ledger.get(`/v1/projects?region=513336&limit=2&after=${first.body.next}`, tokens.inspector51);
    expect(second.body.items.map((p: { projectId: string }) => p.projectId)).toEqual([story.road]);
    const completed = await ledger.get('/v1/projects?region=513336&status=completed&fiscalYear=2024', tokens.inspector51);
    expect(completed.body.items.map((p: { projectId: string }) => p.projectId)).toEqual([story.road]);
    const township = await ledger.get(`/v1/projects?region=${story.otherTownship}`, tokens.finance513336);
    expect(township.body.items.map((p: { projectId: string }) => p.projectId)).toEqual([story.cattle]);
  });

  it('defaults to a county principal’s own region, and needs a region from a province-level one', async () => {
    const own = await ledger.get('/v1/projects', tokens.finance513336);
    expect(own.body.items).toHaveLength(3);
    const province = await ledger.get('/v1/projects', tokens.inspector51);
    expect({ status: province.status, code: province.body.code, errors: province.body.errors }).toEqual({
      status: 400,
      code: 'VALIDATION.FAILED',
      errors: [expect.objectContaining({ field: 'region', rule: 'FIELD.REQUIRED' })],
    });
    expect((await ledger.get('/v1/projects?region=341821', tokens.finance341821)).body.items).toEqual([]);
    const elsewhere = await ledger.get('/v1/projects?region=513336', tokens.finance341821);
    expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN_REGION' });
  });

  it.each([
    ['status=finished', 'status', 'isIn'],
    ['limit=0', 'limit', 'LIMIT.INVALID'],
    ['limit=501', 'limit', 'LIMIT.INVALID'],
    ['fiscalYear=1999', 'fiscalYear', 'FISCAL_YEAR.INVALID'],
    ['after=a%20b', 'after', 'FIELD.REQUIRED'],
    ['region=51333', 'region', 'REGION.INVALID'],
    ['page=2', 'page', 'FIELD.UNKNOWN'],
  ])('refuses ?%s with 400 naming %s (%s)', async (query, field, rule) => {
    const answer = await ledger.get(`/v1/projects?region=513336&${query}`, tokens.inspector51);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });
});
