import { LedgerUnderTest, tokens } from './support/ledger-under-test';
import { allocation, created, listing, postCountyStory, story } from './support/county-story';

const fen = (yuan: string): bigint => BigInt(yuan.replace('.', ''));
const sum = (amounts: readonly string[]): bigint => amounts.reduce((total, amount) => total + fen(amount), 0n);

/* Follow the money (inspectors), through real HTTP, over the county year of test/support/county-story.ts. */
describe('GET /v1/audit/trace/…', () => {
  let ledger: LedgerUnderTest;
  const trace = (path: string, token: string = tokens.inspector51) => ledger.get(`/v1/audit/trace/${path}`, token);

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    await postCountyStory(ledger);
    // 郎溪县 (341821): the inspector of 四川 (51) may not trace it.
    const finance = tokens.finance341821;
    await created(ledger, '/v1/allocations', { ...allocation('alloc-langxi', 'special', 'central', '1000.00'), countyCode: '341821' }, finance);
  });
  afterAll(() => ledger.stop());

  it('follows a special allocation to its payee, every figure adding up to the fen', async () => {
    const answer = await trace('allocations/alloc-sp');
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body.allocation).toMatchObject({ allocationId: 'alloc-sp', documentNo: '川财农〔2024〕alloc-sp号', county: '513336' });
    expect(body.summary).toMatchObject({
      allocated: '1000000.00',
      received: '800000.00',
      unreceived: '200000.00',
      unassigned: '400000.00',
      onProjects: { funded: '400000.00', disbursed: '100000.00', reversed: '10000.00', netDisbursed: '90000.00', reimbursed: '90000.00', unspent: '310000.00' },
    });
    expect(body.balances.every((b: { holds: boolean }) => b.holds)).toBe(true);
    const { summary } = body;
    expect(sum([summary.received, summary.unreceived])).toBe(fen(summary.allocated));
    expect(sum([summary.unassigned, summary.inPool, summary.riskFund, summary.clawedBack, summary.onProjects.funded])).toBe(fen(summary.received));
    const line = body.projects[0].lines[0];
    expect(line.disbursements).toEqual([
      expect.objectContaining({ disbursementId: 'disb-road-1', payee: { kind: 'unit', name: '乡城县路桥工程有限公司' }, amount: '100000.00', reversed: '10000.00', reimbursed: '90000.00' }),
    ]);
    expect(body.asOf.position).toBe(await ledger.position());
    expect(answer.headers.get('X-Ledger-Position')).toBe(String(body.asOf.position));
  });

  it('follows an integrated channel through the pool by its share, paid pro rata to the fen', async () => {
    const body = (await trace('allocations/alloc-in2')).body;
    expect(body.pool).toEqual({ pool: '513336-2024', pooled: '200000.00', unpooled: '0.00', drawn: '20000.00', inPool: '180000.00' });
    const line = body.projects[0].lines[0];
    // 2,000, 3,000 and 1,000 paid from a line holding 30,000 and 20,000: two fifths each; 3,000 reversed.
    expect(line.disbursements.map((d: { disbursementId: string; amount: string; reversed: string }) => [d.disbursementId, d.amount, d.reversed])).toEqual([
      ['disb-cattle-1', '800.00', '0.00'],
      ['disb-cattle-2', '1200.00', '1200.00'],
      ['disb-cattle-3', '400.00', '0.00'],
    ]);
    expect(sum(line.disbursements.map((d: { amount: string }) => d.amount))).toBe(fen(line.disbursed));
    expect(line).toMatchObject({ viaPool: true, funded: '20000.00', netDisbursed: '1200.00', unspent: '18800.00' });
  });

  it('tells where a household payment came from: allocations by document, the parts adding up to the payment', async () => {
    const body = (await trace('disbursements/disb-cattle-1')).body;
    expect(body.disbursement).toMatchObject({ projectId: story.cattle, viaPool: true, amount: '2000.00', payee: { kind: 'household', name: story.households.first } });
    expect(body.sources.map((s: { allocationId: string; documentNo: string; amount: string }) => [s.allocationId, s.documentNo, s.amount])).toEqual([
      ['alloc-in1', '川财农〔2024〕alloc-in1号', '1200.00'],
      ['alloc-in2', '川财农〔2024〕alloc-in2号', '800.00'],
    ]);
    expect(sum(body.sources.map((s: { amount: string }) => s.amount))).toBe(fen(body.disbursement.amount));
  });

  it('answers 404 for an allocation or disbursement never made', async () => {
    for (const [path, code] of [
      ['allocations/alloc-none', 'ALLOCATION.NOT_FOUND'],
      ['disbursements/disb-none', 'DISBURSEMENT.NOT_FOUND'],
      ['allocations/bad%20id', 'ALLOCATION.NOT_FOUND'],
    ] as const) {
      const answer = await trace(path);
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 404, code });
    }
  });

  it('is for inspectors within their region only', async () => {
    const finance = await trace('allocations/alloc-sp', tokens.finance513336);
    expect({ status: finance.status, code: finance.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN_ROLE' });
    const elsewhere = await trace('allocations/alloc-langxi');
    expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN_REGION' });
    expect((await trace('allocations/alloc-langxi', tokens.admin)).status).toBe(200);
    expect((await ledger.get('/v1/audit/trace/allocations/alloc-sp')).status).toBe(401);
  });

  it('follows a payment posted a moment ago (inline projection)', async () => {
    await created(ledger, '/v1/projects', listing('proj-late', { listedOn: '2024-06-01' }));
    await created(ledger, '/v1/projects/proj-late/approval', { on: '2024-06-02', documentNo: '乡府发〔2024〕9号' });
    await created(ledger, '/v1/projects/proj-late/fundings', { fundingId: 'fund-late', source: { allocationId: 'alloc-sp' }, amount: '0.03', fundedOn: '2024-06-03' });
    await created(ledger, '/v1/projects/proj-late/disbursements', { disbursementId: 'disb-late', fundingId: 'fund-late', amount: '0.01', payee: '某合作社', voucherNo: '513336-2024-800001', paidOn: '2024-06-04', purpose: '材料款' });
    const body = (await trace('disbursements/disb-late')).body;
    expect(body.sources).toEqual([expect.objectContaining({ allocationId: 'alloc-sp', amount: '0.01' })]);
    expect((await trace('allocations/alloc-sp')).body.summary.unassigned).toBe('399999.97');
  });
});
