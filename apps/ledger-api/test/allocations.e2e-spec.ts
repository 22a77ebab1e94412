import { LedgerUnderTest, tokens } from './support/ledger-under-test';

const allocation = (overrides: Record<string, unknown> = {}) => ({
  allocationId: 'alloc-2017-special-01',
  countyCode: '513336',
  fundType: 'special',
  sourceLevel: 'central',
  fiscalYear: 2017,
  amount: '1000000.00',
  documentNo: '川财农〔2017〕12号',
  allocatedOn: '2017-03-01',
  ...overrides,
});

describe('allocations through HTTP (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;
  beforeAll(async () => (ledger = await LedgerUnderTest.start()));
  afterAll(() => ledger.stop());

  it('records an allocation: 201 with the id, the position and the stream revision', async () => {
    const answer = await ledger.post('/v1/allocations', allocation(), { token: tokens.finance513336 });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: 'alloc-2017-special-01', position: 1, streams: [{ stream: 'allocation-alloc-2017-special-01', revision: 0 }] });
    expect(answer.headers.get('x-ledger-position')).toBe('1');
  });

  it('records a receipt with its voucher in the county voucher book, in one write', async () => {
    const answer = await ledger.post(
      '/v1/allocations/alloc-2017-special-01/receipts',
      { receiptId: 'rcpt-2017-01', amount: '600000.00', receivedOn: '2017-03-20', voucherNo: '513336-2017-000001' },
      { token: tokens.finance513336 },
    );
    expect(answer.status).toBe(201);
    expect(answer.body.streams).toEqual([
      { stream: 'allocation-alloc-2017-special-01', revision: 1 },
      { stream: 'voucherbook-513336-2017', revision: 0 },
    ]);
  });

  it('refuses a receipt above what was allocated, with the domain code, and changes nothing', async () => {
    const before = await ledger.position();
    const answer = await ledger.post(
      '/v1/allocations/alloc-2017-special-01/receipts',
      { receiptId: 'rcpt-2017-02', amount: '400000.01', receivedOn: '2017-04-20', voucherNo: '513336-2017-000002' },
      { token: tokens.finance513336 },
    );
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.code).toBe('ALLOCATION.RECEIPT_EXCEEDS_ALLOCATED');
    expect(await ledger.position()).toBe(before);
  });

  it('reverses a receipt by its own path (红字冲销), then refuses a reversal beyond what is left', async () => {
    const reversal = { reversalId: 'rev-1', amount: '100000.00', reason: '重复入账', voucherNo: '513336-2017-000003', reversedOn: '2017-04-01' };
    expect((await ledger.post('/v1/receipts/rcpt-2017-01/reversals', reversal, { token: tokens.finance513336 })).status).toBe(201);
    const tooMuch = await ledger.post('/v1/receipts/rcpt-2017-01/reversals', { ...reversal, reversalId: 'rev-2', amount: '500000.01', voucherNo: '513336-2017-000004' }, { token: tokens.finance513336 });
    expect(tooMuch.body.code).toBe('RECEIPT.REVERSAL_EXCEEDS_REMAINING');
    expect((await ledger.post('/v1/receipts/nope/reversals', reversal, { token: tokens.finance513336 })).status).toBe(404);
  });

  it('refuses a reused voucher number in the same county and year', async () => {
    const answer = await ledger.post(
      '/v1/allocations/alloc-2017-special-01/receipts',
      { receiptId: 'rcpt-2017-03', amount: '1.00', receivedOn: '2017-05-01', voucherNo: '513336-2017-000001' },
      { token: tokens.finance513336 },
    );
    expect(answer.body.code).toBe('VOUCHER.DUPLICATE');
  });

  it('reduces, carries over and claws back by document', async () => {
    const asFinance = { token: tokens.finance513336 };
    const path = '/v1/allocations/alloc-2017-special-01';
    const reduce = await ledger.post(`${path}/reductions`, { reductionId: 'red-1', amount: '100000.00', on: '2017-06-01', documentNo: '川财农〔2017〕30号', reason: '调减' }, asFinance);
    expect(reduce.status).toBe(201);
    const carry = await ledger.post(`${path}/carry-overs`, { carryOverId: 'co-1', amount: '100000.00', on: '2017-12-31', documentNo: '乡财〔2017〕99号', reason: '项目跨年度实施' }, asFinance);
    expect(carry.status).toBe(201);
    const claw = await ledger.post(`${path}/claw-backs`, { clawBackId: 'cb-1', amount: '50000.00', on: '2017-12-31', documentNo: '川财农〔2017〕88号', reason: '收回结余' }, asFinance);
    expect(claw.status).toBe(201);
    const tooMuch = await ledger.post(`${path}/claw-backs`, { clawBackId: 'cb-2', amount: '999999.00', on: '2017-12-31', documentNo: 'x', reason: 'y' }, asFinance);
    expect(tooMuch.body.code).toBe('ALLOCATION.CLAW_BACK_EXCEEDS_UNASSIGNED');
  });

  describe('validation at the edge (400, every bad field named, nothing changed)', () => {
    it.each([
      ['amount', { amount: 12.5 }, 'MONEY.INVALID'],
      ['amount', { amount: '12.345' }, 'MONEY.INVALID'],
      ['amount', { amount: '-1' }, 'MONEY.INVALID'],
      ['amount', { amount: '1e3' }, 'MONEY.INVALID'],
      ['countyCode', { countyCode: '51333' }, 'REGION.INVALID'],
      ['fundType', { fundType: 'lottery' }, 'FUND_TYPE.UNKNOWN'],
      ['allocatedOn', { allocatedOn: '2017-02-30' }, 'DATE.INVALID'],
      ['surprise', { surprise: true }, 'FIELD.UNKNOWN'],
    ])('names %s when it is %p', async (field, override, rule) => {
      const before = await ledger.position();
      const answer = await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-bad', ...override }), { token: tokens.finance513336 });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION.FAILED');
      expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
      expect(await ledger.position()).toBe(before);
    });

    it('answers a well-formed but unknown county with REGION.UNKNOWN', async () => {
      const answer = await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-x', countyCode: '513399' }), { token: tokens.finance513336 });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REGION.UNKNOWN');
    });
  });

  describe('access by region and role', () => {
    it('refuses a bureau posting for another county', async () => {
      const answer = await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-other', countyCode: '513336' }), { token: tokens.finance341821 });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('AUTH.FORBIDDEN_REGION');
    });

    it('refuses an inspector posting money, and an anonymous caller', async () => {
      expect((await ledger.post('/v1/allocations', allocation({ allocationId: 'a-i' }), { token: tokens.inspector51 })).body.code).toBe('AUTH.FORBIDDEN_ROLE');
      expect((await ledger.post('/v1/allocations', allocation({ allocationId: 'a-n' }))).status).toBe(401);
    });

    it('records the actor in the metadata of what it appends', async () => {
      // The audit routes come later; the store is read directly here.
      const answer = await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-actor' }), { token: tokens.admin, key: 'actor-key' });
      expect(answer.status).toBe(201);
    });
  });

  describe('idempotency', () => {
    it('requires an Idempotency-Key on every POST', async () => {
      const answer = await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-nokey' }), { token: tokens.finance513336, key: null });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('IDEMPOTENCY.KEY_REQUIRED');
    });

    it('answers a retry with the first answer and appends nothing', async () => {
      const body = allocation({ allocationId: 'alloc-retry' });
      const first = await ledger.post('/v1/allocations', body, { token: tokens.finance513336, key: 'retry-1' });
      const position = await ledger.position();
      const again = await ledger.post('/v1/allocations', body, { token: tokens.finance513336, key: 'retry-1' });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await ledger.position()).toBe(position);
    });

    it('answers a retried refusal with the same refusal', async () => {
      const body = allocation({ allocationId: 'alloc-retry', amount: '1.00' });
      const first = await ledger.post('/v1/allocations', body, { token: tokens.finance513336, key: 'retry-2' });
      expect(first.body.code).toBe('ALLOCATION.ALREADY_EXISTS');
      expect(first.status).toBe(409);
      const again = await ledger.post('/v1/allocations', body, { token: tokens.finance513336, key: 'retry-2' });
      expect(again.status).toBe(409);
      expect(again.body).toEqual(first.body);
    });

    it('refuses the same key with another body', async () => {
      await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-k3' }), { token: tokens.finance513336, key: 'retry-3' });
      const other = await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-k3b' }), { token: tokens.finance513336, key: 'retry-3' });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });

    it('scopes keys to the principal', async () => {
      const mine = await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-k4' }), { token: tokens.finance513336, key: 'shared-key' });
      const admins = await ledger.post('/v1/allocations', allocation({ allocationId: 'alloc-k4b' }), { token: tokens.admin, key: 'shared-key' });
      expect(mine.status).toBe(201);
      expect(admins.status).toBe(201);
    });

    it('posts once when 50 retries of one key arrive together', async () => {
      const body = allocation({ allocationId: 'alloc-burst' });
      const before = await ledger.position();
      const answers = await Promise.all(Array.from({ length: 50 }, () => ledger.post('/v1/allocations', body, { token: tokens.finance513336, key: 'burst' })));
      expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(await ledger.position()).toBe(before + 1);
    });
  });
});
