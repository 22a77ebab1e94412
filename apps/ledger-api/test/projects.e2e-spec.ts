import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteFileName } from '@ledger/event-store';
import { chinaDateAt } from '../src/projects/listing-date';
import { type Answer, LedgerUnderTest, tokens } from './support/ledger-under-test';

/*
 * The project routes through real HTTP, as one story of 乡城县 (513336) in 2024: a road project in
 * 渔洼仲村 (香巴拉镇) funded from a special allocation and from the county's integrated pool, paid,
 * corrected, settled, built and accepted. 郎溪县 (341821) is the other county. Tests run in order.
 */

const xiangcheng = { county: '513336', village: '513336100201', otherVillage: '513336101206', unknownVillage: '513336100999' };
const langxi = { county: '341821', village: '341821001200' };

const asFinance = { token: tokens.finance513336 };
const asOtherCounty = { token: tokens.finance341821 };
const asAdmin = { token: tokens.admin };

const road = 'proj-road-2024';
const undated = 'proj-undated-2024';
const langxiProject = 'proj-langxi-2024';

/** Each voucher number once per county and year; the receipt's is the one reused on purpose. */
let vouchersUsed = 0;
const receiptVoucher = '513336-2024-R00001';
const voucher = (county = xiangcheng.county) => `${county}-2024-${String(++vouchersUsed).padStart(6, '0')}`;

/** A mobile number: personal data the domain refuses in any free text. */
const mobile = '13912345678';

const listing = (overrides: Record<string, unknown> = {}) => ({
  projectId: road,
  name: '渔洼仲村通村公路硬化',
  category: 'infrastructure',
  villageCode: xiangcheng.village,
  fiscalYear: 2024,
  plannedInvestment: '600000.00',
  implementingUnit: '乡城县交通运输局',
  performanceTargets: ['硬化路面 4.2 公里', '受益脱贫人口 312 人'],
  povertyLinkage: '吸纳脱贫劳动力务工，改善群众出行条件',
  householdLevel: false,
  listedOn: '2024-03-25',
  ...overrides,
});

const disbursement = (overrides: Record<string, unknown> = {}) => ({
  disbursementId: 'disb-road-1',
  fundingId: 'fund-road-alloc',
  amount: '100000.00',
  payee: '乡城县交通运输局',
  voucherNo: voucher(),
  paidOn: '2024-05-01',
  purpose: '通村公路路基工程进度款',
  ...overrides,
});

describe('project routes through HTTP (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;

  /** Posts and expects 201. */
  async function created(path: string, body: unknown, options: { token?: string; key?: string } = asFinance): Promise<Answer> {
    const answer = await ledger.post(path, body, options);
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: 201, code: undefined });
    return answer;
  }

  /** Posts, expects the refusal, and that the ledger's position did not move. */
  async function refused(path: string, body: unknown, status: number, code: string, options: { token?: string; key?: string } = asFinance): Promise<Answer> {
    const before = await ledger.position();
    const answer = await ledger.post(path, body, options);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(await ledger.position()).toBe(before);
    return answer;
  }

  /** 400 VALIDATION.FAILED naming `field` under `rule`, nothing appended. */
  async function invalid(path: string, body: unknown, field: string, rule: string): Promise<void> {
    const answer = await refused(path, body, 400, 'VALIDATION.FAILED');
    expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  }

  /** The audit routes come later: the store's file is read directly. */
  function storedData(stream: string, type: string): Array<Record<string, unknown>> {
    const db = new Database(join(ledger.dataDir, sqliteFileName), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT data FROM events WHERE stream = ? AND type = ? ORDER BY revision').all(stream, type) as Array<{ data: string }>;
      return rows.map((row) => JSON.parse(row.data) as Record<string, unknown>);
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    const allocation = { sourceLevel: 'central', fiscalYear: 2024, documentNo: '川财农〔2024〕12号', allocatedOn: '2024-03-01' };
    // Special funds, 800,000 received: funds projects directly.
    await created('/v1/allocations', { ...allocation, allocationId: 'alloc-special', countyCode: xiangcheng.county, fundType: 'special', amount: '1000000.00' });
    await created('/v1/allocations/alloc-special/receipts', { receiptId: 'rcpt-special', amount: '800000.00', receivedOn: '2024-03-20', voucherNo: receiptVoucher });
    // Integrated funds, 500,000 received: they go on into the pool of 513336 for 2024.
    const integrated = { ...allocation, allocationId: 'alloc-integrated', countyCode: xiangcheng.county, fundType: 'integrated', amount: '500000.00', channel: '农业生产发展资金' };
    await created('/v1/allocations', integrated);
    await created('/v1/allocations/alloc-integrated/receipts', { receiptId: 'rcpt-integrated', amount: '500000.00', receivedOn: '2024-03-20', voucherNo: voucher() });
    // The other county, with a project of its own, funded and paid.
    await created('/v1/allocations', { ...allocation, allocationId: 'alloc-langxi', countyCode: langxi.county, fundType: 'special', amount: '100000.00' }, asOtherCounty);
    await created('/v1/allocations/alloc-langxi/receipts', { receiptId: 'rcpt-langxi', amount: '100000.00', receivedOn: '2024-03-20', voucherNo: voucher(langxi.county) }, asOtherCounty);
    await created('/v1/projects', listing({ projectId: langxiProject, villageCode: langxi.village, implementingUnit: '郎溪县农业农村局' }), asOtherCounty);
    await created(`/v1/projects/${langxiProject}/approval`, { on: '2024-04-01', documentNo: '郎财农〔2024〕3号' }, asOtherCounty);
    const langxiFunding = { fundingId: 'fund-langxi', source: { allocationId: 'alloc-langxi' }, amount: '50000.00', fundedOn: '2024-04-10' };
    await created(`/v1/projects/${langxiProject}/fundings`, langxiFunding, asOtherCounty);
    const langxiPayment = disbursement({ disbursementId: 'disb-langxi', fundingId: 'fund-langxi', amount: '10000.00', voucherNo: voucher(langxi.county), payee: '郎溪县某建设公司' });
    await created(`/v1/projects/${langxiProject}/disbursements`, langxiPayment, asOtherCounty);
  });
  afterAll(() => ledger.stop());

  describe('POST /v1/projects (入库)', () => {
    it('lists a project in a village of 乡城县: 201 with the id, the position and the project stream', async () => {
      const answer = await created('/v1/projects', listing());
      expect(answer.body).toEqual({ id: road, position: await ledger.position(), streams: [{ stream: `project-${road}`, revision: 0 }] });
      expect(storedData(`project-${road}`, 'ProjectListed')[0]).toMatchObject({ villageCode: xiangcheng.village, county: xiangcheng.county, listedOn: '2024-03-25' });
    });

    it('dates a listing sent without listedOn with the day in China the ledger received it', async () => {
      const { listedOn: _dated, ...undatedListing } = listing({ projectId: undated, villageCode: xiangcheng.otherVillage });
      const before = chinaDateAt(new Date());
      await created('/v1/projects', undatedListing);
      const after = chinaDateAt(new Date());
      expect([before, after]).toContain(storedData(`project-${undated}`, 'ProjectListed')[0]?.listedOn);
    });

    it.each([
      ['villageCode', { villageCode: xiangcheng.county }, 'REGION.INVALID'],
      ['villageCode', { villageCode: '513336100000' }, 'REGION.INVALID'],
      ['plannedInvestment', { plannedInvestment: 600000 }, 'MONEY.INVALID'],
      ['plannedInvestment', { plannedInvestment: '1.005' }, 'MONEY.INVALID'],
      ['listedOn', { listedOn: '2024-02-30' }, 'DATE.INVALID'],
      ['projectId', { projectId: 'has space' }, 'FIELD.REQUIRED'],
      ['fiscalYear', { fiscalYear: '2024' }, 'isInt'],
      ['category', { category: 'lottery' }, 'isIn'],
      ['householdLevel', { householdLevel: 'yes' }, 'isBoolean'],
      ['performanceTargets', { performanceTargets: '硬化路面' }, 'isArray'],
      ['surprise', { surprise: true }, 'FIELD.UNKNOWN'],
    ])('answers 400 naming %s when it is %p', async (field, override, rule) => {
      await invalid('/v1/projects', listing({ projectId: 'proj-bad', ...override }), field, rule);
    });

    it('names every bad field in one answer', async () => {
      const answer = await refused('/v1/projects', listing({ projectId: 'proj-bad', villageCode: '51', plannedInvestment: '-1', listedOn: 'today' }), 400, 'VALIDATION.FAILED');
      expect(answer.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['listedOn', 'plannedInvestment', 'villageCode']);
    });

    it('answers 400 REGION.UNKNOWN for a well-formed village code not in the national set', async () => {
      const answer = await refused('/v1/projects', listing({ projectId: 'proj-nowhere', villageCode: xiangcheng.unknownVillage }), 400, 'REGION.UNKNOWN');
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'villageCode', rule: 'REGION.UNKNOWN' })]);
    });

    it('refuses a bureau listing in another county (403), an inspector (403) and an anonymous caller (401)', async () => {
      await refused('/v1/projects', listing({ projectId: 'proj-x' }), 403, 'AUTH.FORBIDDEN_REGION', asOtherCounty);
      await refused('/v1/projects', listing({ projectId: 'proj-x', villageCode: langxi.village }), 403, 'AUTH.FORBIDDEN_REGION');
      await refused('/v1/projects', listing({ projectId: 'proj-x' }), 403, 'AUTH.FORBIDDEN_ROLE', { token: tokens.inspector51 });
      await refused('/v1/projects', listing({ projectId: 'proj-x' }), 401, 'AUTH.REQUIRED', {});
    });

    it('refuses a second listing under the same id with 409 PROJECT.ALREADY_EXISTS', async () => {
      await refused('/v1/projects', listing({ name: '另一个项目' }), 409, 'PROJECT.ALREADY_EXISTS');
    });

    it('refuses a project without performance targets (422 PROJECT.TARGETS_REQUIRED)', async () => {
      await refused('/v1/projects', listing({ projectId: 'proj-no-targets', performanceTargets: [] }), 422, 'PROJECT.TARGETS_REQUIRED');
    });

    it('refuses personal data in free text with 422 PII.FORBIDDEN naming the field', async () => {
      const answer = await refused('/v1/projects', listing({ projectId: 'proj-pii', povertyLinkage: `联系人 ${mobile}` }), 422, 'PII.FORBIDDEN');
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'povertyLinkage', rule: 'PII.FORBIDDEN' })]);
    });

    it('answers a retry with the first answer and appends nothing', async () => {
      const body = listing({ projectId: 'proj-retry', villageCode: xiangcheng.otherVillage });
      const first = await created('/v1/projects', body, { ...asFinance, key: 'list-retry' });
      const position = await ledger.position();
      const again = await ledger.post('/v1/projects', body, { ...asFinance, key: 'list-retry' });
      expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
      expect(await ledger.position()).toBe(position);
    });
  });

  describe('POST /v1/projects/{id}/approval (批复)', () => {
    const path = `/v1/projects/${road}/approval`;

    it('approves the listed project', async () => {
      const answer = await created(path, { on: '2024-04-01', documentNo: '乡发改〔2024〕21号' });
      expect(answer.body.streams).toEqual([{ stream: `project-${road}`, revision: 1 }]);
    });

    it('refuses a second approval with 422 PROJECT.ALREADY_APPROVED', async () => {
      await refused(path, { on: '2024-04-02', documentNo: '乡发改〔2024〕22号' }, 422, 'PROJECT.ALREADY_APPROVED');
    });

    it('answers 400 for a bad date or a missing document number', async () => {
      await invalid(path, { on: '2024-13-01', documentNo: 'x' }, 'on', 'DATE.INVALID');
      await invalid(path, { on: '2024-04-01' }, 'documentNo', 'isString');
    });
  });

  describe('POST /v1/projects/{id}/amendments (调整)', () => {
    const path = `/v1/projects/${road}/amendments`;

    it('records the facts that change, with what they were', async () => {
      await created(path, { plannedInvestment: '650000.00', name: '渔洼仲村通村公路硬化', reason: '设计变更增加错车道', on: '2024-04-05' });
      const [amended] = storedData(`project-${road}`, 'ProjectAmended');
      expect(amended).toMatchObject({ before: { plannedInvestment: '600000.00' }, after: { plannedInvestment: '650000.00' }, amendedOn: '2024-04-05' });
      expect(Object.keys(amended?.after as object)).toEqual(['plannedInvestment']);
    });

    it('refuses an amendment that changes nothing (422 PROJECT.NOTHING_TO_AMEND)', async () => {
      await refused(path, { plannedInvestment: '650000.00', reason: '复核', on: '2024-04-06' }, 422, 'PROJECT.NOTHING_TO_AMEND');
      await refused(path, { reason: '复核', on: '2024-04-06' }, 422, 'PROJECT.NOTHING_TO_AMEND');
    });

    it('refuses personal data in the reason (422 PII.FORBIDDEN)', async () => {
      const answer = await refused(path, { name: '新名称', reason: `联系 ${mobile}`, on: '2024-04-06' }, 422, 'PII.FORBIDDEN');
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    });

    it.each([
      ['villageCode', { villageCode: xiangcheng.otherVillage }, 'FIELD.UNKNOWN'],
      ['plannedInvestment', { plannedInvestment: '1.234' }, 'MONEY.INVALID'],
      ['name', { name: null }, 'isString'],
      ['on', { on: '2024-4-6' }, 'DATE.INVALID'],
    ])('answers 400 naming %s when it is %p', async (field, override, rule) => {
      await invalid(path, { reason: '复核', on: '2024-04-06', ...override }, field, rule);
    });
  });

  describe('POST /v1/projects/{id}/fundings (资金围绕项目转)', () => {
    const path = `/v1/projects/${road}/fundings`;
    const funding = (overrides: Record<string, unknown> = {}) => ({ fundingId: 'fund-road-alloc', source: { allocationId: 'alloc-special' }, amount: '300000.00', fundedOn: '2024-04-10', ...overrides });
    const fromPool = (overrides: Record<string, unknown> = {}) => ({ fundingId: 'fund-road-pool', source: { pool: { countyCode: xiangcheng.county, fiscalYear: 2024 } }, amount: '200000.00', fundedOn: '2024-04-10', ...overrides });

    it('funds the project from an allocation: the money leaves the allocation and enters the project in one write', async () => {
      const answer = await created(path, funding());
      expect(answer.body).toMatchObject({ id: 'fund-road-alloc', streams: [{ stream: 'allocation-alloc-special', revision: 2 }, { stream: `project-${road}`, revision: 3 }] });
    });

    it('funds the project from the county pool of its year', async () => {
      const answer = await created(path, fromPool());
      expect(answer.body.streams).toEqual([{ stream: 'pool-513336-2024', revision: 1 }, { stream: `project-${road}`, revision: 4 }]);
      expect(storedData(`project-${road}`, 'ProjectFunded')[1]).toMatchObject({ source: { kind: 'pool', county: xiangcheng.county, fiscalYear: 2024 } });
    });

    it.each([
      ['an unapproved project', `/v1/projects/${undated}/fundings`, funding({ fundingId: 'fund-u' }), 'PROJECT.NOT_APPROVED'],
      ['a date before the approval', path, funding({ fundingId: 'fund-early', fundedOn: '2024-03-30' }), 'PROJECT.NOT_APPROVED'],
      ['more than the allocation has unassigned', path, funding({ fundingId: 'fund-big', amount: '500000.01' }), 'ALLOCATION.ASSIGNMENT_EXCEEDS_AVAILABLE'],
      ['more than the pool holds', path, fromPool({ fundingId: 'fund-big', amount: '300000.01' }), 'POOL.FUNDING_EXCEEDS_AVAILABLE'],
      ['the pool of another year', path, fromPool({ fundingId: 'fund-2023', source: { pool: { countyCode: xiangcheng.county, fiscalYear: 2023 } } }), 'POOL.YEAR_MISMATCH'],
      ['an allocation that does not exist (its id is in the body)', path, funding({ fundingId: 'fund-x', source: { allocationId: 'alloc-missing' } }), 'ALLOCATION.NOT_FOUND'],
      ['integrated money outside the pool', path, funding({ fundingId: 'fund-x', source: { allocationId: 'alloc-integrated' } }), 'ALLOCATION.WRONG_FUND_TYPE'],
    ])('refuses %s with 422 and changes nothing', async (_case, route, body, code) => {
      await refused(route, body, 422, code);
    });

    it('refuses a funding id already used, in this project or another one (409 FUNDING.ALREADY_EXISTS)', async () => {
      await refused(path, funding({ amount: '1.00' }), 409, 'FUNDING.ALREADY_EXISTS');
      const answer = await refused(path, funding({ fundingId: 'fund-langxi', amount: '1.00' }), 409, 'FUNDING.ALREADY_EXISTS');
      expect(answer.body.detail).not.toContain(langxiProject);
    });

    it('needs access to the allocation county too: 403 for another county allocation, 422 ALLOCATION.REGION_MISMATCH for the admin', async () => {
      await refused(path, funding({ fundingId: 'fund-x', source: { allocationId: 'alloc-langxi' } }), 403, 'AUTH.FORBIDDEN_REGION');
      await refused(path, funding({ fundingId: 'fund-x', source: { allocationId: 'alloc-langxi' } }), 422, 'ALLOCATION.REGION_MISMATCH', asAdmin);
    });

    it('answers 400 REGION.UNKNOWN for a pool county not in the national set', async () => {
      await refused(path, fromPool({ fundingId: 'fund-x', source: { pool: { countyCode: '513399', fiscalYear: 2024 } } }), 400, 'REGION.UNKNOWN');
    });

    it.each([
      ['source', { source: { allocationId: 'alloc-special', pool: { countyCode: xiangcheng.county, fiscalYear: 2024 } } }, 'FIELD.REQUIRED'],
      ['source', { source: {} }, 'FIELD.REQUIRED'],
      ['source', { source: 'alloc-special' }, 'isObject'],
      ['source.allocationId', { source: { allocationId: 'alloc special' } }, 'FIELD.REQUIRED'],
      ['source.pool.countyCode', { source: { pool: { countyCode: '5133', fiscalYear: 2024 } } }, 'REGION.INVALID'],
      ['source.pool.channel', { source: { pool: { countyCode: xiangcheng.county, fiscalYear: 2024, channel: 'x' } } }, 'FIELD.UNKNOWN'],
      ['amount', { amount: '-1.00' }, 'MONEY.INVALID'],
      ['fundedOn', { fundedOn: '20240410' }, 'DATE.INVALID'],
    ])('answers 400 naming %s when it is %p', async (field, override, rule) => {
      await invalid(path, funding({ fundingId: 'fund-bad', ...override }), field, rule);
    });
  });

  describe('POST /v1/projects/{id}/disbursements (拨付)', () => {
    const path = `/v1/projects/${road}/disbursements`;

    it('pays a unit against a voucher: the project and the county voucher book in one write', async () => {
      const answer = await created(path, disbursement());
      expect(answer.body).toMatchObject({ id: 'disb-road-1', streams: [{ stream: `project-${road}`, revision: 5 }, { stream: 'voucherbook-513336-2024', revision: 2 }] });
      expect(storedData(`project-${road}`, 'FundsDisbursed')[0]?.payee).toEqual({ kind: 'unit', name: '乡城县交通运输局' });
    });

    it('pays a household named by its reference only', async () => {
      await created(path, disbursement({ disbursementId: 'disb-road-hh', fundingId: 'fund-road-pool', amount: '5000.00', payee: { householdRef: 'hh-513336-0001' }, purpose: '务工补助' }));
      expect(storedData(`project-${road}`, 'FundsDisbursed')[1]?.payee).toEqual({ kind: 'household', householdRef: 'hh-513336-0001' });
    });

    it.each([
      ['a funding the project does not have (its id is in the body: 422, not 404)', { fundingId: 'fund-missing' }, 'FUNDING.NOT_FOUND'],
      ['more than the funding line has available', { amount: '200000.01' }, 'PROJECT.FUNDING_EXCEEDED'],
      ['a voucher number used before in the county and year', { voucherNo: receiptVoucher }, 'VOUCHER.DUPLICATE'],
      ['a payment dated before the approval', { paidOn: '2024-03-30' }, 'DISBURSEMENT.BEFORE_APPROVAL'],
    ])('refuses %s with 422 and changes nothing', async (_case, override, code) => {
      await refused(path, disbursement({ disbursementId: 'disb-refused', ...override }), 422, code);
    });

    it.each([
      ['purpose', { purpose: `付给 ${mobile}` }],
      ['payee', { payee: `张三 ${mobile}` }],
    ])('refuses personal data in %s with 422 PII.FORBIDDEN naming it', async (field, override) => {
      const answer = await refused(path, disbursement({ disbursementId: 'disb-pii', ...override }), 422, 'PII.FORBIDDEN');
      expect(answer.body.errors).toEqual([expect.objectContaining({ field, rule: 'PII.FORBIDDEN' })]);
    });

    it('refuses a disbursement id already used, in this project or another one (409 DISBURSEMENT.ALREADY_EXISTS)', async () => {
      await refused(path, disbursement({ amount: '1.00' }), 409, 'DISBURSEMENT.ALREADY_EXISTS');
      await refused(path, disbursement({ disbursementId: 'disb-langxi', amount: '1.00' }), 409, 'DISBURSEMENT.ALREADY_EXISTS');
    });

    it.each([
      ['payee', { payee: { householdRef: 'hh-513336-0001', name: '张三' } }, 'FIELD.REQUIRED'],
      ['payee', { payee: { householdRef: 'hh 1' } }, 'FIELD.REQUIRED'],
      ['payee', { payee: 42 }, 'FIELD.REQUIRED'],
      ['payee', { payee: '   ' }, 'FIELD.REQUIRED'],
      ['voucherNo', { voucherNo: undefined }, 'isString'],
      ['amount', { amount: '1,000.00' }, 'MONEY.INVALID'],
      ['paidOn', { paidOn: '2024-05-32' }, 'DATE.INVALID'],
    ])('answers 400 naming %s when it is %p', async (field, override, rule) => {
      await invalid(path, disbursement({ disbursementId: 'disb-bad', ...override }), field, rule);
    });

    it('answers a retry with the first answer and appends nothing; a retried refusal with the same refusal', async () => {
      const body = disbursement({ disbursementId: 'disb-road-retry', amount: '1000.00' });
      const first = await created(path, body, { ...asFinance, key: 'disburse-retry' });
      const position = await ledger.position();
      const again = await ledger.post(path, body, { ...asFinance, key: 'disburse-retry' });
      expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
      const tooMuch = disbursement({ disbursementId: 'disb-road-big', amount: '999999.00' });
      const refusal = await refused(path, tooMuch, 422, 'PROJECT.FUNDING_EXCEEDED', { ...asFinance, key: 'disburse-refused' });
      const refusedAgain = await ledger.post(path, tooMuch, { ...asFinance, key: 'disburse-refused' });
      expect({ status: refusedAgain.status, body: refusedAgain.body }).toEqual({ status: 422, body: refusal.body });
      expect(await ledger.position()).toBe(position);
    });
  });

  describe('POST /v1/fundings/{id}/reductions (调减)', () => {
    const reduction = (overrides: Record<string, unknown> = {}) => ({ reductionId: 'red-road-1', amount: '50000.00', reason: '结余资金退回', on: '2024-06-01', ...overrides });

    it('gives unspent money back to the allocation it came from', async () => {
      const answer = await created('/v1/fundings/fund-road-alloc/reductions', reduction());
      expect(answer.body.streams).toEqual([{ stream: `project-${road}`, revision: 8 }, { stream: 'allocation-alloc-special', revision: 3 }]);
    });

    it('gives unspent money back to the pool', async () => {
      const answer = await created('/v1/fundings/fund-road-pool/reductions', reduction({ reductionId: 'red-road-2', amount: '10000.00' }));
      expect(answer.body.streams).toEqual([{ stream: `project-${road}`, revision: 9 }, { stream: 'pool-513336-2024', revision: 2 }]);
    });

    it('refuses more than the line has unspent (422) and a reduction id used before (409)', async () => {
      // 300,000 funded − 50,000 reduced − 101,000 paid = 149,000 unspent.
      await refused('/v1/fundings/fund-road-alloc/reductions', reduction({ reductionId: 'red-big', amount: '149000.01' }), 422, 'FUNDING.REDUCTION_EXCEEDS_UNSPENT');
      await refused('/v1/fundings/fund-road-alloc/reductions', reduction({ amount: '1.00' }), 409, 'REDUCTION.ALREADY_EXISTS');
    });

    it('answers 400 for bad fields', async () => {
      await invalid('/v1/fundings/fund-road-alloc/reductions', reduction({ reductionId: 'red-bad', amount: '0.00' }), 'amount', 'MONEY.INVALID');
      await invalid('/v1/fundings/fund-road-alloc/reductions', reduction({ reductionId: 'red-bad', on: '' }), 'on', 'DATE.INVALID');
    });
  });

  describe('POST /v1/disbursements/{id}/reversals (红字冲销)', () => {
    const reversal = (overrides: Record<string, unknown> = {}) => ({ reversalId: 'rev-road-1', amount: '30000.00', reason: '多付工程款', voucherNo: voucher(), reversedOn: '2024-06-10', ...overrides });

    it('reverses part of a disbursement under a voucher of its own', async () => {
      const answer = await created('/v1/disbursements/disb-road-1/reversals', reversal());
      expect(answer.body).toMatchObject({ id: 'rev-road-1', streams: [{ stream: `project-${road}` }, { stream: 'voucherbook-513336-2024' }] });
    });

    it.each([
      ['more than is left of the disbursement', { amount: '70000.01' }, 422, 'DISBURSEMENT.REVERSAL_EXCEEDS_REMAINING'],
      ['a voucher number used before', { voucherNo: receiptVoucher }, 422, 'VOUCHER.DUPLICATE'],
      ['personal data in the reason', { reason: `退给 ${mobile}` }, 422, 'PII.FORBIDDEN'],
      ['a reversal id used before', { reversalId: 'rev-road-1', amount: '1.00' }, 409, 'REVERSAL.ALREADY_EXISTS'],
    ])('refuses %s and changes nothing', async (_case, override, status, code) => {
      await refused('/v1/disbursements/disb-road-1/reversals', reversal({ reversalId: 'rev-refused', ...override }), status, code);
    });

    it('answers 400 for bad fields', async () => {
      await invalid('/v1/disbursements/disb-road-1/reversals', reversal({ reversalId: 'rev-bad', amount: 30000 }), 'amount', 'MONEY.INVALID');
      await invalid('/v1/disbursements/disb-road-1/reversals', reversal({ reversalId: 'rev-bad', reversedOn: '10/06/2024' }), 'reversedOn', 'DATE.INVALID');
    });
  });

  describe('POST /v1/disbursements/{id}/reimbursements (报账)', () => {
    const reimbursement = (overrides: Record<string, unknown> = {}) => ({ reimbursementId: 'rmb-road-1', reimbursedOn: '2024-06-20', voucherNo: voucher(), ...overrides });

    it('settles what is left of a disbursement', async () => {
      await created('/v1/disbursements/disb-road-1/reimbursements', reimbursement());
      expect(storedData(`project-${road}`, 'DisbursementReimbursed')[0]).toMatchObject({ disbursementId: 'disb-road-1', amount: '70000.00' });
    });

    it('refuses a second settlement (422), a reimbursement id used before (409), and a fully reversed disbursement (422)', async () => {
      const path = '/v1/disbursements/disb-road-1/reimbursements';
      await refused(path, reimbursement({ reimbursementId: 'rmb-again' }), 422, 'DISBURSEMENT.ALREADY_REIMBURSED');
      await refused('/v1/disbursements/disb-road-hh/reimbursements', reimbursement({ reimbursementId: 'rmb-road-1' }), 409, 'REIMBURSEMENT.ALREADY_EXISTS');
      await created('/v1/disbursements/disb-road-hh/reversals', { reversalId: 'rev-road-hh', amount: '5000.00', reason: '重复发放', voucherNo: voucher(), reversedOn: '2024-06-21' });
      await refused('/v1/disbursements/disb-road-hh/reimbursements', reimbursement({ reimbursementId: 'rmb-hh' }), 422, 'DISBURSEMENT.FULLY_REVERSED');
    });

    it('refuses a voucher number used before (422) and answers 400 for bad fields', async () => {
      await refused('/v1/disbursements/disb-road-retry/reimbursements', reimbursement({ reimbursementId: 'rmb-dup', voucherNo: receiptVoucher }), 422, 'VOUCHER.DUPLICATE');
      await invalid('/v1/disbursements/disb-road-retry/reimbursements', reimbursement({ reimbursementId: 'rmb-bad', reimbursedOn: '2024-06-31' }), 'reimbursedOn', 'DATE.INVALID');
      await invalid('/v1/disbursements/disb-road-retry/reimbursements', reimbursement({ reimbursementId: 'rmb-bad', voucherNo: 'x'.repeat(65) }), 'voucherNo', 'isLength');
    });
  });

  describe('start, completion, assets and acceptance (开工 → 竣工 → 形成资产 → 验收)', () => {
    const project = `/v1/projects/${road}`;
    const asset = (overrides: Record<string, unknown> = {}) => ({ assetId: 'asset-road', kind: 'public_benefit', value: '640000.00', owner: '香巴拉镇渔洼仲村村民委员会', registeredOn: '2024-10-15', ...overrides });

    it('refuses steps out of order with 422 and changes nothing', async () => {
      await refused(`/v1/projects/${undated}/start`, { on: '2024-06-01' }, 422, 'PROJECT.NOT_APPROVED');
      await refused(`${project}/completion`, { on: '2024-06-01' }, 422, 'PROJECT.INVALID_TRANSITION');
      await refused(`${project}/acceptance`, { on: '2024-06-01', acceptedBy: '乡城县乡村振兴局' }, 422, 'PROJECT.INVALID_TRANSITION');
      await refused(`${project}/assets`, asset(), 422, 'ASSET.NOT_COMPLETED');
    });

    it('starts and completes the works', async () => {
      await created(`${project}/start`, { on: '2024-06-01' });
      await created(`${project}/completion`, { on: '2024-10-01' });
    });

    it('registers a public-benefit asset owned by a unit, and a household asset by reference', async () => {
      await created(`${project}/assets`, asset());
      await created(`${project}/assets`, asset({ assetId: 'asset-hh', kind: 'household', value: '5000.00', owner: { householdRef: 'hh-513336-0002' } }));
      expect(storedData(`project-${road}`, 'AssetRegistered').map((registered) => registered.owner)).toEqual([
        { kind: 'unit', name: '香巴拉镇渔洼仲村村民委员会' },
        { kind: 'household', householdRef: 'hh-513336-0002' },
      ]);
    });

    it('refuses an asset id used before (409) and personal data in the owner (422)', async () => {
      await refused(`${project}/assets`, asset(), 409, 'ASSET.ALREADY_EXISTS');
      await refused(`${project}/assets`, asset({ assetId: 'asset-pii', owner: `张三 ${mobile}` }), 422, 'PII.FORBIDDEN');
    });

    it.each([
      ['kind', { kind: 'bogus' }, 'isIn'],
      ['value', { value: '0' }, 'MONEY.INVALID'],
      ['owner', { owner: { householdRef: 'hh-513336-0002', idNumber: 'x' } }, 'FIELD.REQUIRED'],
      ['registeredOn', { registeredOn: null }, 'DATE.INVALID'],
    ])('answers 400 for an asset naming %s when it is %p', async (field, override, rule) => {
      await invalid(`${project}/assets`, asset({ assetId: 'asset-bad', ...override }), field, rule);
    });

    it('refuses personal data in acceptedBy (422) and answers 400 for a bad step date', async () => {
      await refused(`${project}/acceptance`, { on: '2024-11-01', acceptedBy: `验收人 ${mobile}` }, 422, 'PII.FORBIDDEN');
      await invalid(`${project}/acceptance`, { on: '2024-11-01' }, 'acceptedBy', 'isString');
      await invalid(`${project}/start`, { on: 'tomorrow' }, 'on', 'DATE.INVALID');
    });

    it('accepts the project, which closes it to new money (422 PROJECT.CLOSED)', async () => {
      await created(`${project}/acceptance`, { on: '2024-11-01', acceptedBy: '乡城县乡村振兴局' });
      const late = { fundingId: 'fund-late', source: { allocationId: 'alloc-special' }, amount: '1.00', fundedOn: '2024-11-02' };
      await refused(`${project}/fundings`, late, 422, 'PROJECT.CLOSED');
      await refused(`${project}/disbursements`, disbursement({ disbursementId: 'disb-late', paidOn: '2024-11-02', amount: '1.00' }), 422, 'PROJECT.CLOSED');
    });
  });

  describe('every route on a subject in the path', () => {
    const bodies = {
      approval: { on: '2024-04-01', documentNo: '文号' },
      start: { on: '2024-06-01' },
      completion: { on: '2024-10-01' },
      acceptance: { on: '2024-11-01', acceptedBy: '乡城县乡村振兴局' },
      assets: { assetId: 'asset-z', kind: 'operating', value: '1.00', owner: '某合作社', registeredOn: '2024-10-15' },
      amendments: { name: '新名称', reason: '更正', on: '2024-05-01' },
      fundings: { fundingId: 'fund-z', source: { pool: { countyCode: xiangcheng.county, fiscalYear: 2024 } }, amount: '1.00', fundedOn: '2024-05-01' },
      disbursements: disbursement({ disbursementId: 'disb-z', amount: '1.00' }),
      reductions: { reductionId: 'red-z', amount: '1.00', reason: '退回', on: '2024-06-01' },
      reversals: { reversalId: 'rev-z', amount: '1.00', reason: '冲销', voucherNo: voucher(), reversedOn: '2024-06-10' },
      reimbursements: { reimbursementId: 'rmb-z', reimbursedOn: '2024-06-20', voucherNo: voucher() },
    };
    const onProject = ['approval', 'start', 'completion', 'acceptance', 'assets', 'amendments', 'fundings', 'disbursements'] as const;

    it.each(onProject.map((route) => [route]))('answers 404 PROJECT.NOT_FOUND for an unknown project on /%s', async (route) => {
      const answer = await refused(`/v1/projects/proj-nope/${route}`, bodies[route], 404, 'PROJECT.NOT_FOUND');
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    });

    it.each([
      ['/v1/fundings/fund-nope/reductions', bodies.reductions, 'FUNDING.NOT_FOUND'],
      ['/v1/disbursements/disb-nope/reversals', bodies.reversals, 'DISBURSEMENT.NOT_FOUND'],
      ['/v1/disbursements/disb-nope/reimbursements', bodies.reimbursements, 'DISBURSEMENT.NOT_FOUND'],
    ])('answers 404 on %s', async (path, body, code) => {
      await refused(path, body, 404, code);
    });

    it.each(onProject.map((route) => [route]))('refuses a 513336 bureau on /%s of a 341821 project with 403', async (route) => {
      await refused(`/v1/projects/${langxiProject}/${route}`, bodies[route], 403, 'AUTH.FORBIDDEN_REGION');
    });

    it.each([
      ['/v1/fundings/fund-langxi/reductions', bodies.reductions],
      ['/v1/disbursements/disb-langxi/reversals', bodies.reversals],
      ['/v1/disbursements/disb-langxi/reimbursements', bodies.reimbursements],
    ])('refuses a 513336 bureau on %s of 341821 with 403', async (path, body) => {
      await refused(path, body, 403, 'AUTH.FORBIDDEN_REGION');
    });

    it('refuses the 341821 bureau on the 513336 project with 403', async () => {
      await refused(`/v1/projects/${road}/amendments`, bodies.amendments, 403, 'AUTH.FORBIDDEN_REGION', asOtherCounty);
      await refused('/v1/disbursements/disb-road-1/reversals', bodies.reversals, 403, 'AUTH.FORBIDDEN_REGION', asOtherCounty);
    });
  });
});
