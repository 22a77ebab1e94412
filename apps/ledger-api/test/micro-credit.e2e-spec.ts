import { type Answer, LedgerUnderTest, tokens } from './support/ledger-under-test';

/** 乡城县 (513336): 香巴拉镇 渔洼仲村; and 郎溪县 (341821): 建平镇 西郊村, for the other bureau. */
const village = '513336100201';
const villageOf341821 = '341821001200';

const asFinance = { token: tokens.finance513336 };
const deposits = '/v1/micro-credit/risk-funds/513336/deposits';
const loans = '/v1/micro-credit/loans';

/** A loan inside every cap of the default rules in 2019: 12 months at the 1-year benchmark rate (4.35 %). */
const loan = (overrides: Record<string, unknown> = {}) => ({
  loanId: 'loan-a',
  householdRef: 'hh-513336-0042',
  borrowerBirthYear: 1980,
  villageCode: village,
  bank: '乡城县农村信用合作联社',
  amount: '50000.00',
  termMonths: 12,
  annualRate: '0.0435',
  issuedOn: '2019-03-01',
  purpose: '牦牛养殖',
  ...overrides,
});

describe('micro-credit through HTTP (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;

  /** Posts, expects the refusal, and that the ledger did not move. */
  async function refused(path: string, body: unknown, status: number, code: string, token: string = tokens.finance513336): Promise<Answer> {
    const before = await ledger.position();
    const answer = await ledger.post(path, body, { token });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(await ledger.position()).toBe(before);
    return answer;
  }

  async function created(path: string, body: unknown, token: string = tokens.finance513336): Promise<Answer> {
    const answer = await ledger.post(path, body, { token });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 201, body: expect.objectContaining({ id: expect.any(String) }) });
    return answer;
  }

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    const allocation = { countyCode: '513336', sourceLevel: 'central', fiscalYear: 2019, amount: '100000.00', allocatedOn: '2019-02-01' };
    await created('/v1/allocations', { ...allocation, allocationId: 'mc-2019', fundType: 'micro_credit', documentNo: '川财农〔2019〕5号' });
    await created('/v1/allocations/mc-2019/receipts', { receiptId: 'mc-2019-r', amount: '100000.00', receivedOn: '2019-02-15', voucherNo: '513336-2019-000001' });
    await created('/v1/allocations', { ...allocation, allocationId: 'sp-2019', fundType: 'special', documentNo: '川财农〔2019〕6号' });
    await created('/v1/allocations/sp-2019/receipts', { receiptId: 'sp-2019-r', amount: '100000.00', receivedOn: '2019-02-15', voucherNo: '513336-2019-000002' });
  });
  afterAll(() => ledger.stop());

  describe('deposits into the county risk fund', () => {
    const deposit = (overrides: Record<string, unknown> = {}) => ({ depositId: 'dep-1', allocationId: 'mc-2019', amount: '10000.00', depositedOn: '2019-03-01', ...overrides });

    it('moves micro-credit money into the fund: the allocation and the fund in one write', async () => {
      const answer = await created(deposits, deposit());
      expect(answer.body).toEqual({
        id: 'dep-1',
        position: expect.any(Number),
        streams: [
          { stream: 'allocation-mc-2019', revision: 2 },
          { stream: 'riskfund-513336', revision: 0 },
        ],
      });
    });

    it('answers a retry with the first answer and appends nothing', async () => {
      const body = deposit({ depositId: 'dep-2', amount: '1.00' });
      const first = await ledger.post(deposits, body, { ...asFinance, key: 'deposit-retry' });
      const position = await ledger.position();
      const again = await ledger.post(deposits, body, { ...asFinance, key: 'deposit-retry' });
      expect(again).toMatchObject({ status: 201, body: first.body });
      expect(await ledger.position()).toBe(position);
    });

    it.each([
      ['a deposit id used before', deposit(), 409, 'RISK_FUND.DEPOSIT_ALREADY_EXISTS'],
      ['money of another fund type', deposit({ depositId: 'dep-sp', allocationId: 'sp-2019' }), 422, 'ALLOCATION.WRONG_FUND_TYPE'],
      ['more than is received and unassigned', deposit({ depositId: 'dep-big', amount: '89999.01' }), 422, 'ALLOCATION.ASSIGNMENT_EXCEEDS_AVAILABLE'],
      ['an allocation that does not exist (in the body: 422)', deposit({ depositId: 'dep-x', allocationId: 'nope' }), 422, 'ALLOCATION.NOT_FOUND'],
    ])('refuses %s, changing nothing', async (_case, body, status, code) => {
      await refused(deposits, body, status, code);
    });

    it('refuses an allocation of another county as the source of this county fund', async () => {
      await created('/v1/allocations', {
        allocationId: 'mc-341821',
        countyCode: '341821',
        fundType: 'micro_credit',
        sourceLevel: 'provincial',
        fiscalYear: 2019,
        amount: '5000.00',
        documentNo: '皖财农〔2019〕1号',
        allocatedOn: '2019-02-01',
      }, tokens.finance341821);
      await refused(deposits, deposit({ depositId: 'dep-other', allocationId: 'mc-341821' }), 422, 'ALLOCATION.REGION_MISMATCH');
    });

    it('validates the county in the path like a field (400), and knows the national code set', async () => {
      const malformed = await refused('/v1/micro-credit/risk-funds/51333x/deposits', deposit({ depositId: 'dep-p' }), 400, 'VALIDATION.FAILED');
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'countyCode', rule: 'REGION.INVALID' })]);
      await refused('/v1/micro-credit/risk-funds/513399/deposits', deposit({ depositId: 'dep-p' }), 400, 'REGION.UNKNOWN');
    });

    it('names every bad field of the body', async () => {
      const answer = await refused(deposits, { depositId: 'dep bad', amount: '10', depositedOn: '2019-02-29', extra: 1 }, 400, 'VALIDATION.FAILED');
      const named = answer.body.errors.map((error: { field: string; rule: string }) => `${error.field}:${error.rule}`);
      expect(named).toEqual(expect.arrayContaining(['depositId:FIELD.REQUIRED', 'allocationId:FIELD.REQUIRED', 'depositedOn:DATE.INVALID', 'extra:FIELD.UNKNOWN']));
    });

    it('refuses another county bureau (403) and an inspector (no money)', async () => {
      await refused(deposits, deposit({ depositId: 'dep-r' }), 403, 'AUTH.FORBIDDEN_REGION', tokens.finance341821);
      await refused(deposits, deposit({ depositId: 'dep-i' }), 403, 'AUTH.FORBIDDEN_ROLE', tokens.inspector51);
    });
  });

  describe('issuing a loan', () => {
    it('records the loan on its own stream', async () => {
      const answer = await created(loans, loan());
      expect(answer.body).toEqual({ id: 'loan-a', position: expect.any(Number), streams: [{ stream: 'loan-loan-a', revision: 0 }] });
    });

    it('lets the 341821 bureau lend in its own village', async () => {
      await created(loans, loan({ loanId: 'loan-langxi', villageCode: villageOf341821 }), tokens.finance341821);
    });

    it.each([
      ['an amount above the cap', { amount: '50000.01' }, 'LOAN.CAP_EXCEEDED'],
      ['a term above the cap', { termMonths: 37 }, 'LOAN.TERM_EXCEEDED'],
      ['a borrower past the age range', { borrowerBirthYear: 1950 }, 'LOAN.BORROWER_AGE'],
      ['a rate above the reference rate in force', { annualRate: '0.0500' }, 'LOAN.RATE_ABOVE_LPR'],
      ['a phone number in the purpose', { purpose: '联系人 13812345678' }, 'PII.FORBIDDEN'],
      ['a rate finer than a hundredth of a percent', { annualRate: '0.04355' }, 'LOAN.RATE_INVALID'],
      ['a date before any configured reference rate', { issuedOn: '2014-01-01' }, 'LOAN.REFERENCE_RATE_UNKNOWN'],
    ])('refuses %s (422), changing nothing', async (_case, override, code) => {
      await refused(loans, loan({ loanId: 'loan-refused', ...override }), 422, code);
    });

    it('refuses a loan id used before (409)', async () => {
      await refused(loans, loan(), 409, 'LOAN.ALREADY_EXISTS');
    });

    it('names every bad field, with its rule (400)', async () => {
      const body = loan({ loanId: 'loan-bad', annualRate: 0.0435, villageCode: '513336', borrowerBirthYear: '1980', amount: '1.234', issuedOn: '2019-02-30', termMonths: 0 });
      const answer = await refused(loans, body, 400, 'VALIDATION.FAILED');
      const named = answer.body.errors.map((error: { field: string; rule: string }) => `${error.field}:${error.rule}`);
      expect(named).toEqual(
        expect.arrayContaining(['annualRate:RATE.INVALID', 'villageCode:REGION.INVALID', 'borrowerBirthYear:isInt', 'amount:MONEY.INVALID', 'issuedOn:DATE.INVALID', 'termMonths:min']),
      );
    });

    it('refuses a well-formed village that is not in the national set', async () => {
      await refused(loans, loan({ loanId: 'loan-nowhere', villageCode: '513336100999' }), 400, 'REGION.UNKNOWN');
    });

    it('refuses a loan in another county (403) and an inspector (403)', async () => {
      await refused(loans, loan({ loanId: 'loan-r' }), 403, 'AUTH.FORBIDDEN_REGION', tokens.finance341821);
      await refused(loans, loan({ loanId: 'loan-i' }), 403, 'AUTH.FORBIDDEN_ROLE', tokens.inspector51);
    });
  });

  describe('a loan that goes bad: repayment, overdue, compensation', () => {
    const path = `${loans}/loan-a`;

    it('records a repayment and refuses one above what is outstanding', async () => {
      expect((await created(`${path}/repayments`, { repaymentId: 'rp-1', amount: '10000.00', on: '2019-09-01' })).body.id).toBe('rp-1');
      await refused(`${path}/repayments`, { repaymentId: 'rp-2', amount: '40000.01', on: '2019-10-01' }, 422, 'LOAN.REPAYMENT_EXCEEDS_OUTSTANDING');
      await refused(`${path}/repayments`, { repaymentId: 'rp-1', amount: '1.00', on: '2019-10-01' }, 409, 'LOAN.REPAYMENT_ALREADY_EXISTS');
    });

    it('refuses marking overdue before maturity, then marks it after', async () => {
      await refused(`${path}/overdue`, { on: '2020-03-01' }, 422, 'LOAN.NOT_OVERDUE');
      const answer = await created(`${path}/overdue`, { on: '2020-03-02' });
      expect(answer.body).toMatchObject({ id: 'loan-a', streams: [{ stream: 'loan-loan-a', revision: 2 }] });
    });

    it('refuses to extend an overdue loan', async () => {
      await refused(`${path}/extensions`, { extensionId: 'ext-late', termMonths: 6, on: '2020-03-05' }, 422, 'LOAN.ALREADY_OVERDUE');
    });

    it('refuses compensation before 90 days overdue, and beyond what the fund holds', async () => {
      await refused(`${path}/compensations`, { compensationId: 'cmp-early', amount: '10000.00', on: '2020-04-01' }, 422, 'LOAN.COMPENSATION_TOO_EARLY');
      // 80 % of 20,000.00 is 16,000.00; the fund holds 10,001.00.
      await refused(`${path}/compensations`, { compensationId: 'cmp-big', amount: '20000.00', on: '2020-06-01' }, 422, 'RISK_FUND.INSUFFICIENT');
    });

    it('compensates 80 % from the fund (the bank bears the rest): the loan and the fund in one write', async () => {
      const answer = await created(`${path}/compensations`, { compensationId: 'cmp-1', amount: '10000.00', on: '2020-06-01' });
      expect(answer.body).toMatchObject({
        id: 'cmp-1',
        streams: [
          { stream: 'loan-loan-a', revision: 3 },
          { stream: 'riskfund-513336', revision: 2 },
        ],
      });
    });

    it('refuses a second compensation with the same id, and a loss above what is outstanding', async () => {
      await refused(`${path}/compensations`, { compensationId: 'cmp-1', amount: '1.00', on: '2020-06-02' }, 409, 'LOAN.COMPENSATION_ALREADY_EXISTS');
      await refused(`${path}/compensations`, { compensationId: 'cmp-2', amount: '30000.01', on: '2020-06-02' }, 422, 'LOAN.COMPENSATION_EXCEEDS_OUTSTANDING');
    });

    it('refuses a repayment dated before the latest fact on the loan', async () => {
      await refused(`${path}/repayments`, { repaymentId: 'rp-back', amount: '1.00', on: '2020-05-31' }, 422, 'LOAN.DATED_BACKWARDS');
    });

    it('closes a loan repaid in full to every further repayment', async () => {
      const langxi = `${loans}/loan-langxi/repayments`;
      await created(langxi, { repaymentId: 'rp-all', amount: '50000.00', on: '2020-02-28' }, tokens.finance341821);
      await refused(langxi, { repaymentId: 'rp-more', amount: '1.00', on: '2020-03-01' }, 422, 'LOAN.CLOSED', tokens.finance341821);
    });

    it('refuses another county bureau acting on the loan', async () => {
      await refused(`${path}/repayments`, { repaymentId: 'rp-r', amount: '1.00', on: '2020-07-01' }, 403, 'AUTH.FORBIDDEN_REGION', tokens.finance341821);
    });
  });

  describe('changing a loan in good standing: extension and renewal', () => {
    const path = `${loans}/loan-b`;

    beforeAll(async () => {
      // 24 months: priced on the over-1-year benchmark rate (4.75 %).
      await created(loans, loan({ loanId: 'loan-b', termMonths: 24, annualRate: '0.0475', issuedOn: '2019-04-01' }));
    });

    it('extends the term by the months given, and refuses an extension past what policy allows', async () => {
      expect((await created(`${path}/extensions`, { extensionId: 'ext-1', termMonths: 12, on: '2019-10-01' })).body.id).toBe('ext-1');
      await refused(`${path}/extensions`, { extensionId: 'ext-2', termMonths: 37, on: '2019-10-02' }, 422, 'LOAN.TERM_EXCEEDED');
    });

    it('refuses renewals that break the caps or drop debt', async () => {
      await refused(`${path}/renewals`, { renewalId: 'ren-x', amount: '30000.00', termMonths: 12, annualRate: '0.0415', on: '2019-11-01' }, 422, 'LOAN.RENEWAL_BELOW_OUTSTANDING');
      await refused(`${path}/renewals`, { renewalId: 'ren-x', amount: '50000.01', termMonths: 12, annualRate: '0.0415', on: '2019-11-01' }, 422, 'LOAN.CAP_EXCEEDED');
      // Without a rate the renewal keeps 4.75 %, above the 1-year LPR of 4.20 % in force on 2019-11-01.
      await refused(`${path}/renewals`, { renewalId: 'ren-x', amount: '50000.00', termMonths: 12, on: '2019-11-01' }, 422, 'LOAN.RATE_ABOVE_LPR');
    });

    it('renews at the LPR of the renewal date', async () => {
      const answer = await created(`${path}/renewals`, { renewalId: 'ren-1', amount: '50000.00', termMonths: 12, annualRate: '0.0415', on: '2019-11-01' });
      expect(answer.body).toMatchObject({ id: 'ren-1', streams: [{ stream: 'loan-loan-b', revision: 2 }] });
    });

    it('validates the bodies of the loan routes', async () => {
      const answer = await refused(`${path}/extensions`, { extensionId: 'ext-3', termMonths: 1.5, on: 'tomorrow' }, 400, 'VALIDATION.FAILED');
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['termMonths', 'on']));
    });
  });

  describe('the loan in the path', () => {
    it.each([
      ['repayments', { repaymentId: 'rp', amount: '1.00', on: '2020-01-01' }],
      ['overdue', { on: '2020-01-01' }],
      ['compensations', { compensationId: 'c', amount: '1.00', on: '2020-01-01' }],
      ['extensions', { extensionId: 'e', termMonths: 1, on: '2020-01-01' }],
      ['renewals', { renewalId: 'r', amount: '1.00', termMonths: 1, on: '2020-01-01' }],
    ])('answers 404 LOAN.NOT_FOUND on /%s of a loan that does not exist', async (route, body) => {
      await refused(`${loans}/no-such-loan/${route}`, body, 404, 'LOAN.NOT_FOUND');
    });

    it('refuses an inspector marking a loan overdue (finance role, before the loan is looked up)', async () => {
      await refused(`${loans}/loan-a/overdue`, { on: '2020-01-01' }, 403, 'AUTH.FORBIDDEN_ROLE', tokens.inspector51);
    });
  });
});
