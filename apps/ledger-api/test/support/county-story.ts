import { type Answer, type LedgerUnderTest, tokens } from './ledger-under-test';

/**
 * One small county year of 乡城县 (513336) in 2024, posted through the write routes, for the read
 * side's e2e specs (the demo county is not loaded by the harness). Figures are round so the specs
 * can state them:
 * - alloc-sp special/central 1,000,000 (received 800,000) funds the road in 渔洼仲村 (香巴拉镇):
 *   400,000 on its line, 100,000 paid to a unit, 10,000 of it reversed, the rest settled; completed;
 * - alloc-in1 integrated/central 300,000 and alloc-in2 integrated/provincial 200,000 go to the
 *   pool; the household-level cattle project in another village draws 50,000 (30,000 and 20,000)
 *   and pays households 0001 (2,000 + 1,000) and 0002 (3,000, then reversed whole);
 * - alloc-mc micro_credit/county 100,000: 50,000 into the risk fund; a loan of 50,000 to 0003;
 * - notices: the county's allocations (web), the road (village board), the cattle list (village board);
 * - the register names households 0001 (卓玛次仁) and 0003 (张三丰).
 */
export const story = {
  county: '513336',
  township: '513336100',
  village: '513336100201',
  otherTownship: '513336101',
  otherVillage: '513336101206',
  road: 'proj-road',
  cattle: 'proj-cattle',
  households: { first: 'hh-513336-0001', second: 'hh-513336-0002', borrower: 'hh-513336-0003' },
  names: { first: '卓玛次仁', borrower: '张三丰' },
} as const;

let vouchers = 0;
const voucher = () => `513336-2024-${String(++vouchers).padStart(6, '0')}`;

/** Posts and expects 201; returns the answer. */
export async function created(ledger: LedgerUnderTest, path: string, body: unknown, token: string = tokens.finance513336): Promise<Answer> {
  const answer = await ledger.post(path, body, { token });
  if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}

export function listing(projectId: string, overrides: Record<string, unknown> = {}) {
  return {
    projectId,
    name: '渔洼仲村通村公路硬化',
    category: 'infrastructure',
    villageCode: story.village,
    fiscalYear: 2024,
    plannedInvestment: '600000.00',
    implementingUnit: '乡城县交通运输局',
    performanceTargets: ['硬化路面 4.2 公里', '受益脱贫人口 312 人'],
    povertyLinkage: '吸纳脱贫劳动力务工，改善群众出行条件',
    householdLevel: false,
    listedOn: '2024-03-05',
    ...overrides,
  };
}

export function allocation(allocationId: string, fundType: string, sourceLevel: string, amount: string, extra: Record<string, unknown> = {}) {
  return { allocationId, countyCode: story.county, fundType, sourceLevel, fiscalYear: 2024, amount, documentNo: `川财农〔2024〕${allocationId}号`, allocatedOn: '2024-03-01', ...extra };
}

export async function postCountyStory(ledger: LedgerUnderTest): Promise<void> {
  const post = (path: string, body: unknown) => created(ledger, path, body);
  await post('/v1/allocations', allocation('alloc-sp', 'special', 'central', '1000000.00'));
  await post('/v1/allocations/alloc-sp/receipts', { receiptId: 'rc-sp', amount: '800000.00', receivedOn: '2024-03-10', voucherNo: voucher() });
  await post('/v1/allocations', allocation('alloc-in1', 'integrated', 'central', '300000.00', { channel: '农业生产发展资金' }));
  await post('/v1/allocations/alloc-in1/receipts', { receiptId: 'rc-in1', amount: '300000.00', receivedOn: '2024-03-10', voucherNo: voucher() });
  await post('/v1/allocations', allocation('alloc-in2', 'integrated', 'provincial', '200000.00', { channel: '林业改革发展资金' }));
  await post('/v1/allocations/alloc-in2/receipts', { receiptId: 'rc-in2', amount: '200000.00', receivedOn: '2024-03-10', voucherNo: voucher() });
  await post('/v1/allocations', allocation('alloc-mc', 'micro_credit', 'county', '100000.00'));
  await post('/v1/allocations/alloc-mc/receipts', { receiptId: 'rc-mc', amount: '100000.00', receivedOn: '2024-03-10', voucherNo: voucher() });
  await post('/v1/micro-credit/risk-funds/513336/deposits', { depositId: 'dep-1', allocationId: 'alloc-mc', amount: '50000.00', depositedOn: '2024-03-15' });

  await post('/v1/projects', listing(story.road));
  await post(`/v1/projects/${story.road}/approval`, { on: '2024-03-20', documentNo: '乡府发〔2024〕3号' });
  await post(`/v1/projects/${story.road}/fundings`, { fundingId: 'fund-road', source: { allocationId: 'alloc-sp' }, amount: '400000.00', fundedOn: '2024-03-25' });
  await post(`/v1/projects/${story.road}/start`, { on: '2024-04-01' });
  const pay = { fundingId: 'fund-road', payee: '乡城县路桥工程有限公司', purpose: '路基工程进度款' };
  await post(`/v1/projects/${story.road}/disbursements`, { ...pay, disbursementId: 'disb-road-1', amount: '100000.00', voucherNo: voucher(), paidOn: '2024-05-01' });
  await post('/v1/disbursements/disb-road-1/reversals', { reversalId: 'rev-road-1', amount: '10000.00', reason: '金额录入错误', voucherNo: voucher(), reversedOn: '2024-05-03' });
  await post('/v1/disbursements/disb-road-1/reimbursements', { reimbursementId: 'rb-road-1', reimbursedOn: '2024-06-01', voucherNo: voucher() });
  await post(`/v1/projects/${story.road}/completion`, { on: '2024-09-01' });

  const cattle = listing(story.cattle, {
    name: '牦牛养殖到户补助',
    category: 'industry',
    villageCode: story.otherVillage,
    plannedInvestment: '100000.00',
    implementingUnit: '乡城县农业农村局',
    performanceTargets: ['补助脱贫户 20 户'],
    povertyLinkage: '到户补助，户均增收 2000 元',
    householdLevel: true,
  });
  await post('/v1/projects', cattle);
  await post(`/v1/projects/${story.cattle}/approval`, { on: '2024-03-20', documentNo: '乡府发〔2024〕4号' });
  await post(`/v1/projects/${story.cattle}/fundings`, { fundingId: 'fund-cattle', source: { pool: { countyCode: story.county, fiscalYear: 2024 } }, amount: '50000.00', fundedOn: '2024-03-25' });
  const household = (ref: string) => ({ householdRef: ref });
  const subsidy = { fundingId: 'fund-cattle', purpose: '牦牛养殖到户补助' };
  await post(`/v1/projects/${story.cattle}/disbursements`, { ...subsidy, disbursementId: 'disb-cattle-1', amount: '2000.00', payee: household(story.households.first), voucherNo: voucher(), paidOn: '2024-05-10' });
  await post(`/v1/projects/${story.cattle}/disbursements`, { ...subsidy, disbursementId: 'disb-cattle-2', amount: '3000.00', payee: household(story.households.second), voucherNo: voucher(), paidOn: '2024-05-10' });
  await post(`/v1/projects/${story.cattle}/disbursements`, { ...subsidy, disbursementId: 'disb-cattle-3', amount: '1000.00', payee: household(story.households.first), voucherNo: voucher(), paidOn: '2024-06-10' });
  await post('/v1/disbursements/disb-cattle-2/reversals', { reversalId: 'rev-cattle-2', amount: '3000.00', reason: '非建档立卡户', voucherNo: voucher(), reversedOn: '2024-05-20' });

  const loan = { loanId: 'loan-1', householdRef: story.households.borrower, borrowerBirthYear: 1980, villageCode: story.village, bank: '乡城县农村信用合作联社' };
  await post('/v1/micro-credit/loans', { ...loan, amount: '50000.00', termMonths: 12, annualRate: '0.0300', issuedOn: '2024-04-01', purpose: '牦牛养殖' });

  const board = { channel: 'board', publishedOn: '2024-03-22', postedUntil: '2024-04-05' };
  await post('/v1/notices', { noticeId: 'n-alloc', level: 'county', regionCode: story.county, subject: { kind: 'allocations', countyCode: story.county, fiscalYear: 2024 }, channel: 'web', publishedOn: '2024-03-12', postedUntil: '2024-12-31' });
  await post('/v1/notices', { ...board, noticeId: 'n-road', level: 'village', regionCode: story.village, subject: { kind: 'project', projectId: story.road } });
  await post('/v1/notices', { ...board, noticeId: 'n-cattle', level: 'village', regionCode: story.otherVillage, subject: { kind: 'beneficiaries', projectId: story.cattle } });

  await post('/v1/beneficiaries', { householdRef: story.households.first, villageCode: story.otherVillage, headName: story.names.first });
  await post('/v1/beneficiaries', { householdRef: story.households.borrower, villageCode: story.village, headName: story.names.borrower });
}
