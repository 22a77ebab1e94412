import { disclosureSchema, type JsonSchema } from '../src/disclosure/disclosure.schema';
import { deidentify } from '../src/disclosure/public-view';
import { LedgerUnderTest, tokens } from './support/ledger-under-test';
import { postCountyStory, story } from './support/county-story';

/* 三级公开 through real HTTP, without a token: the views and exports of test/support/county-story.ts. */
describe('GET /v1/public/regions/{code} (three-level disclosure)', () => {
  let ledger: LedgerUnderTest;
  const view = (path: string) => ledger.get(`/v1/public/regions/${path}`);
  const ids = (items: readonly { projectId: string }[]) => items.map((p) => p.projectId);

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    await postCountyStory(ledger);
  });
  afterAll(() => ledger.stop());

  it('shows anyone a county’s project notices with every field of the rule, and the complaint line', async () => {
    const answer = await view(story.county);
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body).toMatchObject({
      region: { code: '513336', name: '乡城县', level: 'county', edition: '2023' },
      fiscalYear: null,
      complaints: { hotline: '12317', text: '全国扶贫监督举报电话 12317' },
    });
    expect(body.asOf.position).toBe(await ledger.position());
    expect(answer.headers.get('X-Ledger-Position')).toBe(String(body.asOf.position));
    expect(ids(body.projects)).toEqual([story.cattle, story.road]);
    const road = body.projects[1];
    expect(road).toEqual({
      projectId: story.road,
      name: '渔洼仲村通村公路硬化',
      status: 'completed',
      fiscalYear: 2024,
      place: { villageCode: story.village, villageName: '渔洼仲村民委员会', townshipCode: story.township, townshipName: '香巴拉镇' },
      content: { category: 'infrastructure', categoryName: '基础设施', targets: ['硬化路面 4.2 公里', '受益脱贫人口 312 人'] },
      subsidyStandard: { plannedInvestment: '600000.00' },
      fundSources: [
        {
          fundingId: 'fund-road',
          kind: 'allocation',
          pool: null,
          fundedOn: '2024-03-25',
          amount: '400000.00',
          sources: [{ allocationId: 'alloc-sp', fundType: 'special', sourceLevel: 'central', fiscalYear: 2024, documentNo: '川财农〔2024〕alloc-sp号', originalChannel: null, partner: null, amount: '400000.00' }],
        },
      ],
      funded: '400000.00',
      period: { listedOn: '2024-03-05', approvedOn: '2024-03-20', startedOn: '2024-04-01', completedOn: '2024-09-01', acceptedOn: null },
      approvalDocumentNo: '乡府发〔2024〕3号',
      implementingUnit: '乡城县交通运输局',
      performanceTargets: ['硬化路面 4.2 公里', '受益脱贫人口 312 人'],
      povertyLinkage: '吸纳脱贫劳动力务工，改善群众出行条件',
      afterCompletion: { completedOn: '2024-09-01', disbursed: '100000.00', reversed: '10000.00', netDisbursed: '90000.00' },
    });
    expect(body.projects[0].fundSources[0]).toMatchObject({ kind: 'pool', pool: '513336-2024', sources: [{ originalChannel: '农业生产发展资金', amount: '30000.00' }, { originalChannel: '林业改革发展资金', amount: '20000.00' }] });
    expect(body.projects[0].afterCompletion).toBeNull();
  });

  it('de-identifies loans and household lists: masked references, second character of names masked, nothing else of a person', async () => {
    const body = (await view(story.county)).body;
    expect(body.microCredit.loans).toEqual([
      {
        household: 'hh-513336-****',
        maskedName: '张*丰',
        villageCode: story.village,
        villageName: '渔洼仲村民委员会',
        use: '牦牛养殖',
        amount: '50000.00',
        termMonths: 12,
        annualRate: '0.0300',
        issuedOn: '2024-04-01',
        renewedOn: null,
        lender: '乡城县农村信用合作联社',
      },
    ]);
    // 0001 was paid 2,000 + 1,000; 0002's 3,000 was reversed whole, so 0002 is not on the list.
    expect(body.beneficiaries).toEqual([
      {
        projectId: story.cattle,
        projectName: '牦牛养殖到户补助',
        villageCode: story.otherVillage,
        villageName: '热宫村民委员会',
        households: [{ household: 'hh-513336-****', maskedName: '卓*次仁', villageCode: story.otherVillage, amount: '3000.00', payments: 2 }],
      },
    ]);
    const text = JSON.stringify(body);
    for (const secret of [story.households.first, story.households.second, story.households.borrower, story.names.first, story.names.borrower]) expect(text).not.toContain(secret);
  });

  it('lists the notices posted in the region: level, dates, days posted, channel', async () => {
    const county = (await view(story.county)).body.notices;
    expect(county.map((n: { noticeId: string }) => n.noticeId)).toEqual(['n-alloc', 'n-cattle', 'n-road']);
    expect(county[2]).toEqual({
      noticeId: 'n-road',
      level: 'village',
      regionCode: story.village,
      regionName: '渔洼仲村民委员会',
      subject: { kind: 'project', projectId: story.road, fiscalYear: null },
      channel: 'board',
      publishedOn: '2024-03-22',
      postedUntil: '2024-04-05',
      postedDays: 15,
      withdrawnOn: null,
    });
  });

  it('narrows to a township (9 digits) or a village (12) by the length of the code, and to a fiscal year', async () => {
    const township = (await view(story.otherTownship)).body;
    expect(township.region).toMatchObject({ code: story.otherTownship, name: '青德镇', level: 'township' });
    expect(ids(township.projects)).toEqual([story.cattle]);
    expect(township.microCredit.loans).toEqual([]);
    const village = (await view(story.village)).body;
    expect(village.region.level).toBe('village');
    expect(ids(village.projects)).toEqual([story.road]);
    expect(village.notices.map((n: { noticeId: string }) => n.noticeId)).toEqual(['n-road']);
    expect(village.complaints.hotline).toBe('12317');
    const other = (await view(`${story.county}?fiscalYear=2023`)).body;
    expect([other.fiscalYear, other.projects, other.microCredit.loans, other.beneficiaries, other.notices]).toEqual([2023, [], [], [], []]);
  });

  it.each([
    ['5133', 400, 'VALIDATION.FAILED'],
    ['51333610', 400, 'VALIDATION.FAILED'],
    ['513336?fiscalYear=24', 400, 'VALIDATION.FAILED'],
    ['513336?token=x', 400, 'VALIDATION.FAILED'],
    ['513336100999', 404, 'REGION.NOT_FOUND'],
    ['513336/export.xml', 404, 'ROUTE.NOT_FOUND'],
  ])('answers %s with %i %s', async (path, status, code) => {
    const answer = await view(path);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
  });

  it('exports CSV in UTF-8 with a BOM, as a named attachment Excel and WPS open', async () => {
    const response = await fetch(`${ledger.url}/v1/public/regions/${story.county}/export.csv?fiscalYear=2024`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toContain('attachment; filename="disclosure-513336-2024.csv"');
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe('513336-乡城县-三级公开-2024.csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    expect(text).toContain('# 项目公示 projects');
    expect(text).toContain('proj-road,渔洼仲村通村公路硬化,completed,2024');
    expect(text).toContain('hh-513336-****,张*丰,513336100201');
    expect(text).toContain('全国扶贫监督举报电话 12317');
    expect(response.headers.get('x-ledger-position')).toBe(String(await ledger.position()));
  });

  it('exports JSON that points to its published schema and conforms to it', async () => {
    const response = await fetch(`${ledger.url}/v1/public/regions/${story.county}/export.json`);
    expect(response.headers.get('content-disposition')).toContain('filename="disclosure-513336.json"');
    const body = (await response.json()) as Record<string, unknown> & { $schema: string };
    expect(body.$schema).toBe(`${ledger.url}/v1/public/schemas/disclosure.json`);
    const schema = await fetch(body.$schema);
    expect(schema.headers.get('content-type')).toContain('application/schema+json');
    const published = (await schema.json()) as JsonSchema;
    expect(published).toEqual(JSON.parse(JSON.stringify(disclosureSchema)));
    // Rebuilding the export from the schema (closed objects, typed values) changes nothing: it conforms.
    expect(deidentify(published, body)).toEqual(body);
    expect(body).toEqual((await view(story.county)).body);
  });

  it('needs no token, and ignores one', async () => {
    expect((await ledger.get(`/v1/public/regions/${story.county}`, tokens.finance341821)).status).toBe(200);
  });
});
