/**
 * Deterministic generator of the demo data of 乡城县 (513336) from the figures of seed 000.
 *
 *   cd /work/main && npx tsc --ignoreConfig --outDir /tmp/seedgen --module nodenext --moduleResolution nodenext \
 *     --target es2022 --types node --strict --skipLibCheck seeds/demo/generate.ts && node /tmp/seedgen/generate.js
 *
 * Writes seeds/demo/513336/*.csv, then runs the checks of check.ts over the written files and
 * fails (exit 1) if any does not hold. No clock, no Math.random: the same run writes the same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  HOUSEHOLD_KINDS,
  ONE_CARD_AGENT,
  BANKS,
  LOAN_PURPOSES,
  SEED_PARKS,
  fictionalHeadName,
  template,
  templatesOf,
  type HouseholdKind,
  type Template,
  type AssetKind,
} from './lib/catalog';
import { toCsv, type CsvRow } from './lib/csv';
import { addDays, addMonths, daysBetween, maxDate, minDate, nextWorkingDay, previousWorkingDay, yearOf, dayNumber, fromDayNumber } from './lib/dates';
import {
  AS_OF,
  CATEGORIES,
  CLINICS_BY_YEAR,
  COUNTY_CODE,
  DILAPIDATED_HOUSEHOLDS,
  EDUCATION_FUND,
  EDUCATION_PAID,
  EDUCATION_PEOPLE,
  HEALTH_FUND,
  HEALTH_PAID,
  HEALTH_PEOPLE,
  HOUSEHOLD_ITEMS,
  HOUSEHOLD_PROJECTS_BY_KIND,
  IDLE_2016_AMOUNT,
  INDUSTRY_FUND,
  INTEGRATED_BY_YEAR,
  INTEGRATED_CHANNELS,
  LOANS_BY_YEAR,
  LOANS_TOTAL,
  LOAN_HOUSEHOLDS,
  PAIRED_BY_YEAR,
  PAIRED_PARTNER,
  PAIRED_PENDING_2018,
  PER_HOUSEHOLD_YUAN,
  PLANTING_HOUSEHOLD_ITEMS,
  POOR_HOUSEHOLDS,
  POOR_VILLAGES,
  PROJECTS_BY_CATEGORY,
  PROJECTS_BY_YEAR,
  RELOCATED_HOUSEHOLDS,
  RISK_FUND_BY_YEAR,
  RULES,
  SMALL_LIVESTOCK_HOUSEHOLDS,
  COURTYARD_HOUSEHOLDS,
  SPECIAL_BY_YEAR,
  TOWNSHIPS,
  VILLAGE_CLINICS,
  YEARS,
  benchmarkRate,
  type Category,
} from './lib/figures';
import { FEN_PER_YUAN, floorTo, fmt, splitByWeights, sum, wan, type Fen } from './lib/money';
import { Prng } from './lib/prng';
import { readCounty, type DivisionVillage, type Township } from './lib/regions';
import { ARRAY_SEPARATOR, spec } from './lib/schema';
import { checkDemo } from './check';

const SEED = 0x513336;
const HUNDRED_YUAN: Fen = 100 * FEN_PER_YUAN;

// ---------------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------------

type FundType = 'special' | 'integrated' | 'paired_assistance' | 'micro_credit' | 'county_own';
type SourceLevel = 'central' | 'provincial' | 'municipal' | 'county';
type VoucherKind = 'receipt' | 'disbursement_reversal' | 'disbursement' | 'reimbursement';
/** Same-day vouchers are numbered in this order (a reversal before the corrected payment). */
const VOUCHER_KIND_ORDER: Record<VoucherKind, number> = { receipt: 0, disbursement_reversal: 1, disbursement: 2, reimbursement: 3 };

interface Voucher {
  readonly kind: VoucherKind;
  date: string;
  readonly ref: string;
  no: string;
}

interface Receipt {
  readonly allocation: Allocation;
  readonly id: string;
  readonly amount: Fen;
  readonly voucher: Voucher;
}

interface Allocation {
  readonly id: string;
  readonly fundType: FundType;
  readonly sourceLevel: SourceLevel;
  readonly fiscalYear: number;
  readonly amount: Fen;
  readonly documentNo: string;
  readonly allocatedOn: string;
  readonly partner: string;
  readonly channel: string;
  readonly purpose: 'projects' | 'idle' | 'risk_fund' | 'industry_fund' | 'education_relief' | 'health_relief';
  readonly receipts: Receipt[];
}

type Source = { readonly kind: 'allocation'; readonly allocationId: string } | { readonly kind: 'pool'; readonly fiscalYear: number };

interface Chunk {
  readonly receipt: Receipt;
  readonly source: Source;
  readonly key: string;
  readonly fundType: FundType;
  readonly date: string;
  left: Fen;
  lastUsedOn: string;
}

interface Village extends DivisionVillage {
  poor: boolean;
  households: string[];
}

interface Line {
  readonly id: string;
  readonly source: Source;
  readonly sourceKey: string;
  readonly fundType: FundType;
  readonly amount: Fen;
  readonly fundedOn: string;
}

interface Disbursement {
  readonly id: string;
  readonly project: Project;
  readonly line: Line;
  readonly amount: Fen;
  readonly payee: string;
  readonly purpose: string;
  readonly voucher: Voucher;
  reversal?: { id: string; reason: string; voucher: Voucher };
  reimbursement?: { id: string; voucher: Voucher };
}

type Special = 'neg' | 'dup' | 'rev-amount' | 'rev-payee' | 'rev-purpose' | 'rev-household' | 'no-asset' | 'short-notice' | 'long';

interface Project {
  id: string;
  readonly year: number;
  readonly category: Category;
  readonly kind: string; // template key, household kind or relief
  readonly village: Village;
  readonly name: string;
  readonly householdLevel: boolean;
  readonly householdKind?: HouseholdKind;
  readonly households: string[];
  readonly perHousehold: Fen;
  readonly implementingUnit: string;
  readonly targets: string[];
  readonly linkage: string;
  readonly weight: number;
  readonly template?: Template;
  planned: Fen;
  need: Fen;
  listedOn: string;
  approvedOn: string;
  approvalDoc: string;
  portions: { chunk: Chunk; amount: Fen }[];
  lines: Line[];
  startedOn?: string;
  completedOn?: string;
  acceptedOn?: string;
  acceptedBy: string;
  disbursements: Disbursement[];
  asset?: { id: string; kind: AssetKind; value: Fen; owner: string; registeredOn: string };
  specials: Set<Special>;
}

interface Loan {
  readonly id: string;
  readonly householdRef: string;
  readonly birthYear: number;
  readonly villageCode: string;
  readonly bank: string;
  readonly amount: Fen;
  readonly termMonths: number;
  readonly annualRate: string;
  readonly issuedOn: string;
  readonly purpose: string;
  readonly repayments: { id: string; amount: Fen; on: string }[];
  overdueOn?: string;
  compensation?: { id: string; amount: Fen; on: string };
}

interface Notice {
  readonly id: string;
  readonly level: 'county' | 'township' | 'village';
  readonly regionCode: string;
  readonly subjectKind: 'project' | 'allocations' | 'micro_credit' | 'beneficiaries';
  readonly projectId: string;
  readonly fiscalYear: number | '';
  readonly publishedOn: string;
  readonly postedUntil: string;
  readonly channel: 'web' | 'board';
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`generator: ${message}`);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function between(rng: Prng, from: string, to: string): string {
  return fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
}

function working(date: string): string {
  return nextWorkingDay(date);
}

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

const vouchers: Voucher[] = [];
function voucher(kind: VoucherKind, date: string, ref: string): Voucher {
  const v: Voucher = { kind, date, ref, no: '' };
  vouchers.push(v);
  return v;
}

const docNumbers = new Map<string, number>();
function documentNo(rng: Prng, series: string, year: number): string {
  const key = `${series}-${year}`;
  const next = (docNumbers.get(key) ?? rng.int(3, 12)) + rng.int(1, 9);
  docNumbers.set(key, next);
  return `${series}〔${year}〕${next}号`;
}

const allocations: Allocation[] = [];
function allocate(a: Omit<Allocation, 'receipts'>): Allocation {
  assert(a.amount > 0 && a.amount % HUNDRED_YUAN === 0, `allocation ${a.id} amount`);
  const allocation: Allocation = { ...a, receipts: [] };
  allocations.push(allocation);
  return allocation;
}

function receive(allocation: Allocation, parts: ReadonlyArray<{ amount: Fen; on: string }>): void {
  parts.forEach((part, i) => {
    const id = `rcpt-${allocation.id.replace(/^alloc-/, '')}-${i + 1}`;
    allocation.receipts.push({ allocation, id, amount: part.amount, voucher: voucher('receipt', working(part.on), id) });
  });
  assert(sum(allocation.receipts.map((r) => r.amount)) <= allocation.amount, `receipts of ${allocation.id} exceed it`);
}

// ---------------------------------------------------------------------------------------------
// 1. Allocations and receipts
// ---------------------------------------------------------------------------------------------

function buildAllocations(): void {
  const rng = new Prng(SEED, 'allocations');
  for (const y of YEARS) {
    // Special funds (财政专项扶贫资金): central and provincial, two batches each.
    const idle = y === 2016 ? IDLE_2016_AMOUNT : 0;
    const [c1, p1, c2, p2] = splitByWeights((SPECIAL_BY_YEAR[y] as Fen) - idle, [40, 20, 25, 15], HUNDRED_YUAN) as [Fen, Fen, Fen, Fen];
    const batches: Array<[string, SourceLevel, Fen, string, string, string]> = [
      ['central-01', 'central', c1, `${y}-01-15`, `${y}-02-20`, '川财农'],
      ['provincial-01', 'provincial', p1, `${y}-03-01`, `${y}-03-25`, '川财农'],
      ['central-02', 'central', c2, `${y}-05-10`, `${y}-06-10`, '川财农'],
      ['provincial-02', 'provincial', p2, `${y}-06-20`, `${y}-07-14`, '川财农'],
    ];
    for (const [suffix, level, amount, from, to, series] of batches) {
      const on = working(between(rng, from, to));
      const a = allocate({
        id: `alloc-${y}-special-${suffix}`, fundType: 'special', sourceLevel: level, fiscalYear: y, amount,
        documentNo: documentNo(rng, series, y), allocatedOn: on, partner: '', channel: '', purpose: 'projects',
      });
      receive(a, [{ amount, on: addDays(on, level === 'central' ? rng.int(18, 40) : rng.int(12, 30)) }]);
    }
    if (idle > 0) {
      const on = working(between(rng, `${y}-06-01`, `${y}-06-08`));
      const a = allocate({
        id: `alloc-${y}-special-provincial-03`, fundType: 'special', sourceLevel: 'provincial', fiscalYear: y, amount: idle,
        documentNo: documentNo(rng, '川财农', y), allocatedOn: on, partner: '', channel: '', purpose: 'idle',
      });
      receive(a, [{ amount: idle, on: addDays(on, 16) }]);
    }

    // Integrated money (统筹整合使用财政涉农资金), one allocation per original channel, into the year's pool.
    const integrated = INTEGRATED_BY_YEAR[y];
    if (integrated !== undefined) {
      const parts = splitByWeights(integrated, INTEGRATED_CHANNELS.map((c) => c.weight), HUNDRED_YUAN);
      INTEGRATED_CHANNELS.forEach((c, i) => {
        const amount = parts[i] as Fen;
        const on = working(between(rng, `${y}-02-15`, `${y}-06-30`));
        const a = allocate({
          id: `alloc-${y}-integrated-${pad(i + 1, 2)}`, fundType: 'integrated', sourceLevel: c.level, fiscalYear: y, amount,
          documentNo: documentNo(rng, c.series, y), allocatedOn: on, partner: '', channel: c.channel, purpose: 'projects',
        });
        // 2018: 水利发展资金 only 70 % arrived by the cut-off.
        const received = y === 2018 && c.channel === '水利发展资金' ? floorTo((amount * 7) / 10, HUNDRED_YUAN) : amount;
        receive(a, [{ amount: received, on: addDays(on, rng.int(15, 45)) }]);
      });
    }

    // Paired assistance (对口援藏, 泸州市): two batches a year, each received in two parts.
    const [b1, b2] = splitByWeights(PAIRED_BY_YEAR[y] as Fen, [55, 45], HUNDRED_YUAN) as [Fen, Fen];
    const pairedBatches: Array<[Fen, string]> = [
      [b1, working(between(rng, `${y}-03-05`, `${y}-03-31`))],
      [b2, y === 2017 ? '2017-08-08' : working(between(rng, `${y}-06-20`, `${y}-07-14`))],
    ];
    pairedBatches.forEach(([amount, on], i) => {
      const a = allocate({
        id: `alloc-${y}-paired-${pad(i + 1, 2)}`, fundType: 'paired_assistance', sourceLevel: 'municipal', fiscalYear: y, amount,
        documentNo: documentNo(rng, '泸市援藏', y), allocatedOn: on, partner: PAIRED_PARTNER, channel: '', purpose: 'projects',
      });
      const first = floorTo((amount * 6) / 10, HUNDRED_YUAN);
      const firstOn = addDays(on, rng.int(20, 35));
      if (y === 2018 && i === 1) receive(a, [{ amount: amount - PAIRED_PENDING_2018, on: firstOn }]);
      else receive(a, [{ amount: first, on: firstOn }, { amount: amount - first, on: addDays(firstOn, rng.int(30, 45)) }]);
    });

    // Micro-credit risk fund (扶贫小额信贷风险补偿金).
    for (const rf of RISK_FUND_BY_YEAR.filter((r) => r.year === y)) {
      const on = working(y === 2015 ? between(rng, '2015-04-15', '2015-05-08') : between(rng, `${y}-03-09`, `${y}-03-31`));
      const a = allocate({
        id: `alloc-${y}-microcredit-01`, fundType: 'micro_credit', sourceLevel: rf.level, fiscalYear: y, amount: rf.amount,
        documentNo: documentNo(rng, rf.level === 'county' ? '乡财金' : '川财金', y), allocatedOn: on, partner: '', channel: '', purpose: 'risk_fund',
      });
      receive(a, [{ amount: rf.amount, on: addDays(on, rng.int(10, 20)) }]);
    }

    // County's own funds: the industry support fund (2016) and the education / health relief funds (2017).
    if (y === 2016) {
      const on = working(between(rng, '2016-04-05', '2016-04-20'));
      const a = allocate({
        id: 'alloc-2016-countyown-01', fundType: 'county_own', sourceLevel: 'county', fiscalYear: y, amount: INDUSTRY_FUND,
        documentNo: documentNo(rng, '乡府发', y), allocatedOn: on, partner: '', channel: '', purpose: 'industry_fund',
      });
      const first = wan('1200.00');
      const firstOn = addDays(on, rng.int(7, 15));
      receive(a, [{ amount: first, on: firstOn }, { amount: INDUSTRY_FUND - first, on: addDays(firstOn, rng.int(40, 55)) }]);
    }
    if (y === 2017) {
      const funds: Array<[string, Fen, Allocation['purpose'], string]> = [
        ['alloc-2017-countyown-01', EDUCATION_FUND, 'education_relief', '乡财教'],
        ['alloc-2017-countyown-02', HEALTH_FUND, 'health_relief', '乡财社'],
      ];
      for (const [id, amount, purpose, series] of funds) {
        const on = working(between(rng, '2017-03-06', '2017-03-17'));
        const a = allocate({
          id, fundType: 'county_own', sourceLevel: 'county', fiscalYear: y, amount,
          documentNo: documentNo(rng, series, y), allocatedOn: on, partner: '', channel: '', purpose,
        });
        receive(a, [{ amount, on: addDays(on, rng.int(7, 15)) }]);
      }
    }
  }
  allocations.sort((a, b) => a.allocatedOn.localeCompare(b.allocatedOn) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// 2. Villages and households
// ---------------------------------------------------------------------------------------------

const households = new Map<string, { ref: string; village: Village; headName: string }>();

function buildVillages(): { villages: Village[]; townships: readonly Township[] } {
  const division = readCounty(process.cwd(), COUNTY_CODE);
  assert(division.townships.length === TOWNSHIPS, `expected ${TOWNSHIPS} townships, found ${division.townships.length}`);
  const rng = new Prng(SEED, 'villages');
  const villages: Village[] = division.villages.map((v) => ({ ...v, poor: false, households: [] }));
  const admin = villages.filter((v) => !v.community);
  // 42 of the 57 administrative villages are marked poor (a stand-in: the seed's list is of the 89 pre-merger villages).
  const shuffled = rng.shuffle(admin);
  const poor = shuffled.slice(0, POOR_VILLAGES);
  for (const v of poor) v.poor = true;
  const nonPoorWithHouseholds = shuffled.slice(POOR_VILLAGES, POOR_VILLAGES + 6);
  const inNonPoor = 48;
  const poorCounts = splitByWeights(POOR_HOUSEHOLDS - inNonPoor, poor.map(() => 0.6 + 0.8 * rng.next()), 1);
  const otherCounts = splitByWeights(inNonPoor, nonPoorWithHouseholds.map(() => 0.7 + 0.6 * rng.next()), 1);
  const counts = new Map<string, number>();
  poor.forEach((v, i) => counts.set(v.code, poorCounts[i] as number));
  nonPoorWithHouseholds.forEach((v, i) => counts.set(v.code, otherCounts[i] as number));
  const names = new Prng(SEED, 'names');
  let seq = 0;
  for (const v of villages) {
    const n = counts.get(v.code) ?? 0;
    for (let i = 0; i < n; i++) {
      const ref = `hh-${COUNTY_CODE}-${pad(++seq, 4)}`;
      v.households.push(ref);
      households.set(ref, { ref, village: v, headName: fictionalHeadName(names) });
    }
  }
  assert(seq === POOR_HOUSEHOLDS, 'household count');
  return { villages, townships: division.townships };
}

// ---------------------------------------------------------------------------------------------
// 3. Projects
// ---------------------------------------------------------------------------------------------

const APPROVAL_BATCHES: Record<number, string[]> = {
  2014: ['2014-04-17', '2014-06-12', '2014-07-24'],
  2015: ['2015-04-09', '2015-05-28', '2015-07-16'],
  2016: ['2016-03-24', '2016-05-05', '2016-06-16', '2016-07-28'],
  2017: ['2017-03-16', '2017-04-20', '2017-05-25', '2017-06-29', '2017-07-27'],
  2018: ['2018-03-15', '2018-04-19', '2018-05-24', '2018-06-28'],
};

function buildProjects(villages: Village[], townships: readonly Township[]): Project[] {
  const rng = new Prng(SEED, 'projects');
  const projects: Project[] = [];
  const withHouseholds = villages.filter((v) => v.households.length > 0);
  const poor = villages.filter((v) => v.poor);
  const usedNames = new Set<string>();
  const tname = (v: Village) => v.township.name;

  const newProject = (p: Omit<Project, 'id' | 'planned' | 'need' | 'listedOn' | 'approvedOn' | 'approvalDoc' | 'portions' | 'lines' | 'acceptedBy' | 'disbursements' | 'specials'>): Project => {
    assert(!usedNames.has(p.name), `duplicate project name ${p.name}`);
    usedNames.add(p.name);
    const project: Project = {
      ...p, id: '', planned: 0, need: 0, listedOn: '', approvedOn: '', approvalDoc: '', portions: [], lines: [], acceptedBy: '', disbursements: [], specials: new Set(),
    };
    projects.push(project);
    return project;
  };

  const householdProject = (kind: HouseholdKind, year: number, village: Village, beneficiaries: string[], suffix = ''): void => {
    const k = HOUSEHOLD_KINDS[kind];
    const per = PER_HOUSEHOLD_YUAN[kind] * FEN_PER_YUAN;
    newProject({
      year, category: k.category, kind, village, householdLevel: true, householdKind: kind, households: beneficiaries, perHousehold: per,
      name: `${year}年${tname(village)}${k.name.replace('{v}', village.name)}${suffix}`,
      implementingUnit: k.implementer.replace('{t}', tname(village)), targets: [...k.targets(beneficiaries.length)], linkage: k.linkage, weight: 0,
    });
  };

  const yearsOf = (counts: Readonly<Record<number, number>>): number[] =>
    Object.entries(counts).flatMap(([y, n]) => Array.from({ length: n }, () => Number(y)));

  // Household-level projects: the 3,810 items.
  {
    // 小庭院: every village with households once; 17 households left out in total (1,270 → 1,253).
    const years = yearsOf(HOUSEHOLD_PROJECTS_BY_KIND.courtyard);
    const order = rng.shuffle(withHouseholds);
    assert(order.length === years.length, 'courtyard projects = villages with households');
    const leaveOut = new Map<string, number>();
    for (let left = POOR_HOUSEHOLDS - COURTYARD_HOUSEHOLDS; left > 0; ) {
      const v = rng.pick(order);
      if ((leaveOut.get(v.code) ?? 0) < 2) {
        leaveOut.set(v.code, (leaveOut.get(v.code) ?? 0) + 1);
        left--;
      }
    }
    order.forEach((v, i) => {
      const hh = rng.shuffle(v.households).slice(0, v.households.length - (leaveOut.get(v.code) ?? 0)).sort();
      householdProject('courtyard', years[i] as number, v, hh);
    });
  }
  {
    // 小养殖: every village with households once, 1,079 households in proportion.
    const years = yearsOf(HOUSEHOLD_PROJECTS_BY_KIND.livestock);
    const order = rng.shuffle(withHouseholds);
    const counts = splitByWeights(SMALL_LIVESTOCK_HOUSEHOLDS, order.map((v) => v.households.length), 1);
    order.forEach((v, i) => householdProject('livestock', years[i] as number, v, rng.shuffle(v.households).slice(0, counts[i] as number).sort()));
  }
  {
    // 到户种植: every household once (1,270) and a second phase for 5 households of one village (1,275).
    const years = rng.shuffle(yearsOf(HOUSEHOLD_PROJECTS_BY_KIND.planting));
    const order = rng.shuffle(withHouseholds);
    const extraVillage = order[0] as Village;
    const extraYear = years.pop() as number;
    let firstYear = years[0] as number;
    if (firstYear === extraYear) {
      const swap = years.findIndex((y) => y !== extraYear);
      years[0] = years[swap] as number;
      years[swap] = firstYear;
      firstYear = years[0] as number;
    }
    order.forEach((v, i) => householdProject('planting', years[i] as number, v, [...v.households]));
    const extra = rng.shuffle(extraVillage.households).slice(0, PLANTING_HOUSEHOLD_ITEMS - POOR_HOUSEHOLDS).sort();
    householdProject('planting', extraYear, extraVillage, extra, '（二期）');
  }
  {
    const big = rng.shuffle(poor.filter((v) => v.households.length >= 26));
    const relocYears = yearsOf(HOUSEHOLD_PROJECTS_BY_KIND.relocation);
    const relocVillages = big.slice(0, relocYears.length);
    const relocCounts = splitByWeights(RELOCATED_HOUSEHOLDS, relocVillages.map(() => 1 + rng.next() / 2), 1);
    relocVillages.forEach((v, i) => assert((relocCounts[i] as number) <= v.households.length, 'relocated households exceed the village'));
    relocVillages.forEach((v, i) => householdProject('relocation', relocYears[i] as number, v, rng.shuffle(v.households).slice(0, relocCounts[i] as number).sort()));
    const dilYears = yearsOf(HOUSEHOLD_PROJECTS_BY_KIND.dilapidated);
    const dilVillages = rng.shuffle(poor.filter((v) => !relocVillages.includes(v) && v.households.length >= 22)).slice(0, dilYears.length);
    const dilCounts = splitByWeights(DILAPIDATED_HOUSEHOLDS, dilVillages.map(() => 1 + rng.next()), 1);
    dilVillages.forEach((v, i) => {
      assert((dilCounts[i] as number) <= v.households.length, 'dilapidated households exceed the village');
      householdProject('dilapidated', dilYears[i] as number, v, rng.shuffle(v.households).slice(0, dilCounts[i] as number).sort());
    });
  }

  // 42 village clinics, one per poor village.
  {
    const years = yearsOf(CLINICS_BY_YEAR);
    const t = template('clinic');
    rng.shuffle(poor).forEach((v, i) => {
      const y = years[i] as number;
      newProject({
        year: y, category: 'health', kind: 'clinic', village: v, householdLevel: false, households: [], perHousehold: 0,
        name: `${y}年${tname(v)}${t.name.replace('{v}', v.name)}`, implementingUnit: t.implementer, targets: t.targets(rng), linkage: t.linkage,
        weight: t.weight * rng.spread(0.2), template: t,
      });
    });
  }

  // The two relief funds of 2017 (county-wide; listed at the county seat).
  const seat = villages.find((v) => v.community) as Village;
  newProject({
    year: 2017, category: 'education', kind: 'education_relief', village: seat, householdLevel: true, households: [], perHousehold: 0,
    name: '2017年乡城县教育扶贫救助基金项目', implementingUnit: '乡城县教育局',
    targets: [`资助建档立卡贫困家庭学生不少于${EDUCATION_PEOPLE - 45}人`, '确保无一人因贫失学辍学', '救助资金通过一卡通发放到户'],
    linkage: '对建档立卡贫困家庭在校学生给予救助，阻断贫困代际传递', weight: 0,
  });
  newProject({
    year: 2017, category: 'health', kind: 'health_relief', village: seat, householdLevel: true, households: [], perHousehold: 0,
    name: '2017年乡城县卫生扶贫救助基金项目', implementingUnit: '乡城县卫生和计划生育局',
    targets: [`救助建档立卡贫困患者不少于${HEALTH_PEOPLE - 62}人`, '县域内住院个人负担控制在5%以内', '救助资金通过一卡通发放到户'],
    linkage: '对建档立卡贫困患者在医保、大病保险报销后给予二次救助，防止因病返贫', weight: 0,
  });

  // The industrial parks named by the seed (2016).
  for (const park of SEED_PARKS) {
    const inTownship = villages.filter((v) => v.township.name === park.townshipName && !v.community);
    const v = (park.villageName ? inTownship.find((x) => x.name === park.villageName) : rng.pick(inTownship.filter((x) => x.poor))) as Village;
    assert(v, `no village for ${park.name}`);
    const t = template('park');
    newProject({
      year: park.year, category: 'industry', kind: park.key, village: v, householdLevel: false, households: [], perHousehold: 0,
      name: `${park.year}年${park.name}`, implementingUnit: t.implementer, targets: t.targets(rng), linkage: t.linkage,
      weight: park.weight * rng.spread(0.15), template: t,
    });
  }

  // Everything else, by campaign and year, to the quotas.
  for (const y of YEARS) {
    for (const c of CATEGORIES) {
      const have = projects.filter((p) => p.year === y && p.category === c).length;
      const quota = PROJECTS_BY_CATEGORY[c][y] as number;
      assert(have <= quota, `${c} ${y}: ${have} fixed projects exceed the quota ${quota}`);
      for (let i = have; i < quota; i++) {
        for (let attempt = 0; ; attempt++) {
          assert(attempt < 200, `cannot place a ${c} project in ${y}`);
          const t = rng.pick(templatesOf(c));
          let v: Village;
          if (t.level === 'township') {
            const township = rng.pick(townships);
            v = rng.pick(villages.filter((x) => x.township.code === township.code));
          } else {
            const r = rng.next();
            const pool = r < 0.75 ? poor : r < 0.95 ? villages.filter((x) => !x.poor && !x.community) : villages.filter((x) => x.community);
            v = rng.pick(pool);
          }
          const name = `${y}年${tname(v)}${t.name.replace('{v}', v.name).replace('{t}', '')}`;
          if (usedNames.has(name)) continue;
          newProject({
            year: y, category: c, kind: t.key, village: v, householdLevel: false, households: [], perHousehold: 0,
            name, implementingUnit: t.implementer.replace('{t}', tname(v)), targets: t.targets(rng), linkage: t.linkage,
            weight: t.weight * rng.spread(0.35), template: t,
          });
          break;
        }
      }
    }
  }

  // Approval batches, listing dates, ids.
  for (const y of YEARS) {
    const batches = APPROVAL_BATCHES[y] as string[];
    const docs = batches.map(() => documentNo(rng, '乡府函', y));
    const ofYear = projects.filter((p) => p.year === y);
    for (const p of ofYear) {
      let b: number;
      if (p.kind === 'education_relief' || p.kind === 'health_relief') b = 0;
      else if (p.householdLevel) b = rng.int(0, 1);
      else b = Math.min(batches.length - 1, Math.floor(rng.next() * rng.next() * batches.length * 1.6));
      p.approvedOn = batches[b] as string;
      p.approvalDoc = docs[b] as string;
      p.listedOn = working(maxDate(`${y}-01-05`, addDays(p.approvedOn, -rng.int(12, 55))));
      if (p.listedOn > p.approvedOn) p.listedOn = addDays(p.approvedOn, -3);
    }
    ofYear.sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || a.name.localeCompare(b.name));
    ofYear.forEach((p, i) => (p.id = `proj-${y}-${pad(i + 1, 4)}`));
    assert(ofYear.length === PROJECTS_BY_YEAR[y], `projects of ${y}`);
  }
  projects.sort((a, b) => a.id.localeCompare(b.id));
  const items = sum(projects.filter((p) => p.householdKind !== undefined).map((p) => p.households.length));
  assert(items === HOUSEHOLD_ITEMS, `household-level items ${items} ≠ ${HOUSEHOLD_ITEMS}`);
  assert(projects.filter((p) => p.kind === 'clinic').length === VILLAGE_CLINICS, 'village clinics');
  return projects;
}

// ---------------------------------------------------------------------------------------------
// 4. Funding: money moves around projects (资金围绕项目转)
// ---------------------------------------------------------------------------------------------

function sourceKey(s: Source): string {
  return s.kind === 'allocation' ? `allocation:${s.allocationId}` : `pool:${COUNTY_CODE}:${s.fiscalYear}`;
}

function chunksOf(y: number): Chunk[] {
  const out: Chunk[] = [];
  for (const a of allocations.filter((x) => x.fiscalYear === y)) {
    if (a.purpose === 'idle' || a.purpose === 'risk_fund') continue;
    for (const r of a.receipts) {
      const source: Source = a.fundType === 'integrated' ? { kind: 'pool', fiscalYear: y } : { kind: 'allocation', allocationId: a.id };
      out.push({ receipt: r, source, key: sourceKey(source), fundType: a.fundType, date: r.voucher.date, left: r.amount, lastUsedOn: '' });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.receipt.id.localeCompare(b.receipt.id));
}

/** Projects in approval order take the year's receipts in date order until each is fully funded. */
function waterfall(projects: readonly Project[], chunks: readonly Chunk[]): void {
  const ordered = [...projects].sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || a.id.localeCompare(b.id));
  let i = 0;
  for (const p of ordered) {
    while (p.need > 0) {
      while (i < chunks.length && (chunks[i] as Chunk).left === 0) i++;
      if (i >= chunks.length) return;
      const c = chunks[i] as Chunk;
      const take = Math.min(p.need, c.left);
      p.portions.push({ chunk: c, amount: take });
      p.need -= take;
      c.left -= take;
    }
  }
}

function fundProjects(projects: Project[]): void {
  const rng = new Prng(SEED, 'funding');
  for (const y of YEARS) {
    const ofYear = projects.filter((p) => p.year === y);
    const chunks = chunksOf(y);
    // Phase 1: household-level projects from the year's special funds.
    const hh = ofYear.filter((p) => p.householdKind !== undefined);
    for (const p of hh) p.planned = p.need = p.perHousehold * p.households.length;
    waterfall(hh, chunks.filter((c) => c.fundType === 'special'));
    // Phase 2: the relief funds from their own allocations.
    for (const p of ofYear.filter((x) => x.kind === 'education_relief' || x.kind === 'health_relief')) {
      const purpose = p.kind === 'education_relief' ? 'education_relief' : 'health_relief';
      const own = chunks.filter((c) => c.receipt.allocation.purpose === purpose);
      p.planned = p.need = sum(own.map((c) => c.left));
      waterfall([p], own);
    }
    // Phase 3: the other projects share what is left of the year, in proportion to their weights.
    const rest = ofYear.filter((p) => p.weight > 0);
    const left = sum(chunks.map((c) => c.left));
    const amounts = splitByWeights(left, rest.map((p) => p.weight), HUNDRED_YUAN);
    rest.forEach((p, i) => (p.planned = p.need = amounts[i] as Fen));
    // The industry fund goes to industry projects first.
    const industryFund = chunks.filter((c) => c.receipt.allocation.purpose === 'industry_fund');
    if (industryFund.length > 0) {
      waterfall(rest.filter((p) => p.category === 'industry'), industryFund);
      assert(industryFund.every((c) => c.left === 0), 'the industry fund is not fully assigned to industry projects');
    }
    // Phase 4: everything else.
    waterfall(rest, chunks);
    assert(chunks.every((c) => c.left === 0), `money of ${y} left unassigned`);
    assert(ofYear.every((p) => p.need === 0), `projects of ${y} not fully funded`);

    // Lines: one per source, dated after approval and after the receipt they draw on.
    for (const p of ofYear) {
      const bySource = new Map<string, { source: Source; fundType: FundType; amount: Fen; after: string }>();
      for (const { chunk, amount } of p.portions) {
        const entry = bySource.get(chunk.key) ?? { source: chunk.source, fundType: chunk.fundType, amount: 0, after: '' };
        entry.amount += amount;
        entry.after = maxDate(entry.after || chunk.date, chunk.date);
        bySource.set(chunk.key, entry);
      }
      let k = 0;
      for (const [key, e] of bySource) {
        const fundedOn = working(maxDate(addDays(p.approvedOn, rng.int(5, 20)), addDays(e.after, rng.int(2, 7))));
        p.lines.push({ id: `fund-${p.id.slice(5)}-${++k}`, source: e.source, sourceKey: key, fundType: e.fundType, amount: e.amount, fundedOn });
        for (const portion of p.portions.filter((x) => x.chunk.key === key)) portion.chunk.lastUsedOn = maxDate(portion.chunk.lastUsedOn || fundedOn, fundedOn);
      }
    }
    for (const c of chunks) {
      const lag = daysBetween(c.date, c.lastUsedOn);
      assert(lag <= 150, `receipt ${c.receipt.id} waited ${lag} days to be assigned`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Works and payments
// ---------------------------------------------------------------------------------------------

const householdPaidFrom = new Set<string>(); // `${year}|${sourceKey}|${householdRef}`

interface Intent {
  readonly payee: string;
  readonly amount: Fen;
  readonly purpose: string;
  readonly on: string;
  readonly household?: boolean;
  /** Pays from this line (by index) when given. */
  readonly lineIndex?: number;
  readonly wrong?: { readonly reason: string; readonly reversedOn: string };
}

function fill(text: string, v: Village): string {
  return text.replace('{v}', `乡城县${v.name}`).replace('{t}', v.township.name);
}

function pickSpecials(projects: Project[]): void {
  const rng = new Prng(SEED, 'specials');
  const taken = new Set<Project>();
  const choose = (label: Special, candidates: Project[]): Project => {
    const free = candidates.filter((p) => !taken.has(p));
    assert(free.length > 0, `no candidate project for ${label}`);
    const p = rng.pick(free);
    taken.add(p);
    p.specials.add(label);
    return p;
  };
  const single = (p: Project) => p.lines.length === 1;
  const fromSpecial = (p: Project) => p.lines.every((l) => l.fundType === 'special');
  const plain = (p: Project) => !p.householdLevel && p.template !== undefined && single(p) && (p.lines[0] as Line).amount >= wan('80.00');
  choose('neg', projects.filter((p) => p.year === 2017 && plain(p) && fromSpecial(p)));
  choose('dup', projects.filter((p) => p.year === 2017 && p.householdKind === 'livestock' && single(p) && p.households.length >= 10));
  choose('rev-amount', projects.filter((p) => p.year === 2016 && p.category === 'infrastructure' && plain(p)));
  choose('rev-payee', projects.filter((p) => p.year === 2017 && p.category === 'industry' && plain(p) && (p.template?.contractors.length ?? 0) >= 2));
  choose('rev-purpose', projects.filter((p) => p.year === 2017 && p.category === 'education' && plain(p)));
  choose('rev-household', projects.filter((p) => p.year === 2018 && p.householdKind === 'courtyard' && single(p) && p.approvedOn <= '2018-04-30'));
  choose('no-asset', projects.filter((p) => p.year === 2017 && p.category === 'infrastructure' && plain(p)));
  choose('short-notice', projects.filter((p) => p.year === 2017 && p.category === 'infrastructure' && plain(p)));
  // A few 2018 works still under way at the cut-off.
  const long = rng.shuffle(projects.filter((p) => p.year === 2018 && !taken.has(p) && (p.category === 'infrastructure' || p.category === 'education') && p.template !== undefined));
  for (const p of long.slice(0, 5)) p.specials.add('long');
}

function planWorks(projects: Project[]): void {
  const rng = new Prng(SEED, 'works');
  for (const p of projects) {
    const lastFunded = p.lines.reduce((d, l) => maxDate(d, l.fundedOn), p.approvedOn);
    const start = working(addDays(lastFunded, rng.int(5, 25)));
    p.startedOn = start;
    let intents: Intent[] = [];
    let completed: string | undefined;

    if (p.kind === 'education_relief' || p.kind === 'health_relief') {
      intents = reliefIntents(p, rng);
    } else if (p.householdKind !== undefined) {
      const k = HOUSEHOLD_KINDS[p.householdKind];
      const line = p.lines.reduce((a, b) => (b.amount > a.amount ? b : a));
      const sampled: string[] = [];
      for (const ref of rng.shuffle(p.households)) {
        if (sampled.length === 3) break;
        const key = `${p.year}|${line.sourceKey}|${ref}`;
        if (householdPaidFrom.has(key)) continue;
        householdPaidFrom.add(key);
        sampled.push(ref);
      }
      // Up to 3 named household rows; fewer when the village's households were already paid from this source this year.
      assert(sampled.length >= 1, `cannot sample a household for ${p.id}`);
      const li = p.lines.indexOf(line);
      let paidOn = addDays(start, rng.int(10, 25));
      for (const ref of sampled) {
        intents.push({ payee: ref, amount: p.perHousehold, purpose: k.purpose, on: paidOn, household: true, lineIndex: li });
        paidOn = addDays(paidOn, rng.int(0, 3));
      }
      let aggregatedHouseholds = p.households.length - sampled.length;
      if (p.specials.has('dup')) {
        // Planted: the first sampled household paid a second time from the same line, three weeks later.
        intents.push({ payee: sampled[0] as string, amount: p.perHousehold, purpose: k.purpose, on: addDays(paidOn, 21), household: true, lineIndex: li });
        aggregatedHouseholds -= 1;
      }
      if (p.specials.has('rev-household')) {
        const wrong = rng.pick([...households.keys()].filter((r) => !p.households.includes(r) && households.get(r)?.village.township.code === p.village.township.code));
        const right = p.households.find((r) => !sampled.includes(r) && !householdPaidFrom.has(`${p.year}|${line.sourceKey}|${r}`)) as string;
        householdPaidFrom.add(`${p.year}|${line.sourceKey}|${right}`);
        householdPaidFrom.add(`${p.year}|${line.sourceKey}|${wrong}`);
        const wrongOn = addDays(paidOn, 4);
        const fixOn = working(addDays(wrongOn, 9));
        intents.push({
          payee: wrong, amount: p.perHousehold, purpose: k.purpose, on: wrongOn, household: true, lineIndex: li,
          wrong: { reason: '红字冲销：补助误发至非本项目受益户，冲销后发放至正确受益户', reversedOn: fixOn },
        });
        intents.push({ payee: right, amount: p.perHousehold, purpose: k.purpose, on: fixOn, household: true, lineIndex: li });
        // One more household's money stays unpaid (the line has no room for the wrong payment besides).
        aggregatedHouseholds -= 2;
      }
      const aggregate = aggregatedHouseholds * p.perHousehold;
      const aggOn = addDays(paidOn, rng.int(1, 6));
      // The aggregated rest goes to the one-card agent, line by line.
      let remaining = aggregate;
      const used = p.lines.map((_, i) => sum(intents.filter((x) => x.lineIndex === i).map((x) => x.amount)));
      p.lines.forEach((l, i) => {
        const room = l.amount - (used[i] as Fen);
        const take = Math.min(room, remaining);
        if (take > 0) {
          intents.push({ payee: ONE_CARD_AGENT, amount: take, purpose: `${k.purpose}（一卡通批量代发）`, on: aggOn, lineIndex: i });
          remaining -= take;
        }
      });
      assert(remaining === 0, `household money of ${p.id} does not fit its lines`);
      const lastPaid = intents.reduce((d, x) => maxDate(d, x.wrong?.reversedOn ?? x.on), start);
      completed = addDays(lastPaid, rng.int(10, 45));
    } else {
      const t = p.template as Template;
      const [d0, d1] = p.specials.has('long') ? [400, 470] : t.duration;
      completed = addDays(start, rng.int(d0, d1));
      const v = p.village;
      const contractor = fill(rng.pick(t.contractors), v);
      const total = sum(p.lines.map((l) => l.amount));
      const p1On = addDays(start, Math.min(rng.int(15, 45), Math.floor(daysBetween(start, completed) / 2)));
      const p2On = addDays(completed, rng.int(5, 30));
      const retain = ['infrastructure', 'housing_safety', 'education', 'social_security'].includes(p.category) && rng.chance(0.3) && p.specials.size === 0;
      let extra: Intent[] = [];
      let reserved = 0;
      if (p.specials.has('neg')) {
        extra = [{ payee: '甘孜州雪域汽车销售服务有限公司', amount: wan('16.80'), purpose: '购置项目管理用交通工具（皮卡车1辆）', on: addDays(p1On, 25), lineIndex: 0 }];
        reserved = wan('16.80');
      }
      if (p.specials.has('rev-amount')) {
        const on = addDays(start, 3);
        const fixOn = working(addDays(on, 9));
        extra = [
          { payee: '四川康南工程设计咨询有限公司', amount: yuanFen(84600), purpose: '工程勘察设计费', on, lineIndex: 0, wrong: { reason: '红字冲销：设计费金额录入错误（应为48600.00元，误录为84600.00元），冲销后按正确金额重新支付', reversedOn: fixOn } },
          { payee: '四川康南工程设计咨询有限公司', amount: yuanFen(48600), purpose: '工程勘察设计费', on: fixOn, lineIndex: 0 },
        ];
        reserved = yuanFen(84600 + 48600);
      }
      if (p.specials.has('rev-payee')) {
        const others = t.contractors.map((c) => fill(c, v)).filter((c) => c !== contractor);
        const wrongPayee = others[0] as string;
        const on = addDays(p1On, 10);
        const fixOn = working(addDays(on, 8));
        extra = [
          { payee: wrongPayee, amount: yuanFen(56000), purpose: '种苗及生产物资采购款', on, lineIndex: 0, wrong: { reason: `红字冲销：收款单位错误（误付${wrongPayee}），冲销后重新支付至合同收款单位`, reversedOn: fixOn } },
          { payee: contractor, amount: yuanFen(56000), purpose: '种苗及生产物资采购款', on: fixOn, lineIndex: 0 },
        ];
        reserved = yuanFen(56000 * 2);
      }
      if (p.specials.has('rev-purpose')) {
        const on = addDays(start, 20);
        const fixOn = working(addDays(on, 7));
        extra = [
          { payee: '四川雪山工程监理有限公司', amount: yuanFen(36000), purpose: '工程勘察设计费', on, lineIndex: 0, wrong: { reason: '红字冲销：支出用途填列错误（应为工程监理费），冲销后重新填制凭证', reversedOn: fixOn } },
          { payee: '四川雪山工程监理有限公司', amount: yuanFen(36000), purpose: '工程监理费', on: fixOn, lineIndex: 0 },
        ];
        reserved = yuanFen(36000 * 2);
      }
      if (p.lines.length === 1) {
        const base = total - reserved;
        const first = floorTo((base * rng.int(50, 70)) / 100, HUNDRED_YUAN);
        const retention = retain ? floorTo((base * 3) / 100, HUNDRED_YUAN) : 0;
        intents = [{ payee: contractor, amount: first, purpose: t.purposes[0], on: p1On, lineIndex: 0 }, ...extra];
        const second = base - first - retention;
        if (second > 0) intents.push({ payee: contractor, amount: second, purpose: t.purposes[1], on: p2On, lineIndex: 0 });
      } else {
        assert(reserved === 0, `special case on the multi-line project ${p.id}`);
        intents = p.lines.map((l, i) => {
          const last = i === p.lines.length - 1;
          const amount = last && retain ? l.amount - floorTo((l.amount * 3) / 100, HUNDRED_YUAN) : l.amount;
          return { payee: contractor, amount, purpose: i === 0 ? t.purposes[0] : t.purposes[1], on: i === 0 ? p1On : p2On, lineIndex: i };
        });
      }
    }

    // Post what happened by the cut-off.
    intents.sort((a, b) => a.on.localeCompare(b.on));
    let n = 0;
    for (const intent of intents) {
      const paidOn = working(intent.on);
      if (paidOn > AS_OF) continue;
      const line = p.lines[intent.lineIndex ?? 0] as Line;
      assert(paidOn >= line.fundedOn, `${p.id} paid before its funding`);
      const id = `disb-${p.id.slice(5)}-${++n}`;
      const d: Disbursement = { id, project: p, line, amount: intent.amount, payee: intent.payee, purpose: intent.purpose, voucher: voucher('disbursement', paidOn, id) };
      if (intent.wrong) {
        const rid = `rev-${p.id.slice(5)}-${n}`;
        d.reversal = { id: rid, reason: intent.wrong.reason, voucher: voucher('disbursement_reversal', working(intent.wrong.reversedOn), rid) };
      }
      p.disbursements.push(d);
    }
    if (completed !== undefined && working(completed) <= AS_OF) {
      p.completedOn = working(completed);
      const lastPaid = p.disbursements.reduce((d, x) => maxDate(d, x.voucher.date), p.completedOn);
      const accepted = working(addDays(lastPaid, rng.int(5, 30)));
      // Payments dated after the cut-off are not posted; acceptance waits for them.
      const unpaid = intents.some((x) => working(x.on) > AS_OF);
      if (accepted <= AS_OF && !unpaid) {
        p.acceptedOn = accepted;
        p.acceptedBy = p.householdLevel ? `乡城县${p.village.township.name}人民政府、${p.implementingUnit}联合验收组` : `${p.implementingUnit}、乡城县财政局联合验收组`;
      }
      if (!p.specials.has('no-asset')) {
        const registeredOn = minDate(AS_OF, working(addDays(p.acceptedOn ?? p.completedOn, rng.int(3, 25))));
        const index = 1;
        if (p.householdKind !== undefined) {
          const first = p.disbursements.find((d) => households.has(d.payee) && !d.reversal) as Disbursement;
          p.asset = { id: `asset-${p.id.slice(5)}-${index}`, kind: 'household', value: first.amount, owner: first.payee, registeredOn };
        } else {
          const t = p.template as Template;
          const value = sum(p.disbursements.filter((d) => !d.reversal).map((d) => d.amount));
          const owner =
            t.owner === 'village' ? `乡城县${p.village.township.name}${p.village.officialName}`
            : t.owner === 'township' ? `乡城县${p.village.township.name}人民政府`
            : t.owner === 'implementer' ? p.implementingUnit
            : (p.disbursements.find((d) => d.payee.endsWith('合作社'))?.payee ?? `乡城县${p.village.township.name}${p.village.officialName}`);
          p.asset = { id: `asset-${p.id.slice(5)}-${index}`, kind: t.assetKind, value, owner, registeredOn };
        }
      }
    }
    // Reimbursement (报账) of every payment not reversed, some weeks later.
    for (const d of p.disbursements) {
      if (d.reversal) continue;
      const on = working(addDays(d.voucher.date, rng.int(7, 40)));
      if (on > AS_OF) continue;
      const id = `reimb-${d.id.slice(5)}`;
      d.reimbursement = { id, voucher: voucher('reimbursement', on, id) };
    }
  }
}

function yuanFen(yuanAmount: number): Fen {
  return yuanAmount * FEN_PER_YUAN;
}

/** The relief funds pay a few households by name and the rest through the one-card agent, term by term. */
function reliefIntents(p: Project, rng: Prng): Intent[] {
  const education = p.kind === 'education_relief';
  const paid = education ? EDUCATION_PAID : HEALTH_PAID;
  const line = p.lines[0] as Line;
  const refs = rng.shuffle([...households.keys()]).filter((r) => !householdPaidFrom.has(`${p.year}|${line.sourceKey}|${r}`)).slice(0, 3);
  for (const r of refs) householdPaidFrom.add(`${p.year}|${line.sourceKey}|${r}`);
  const perHousehold = education ? [yuanFen(1000), yuanFen(1500), yuanFen(1000)] : [yuanFen(3200), yuanFen(1800), yuanFen(5400)];
  const purpose = education ? '教育扶贫救助金' : '卫生扶贫医疗救助金';
  const first = working(addDays(p.startedOn as string, 20));
  const intents: Intent[] = refs.map((payee, i) => ({ payee, amount: perHousehold[i] as Fen, purpose, on: addDays(first, i), household: true, lineIndex: 0 }));
  const terms = education ? ['2017-09-20', '2018-03-20', '2018-09-20', '2019-03-20'] : ['2017-07-10', '2017-10-16', '2018-01-15', '2018-07-16', '2019-01-14'];
  const batches = splitByWeights(paid - sum(intents.map((x) => x.amount)), terms.map((_, i) => 3 + i), HUNDRED_YUAN);
  terms.forEach((on, i) => intents.push({ payee: ONE_CARD_AGENT, amount: batches[i] as Fen, purpose: `${purpose}（一卡通批量代发）`, on, lineIndex: 0 }));
  return intents;
}

// ---------------------------------------------------------------------------------------------
// 6. Micro-credit
// ---------------------------------------------------------------------------------------------

interface Deposit {
  readonly id: string;
  readonly allocation: Allocation;
  readonly amount: Fen;
  readonly on: string;
}

function buildDeposits(): Deposit[] {
  const rng = new Prng(SEED, 'deposits');
  return allocations
    .filter((a) => a.fundType === 'micro_credit')
    .map((a) => {
      const r = a.receipts[0] as Receipt;
      return { id: `rfd-${COUNTY_CODE}-${a.fiscalYear}-01`, allocation: a, amount: r.amount, on: working(addDays(r.voucher.date, rng.int(3, 10))) };
    });
}

function buildLoans(deposits: Deposit[]): Loan[] {
  const rng = new Prng(SEED, 'loans');
  const borrowers = rng.shuffle([...households.keys()]).slice(0, LOAN_HOUSEHOLDS);
  // Amounts: at most 50,000 each, in steps of 5,000, summing to the seed's 5,941.5万.
  const step = yuanFen(5000);
  const amounts = borrowers.map(() => RULES.loanAmountMax);
  let short = amounts.length * RULES.loanAmountMax - LOANS_TOTAL;
  assert(short >= 0 && short % step === 0, 'loan total not reachable in steps of 5,000');
  while (short > 0) {
    const i = rng.int(0, amounts.length - 1);
    const cut = Math.min(short, step * rng.int(1, 6));
    if ((amounts[i] as Fen) - cut < yuanFen(10000)) continue;
    amounts[i] = (amounts[i] as Fen) - cut;
    short -= cut;
  }
  const loans: Loan[] = [];
  let k = 0;
  for (const [yText, count] of Object.entries(LOANS_BY_YEAR)) {
    const y = Number(yText);
    const deposit = deposits.find((d) => d.allocation.fiscalYear === y);
    const from = deposit ? addDays(deposit.on, 5) : `${y}-03-01`;
    const to = y === 2018 ? '2018-09-28' : `${y}-12-20`;
    const dates = Array.from({ length: count }, () => working(between(rng, from, to))).sort();
    dates.forEach((issuedOn, i) => {
      const ref = borrowers[k] as string;
      const amount = amounts[k] as Fen;
      k++;
      const hh = households.get(ref) as { village: Village };
      const r = rng.next();
      const termMonths = r < 0.7 ? 36 : r < 0.9 ? 12 : 24;
      const age = rng.int(24, 60);
      loans.push({
        id: `loan-${COUNTY_CODE}-${y}-${pad(i + 1, 4)}`, householdRef: ref, birthYear: y - age, villageCode: hh.village.code,
        bank: rng.chance(0.8) ? BANKS[0] : BANKS[1], amount, termMonths, annualRate: benchmarkRate(issuedOn, termMonths), issuedOn,
        purpose: rng.pick(LOAN_PURPOSES), repayments: [],
      });
    });
  }
  assert(k === LOAN_HOUSEHOLDS, 'loan count');

  // Repayments, overdue loans and compensations, by the cut-off.
  const matured = loans.filter((l) => addMonths(l.issuedOn, l.termMonths) <= addDays(AS_OF, -10));
  const troubled = rng.shuffle(matured.filter((l) => addMonths(l.issuedOn, l.termMonths) <= '2018-10-31')).slice(0, 12);
  // Five are compensated from the risk fund, seven are still overdue at the cut-off. (A repayment after the
  // overdue mark is left out on purpose: files are imported kind by kind, so it would reach the ledger
  // before the mark and be refused as dated before the loan's previous fact.)
  const compensated = troubled.slice(0, 5);
  for (const l of loans) {
    const maturesOn = addMonths(l.issuedOn, l.termMonths);
    const rid = (n: number) => `repay-${l.id.slice(5)}-${n}`;
    if (troubled.includes(l)) {
      let outstanding = l.amount;
      if (rng.chance(0.5) && l.termMonths > 12) {
        const part = floorTo(l.amount / 3, HUNDRED_YUAN);
        l.repayments.push({ id: rid(1), amount: part, on: previousWorkingDay(addMonths(l.issuedOn, 12)) });
        outstanding -= part;
      }
      const edge = l === compensated[0];
      l.overdueOn = addDays(maturesOn, edge ? 1 : rng.int(1, 20));
      if (compensated.includes(l)) {
        // The first one is compensated exactly 90 days after it was marked overdue (the planted edge case).
        const days = edge ? RULES.compensationOverdueDaysMin : rng.int(100, 200);
        l.compensation = { id: `comp-${l.id.slice(5)}`, amount: outstanding, on: addDays(l.overdueOn, days) };
      }
      continue;
    }
    if (maturesOn <= AS_OF) {
      l.repayments.push({ id: rid(1), amount: l.amount, on: previousWorkingDay(maxDate(addDays(l.issuedOn, 30), addDays(maturesOn, -rng.int(1, 25)))) });
    } else if (rng.chance(0.15) && addMonths(l.issuedOn, 12) <= AS_OF) {
      l.repayments.push({ id: rid(1), amount: floorTo(l.amount / 3, HUNDRED_YUAN), on: previousWorkingDay(addMonths(l.issuedOn, 12)) });
    }
  }
  for (const l of loans) {
    for (const r of l.repayments) assert(r.on <= AS_OF, `repayment after the cut-off on ${l.id}`);
    if (l.compensation) assert(l.compensation.on <= AS_OF, `compensation after the cut-off on ${l.id}`);
  }
  return loans;
}

// ---------------------------------------------------------------------------------------------
// 7. Vouchers: one book per county and year, numbered in date order
// ---------------------------------------------------------------------------------------------

function numberVouchers(): { gap: string; backdated: string } {
  const years = [...new Set(vouchers.map((v) => yearOf(v.date)))].sort();
  let gap = '';
  let backdated = '';
  for (const y of years) {
    const book = vouchers
      .filter((v) => yearOf(v.date) === y)
      .sort((a, b) => a.date.localeCompare(b.date) || VOUCHER_KIND_ORDER[a.kind] - VOUCHER_KIND_ORDER[b.kind] || a.ref.localeCompare(b.ref));
    let n = 0;
    book.forEach((v, i) => {
      n++;
      // Planted: one number of the 2017 book is never used (a gap in the sequence).
      if (y === 2017 && i === Math.floor(book.length / 2)) {
        gap = `${COUNTY_CODE}-${y}-${pad(n, 6)}`;
        n++;
      }
      v.no = `${COUNTY_CODE}-${y}-${pad(n, 6)}`;
    });
    if (y === 2018) {
      // Planted: a reimbursement voucher dated a few days before the voucher numbered just before it.
      const i = book.findIndex((v, j) => j > book.length / 2 && v.kind === 'reimbursement' && j > 0 && daysBetween((book[j - 1] as Voucher).date, v.date) <= 2 && (book[j - 1] as Voucher).date > `${y}-01-20`);
      assert(i > 0, 'no voucher to back-date');
      const v = book[i] as Voucher;
      v.date = addDays((book[i - 1] as Voucher).date, -4);
      backdated = v.no;
    }
  }
  return { gap, backdated };
}

// ---------------------------------------------------------------------------------------------
// 8. Notices
// ---------------------------------------------------------------------------------------------

function boardUntil(rng: Prng, publishedOn: string): string {
  return addDays(publishedOn, rng.int(12, 20));
}

function buildNotices(projects: Project[], late: { allocationId: string }): Notice[] {
  const rng = new Prng(SEED, 'notices');
  const notices: Notice[] = [];
  const webUntil = (on: string) => `${yearOf(on) + 5}-12-31`;
  // County web: allocation results, one notice per allocation date and fiscal year.
  const groups = new Map<string, Allocation[]>();
  for (const a of allocations) {
    const key = `${a.fiscalYear}|${a.allocatedOn}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const perYear = new Map<number, number>();
  for (const [key, group] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [yText, on] = key.split('|') as [string, string];
    const y = Number(yText);
    const n = (perYear.get(y) ?? 0) + 1;
    perYear.set(y, n);
    const isLate = group.some((a) => a.id === late.allocationId);
    // Planted: the notice of this allocation is published 31 working days after it.
    const publishedOn = isLate ? working(addDays(on, 43)) : working(addDays(on, rng.int(2, 8)));
    notices.push({
      id: `notice-alloc-${y}-${pad(n, 2)}`, level: 'county', regionCode: COUNTY_CODE, subjectKind: 'allocations', projectId: '', fiscalYear: y,
      publishedOn, postedUntil: webUntil(publishedOn), channel: 'web',
    });
  }
  // County web: micro-credit (borrower use, amount, term, rate), once a year.
  for (const y of Object.keys(LOANS_BY_YEAR).map(Number)) {
    const publishedOn = working(`${y}-12-${rng.int(18, 26)}`);
    const on = y === 2018 ? working('2018-10-15') : publishedOn;
    notices.push({
      id: `notice-microcredit-${y}`, level: 'county', regionCode: COUNTY_CODE, subjectKind: 'micro_credit', projectId: '', fiscalYear: y,
      publishedOn: on, postedUntil: webUntil(on), channel: 'web',
    });
  }
  for (const p of projects) {
    // Village board: the project plan after approval (and the township board for industry projects).
    const planOn = working(addDays(p.approvedOn, rng.int(1, 6)));
    const planUntil = p.specials.has('short-notice') ? addDays(planOn, 4) : boardUntil(rng, planOn);
    notices.push({
      id: `notice-${p.id}-plan`, level: 'village', regionCode: p.village.code, subjectKind: 'project', projectId: p.id, fiscalYear: '',
      publishedOn: planOn, postedUntil: planUntil, channel: 'board',
    });
    if (p.category === 'industry' && !p.householdLevel) {
      notices.push({
        id: `notice-${p.id}-township`, level: 'township', regionCode: `${p.village.township.code}000`, subjectKind: 'project', projectId: p.id, fiscalYear: '',
        publishedOn: planOn, postedUntil: boardUntil(rng, planOn), channel: 'board',
      });
    }
    // Village board: the beneficiary list of a household-level project, before anything is paid.
    if (p.householdLevel) {
      const on = working(addDays(p.approvedOn, rng.int(2, 5)));
      notices.push({
        id: `notice-${p.id}-beneficiaries`, level: 'village', regionCode: p.village.code, subjectKind: 'beneficiaries', projectId: p.id, fiscalYear: '',
        publishedOn: on, postedUntil: boardUntil(rng, on), channel: 'board',
      });
    }
    // Village board: what was spent and done, after acceptance.
    if (p.acceptedOn) {
      const on = working(addDays(p.acceptedOn, rng.int(3, 15)));
      if (on <= AS_OF) {
        notices.push({
          id: `notice-${p.id}-result`, level: 'village', regionCode: p.village.code, subjectKind: 'project', projectId: p.id, fiscalYear: '',
          publishedOn: on, postedUntil: boardUntil(rng, on), channel: 'board',
        });
      }
    }
  }
  return notices;
}

// ---------------------------------------------------------------------------------------------
// 9. Output
// ---------------------------------------------------------------------------------------------

function write(dir: string, file: string, rows: CsvRow[]): void {
  fs.writeFileSync(path.join(dir, file), toCsv(spec(file).columns, rows), 'utf8');
}

function main(): void {
  const root = process.cwd();
  assert(fs.existsSync(path.join(root, 'seeds', 'demo', 'generate.ts')), 'run from the repository root (cd /work/main)');
  const out = path.join(root, 'seeds', 'demo', COUNTY_CODE);
  fs.mkdirSync(out, { recursive: true });

  buildAllocations();
  const { villages, townships } = buildVillages();
  const projects = buildProjects(villages, townships);
  fundProjects(projects);
  pickSpecials(projects);
  planWorks(projects);
  const deposits = buildDeposits();
  const loans = buildLoans(deposits);
  const planted = numberVouchers();
  const lateAllocation = allocations.find((a) => a.id === 'alloc-2017-paired-02') as Allocation;
  const notices = buildNotices(projects, { allocationId: lateAllocation.id });

  const receipts = allocations.flatMap((a) => a.receipts).sort((a, b) => a.voucher.date.localeCompare(b.voucher.date) || a.id.localeCompare(b.id));
  const disbursements = projects.flatMap((p) => p.disbursements).sort((a, b) => a.voucher.date.localeCompare(b.voucher.date) || a.id.localeCompare(b.id));
  const lines = projects.flatMap((p) => p.lines.map((l) => ({ p, l }))).sort((a, b) => a.l.fundedOn.localeCompare(b.l.fundedOn) || a.l.id.localeCompare(b.l.id));
  const byDate = <T>(items: T[], date: (x: T) => string, id: (x: T) => string) => [...items].sort((a, b) => date(a).localeCompare(date(b)) || id(a).localeCompare(id(b)));

  write(out, '01-allocations.csv', allocations.map((a) => ({
    allocationId: a.id, countyCode: COUNTY_CODE, fundType: a.fundType, sourceLevel: a.sourceLevel, fiscalYear: a.fiscalYear, amount: fmt(a.amount),
    documentNo: a.documentNo, allocatedOn: a.allocatedOn, partner: a.partner, channel: a.channel,
  })));
  write(out, '02-receipts.csv', receipts.map((r) => ({ allocationId: r.allocation.id, receiptId: r.id, amount: fmt(r.amount), receivedOn: r.voucher.date, voucherNo: r.voucher.no })));
  write(out, '03-risk-fund-deposits.csv', deposits.map((d) => ({ countyCode: COUNTY_CODE, depositId: d.id, allocationId: d.allocation.id, amount: fmt(d.amount), depositedOn: d.on })));
  write(out, '04-projects.csv', byDate(projects, (p) => p.listedOn, (p) => p.id).map((p) => ({
    projectId: p.id, name: p.name, category: p.category, villageCode: p.village.code, fiscalYear: p.year, plannedInvestment: fmt(p.planned),
    implementingUnit: p.implementingUnit, performanceTargets: p.targets.join(ARRAY_SEPARATOR), povertyLinkage: p.linkage, householdLevel: p.householdLevel,
    listedOn: p.listedOn,
  })));
  write(out, '05-approvals.csv', byDate(projects, (p) => p.approvedOn, (p) => p.id).map((p) => ({ projectId: p.id, on: p.approvedOn, documentNo: p.approvalDoc })));
  write(out, '06-fundings.csv', lines.map(({ p, l }) => ({
    projectId: p.id, fundingId: l.id, 'source.allocationId': l.source.kind === 'allocation' ? l.source.allocationId : '',
    'source.pool.countyCode': l.source.kind === 'pool' ? COUNTY_CODE : '', 'source.pool.fiscalYear': l.source.kind === 'pool' ? l.source.fiscalYear : '',
    amount: fmt(l.amount), fundedOn: l.fundedOn,
  })));
  const started = projects.filter((p) => p.startedOn && p.startedOn <= AS_OF);
  assert(started.length === projects.length, 'every project is started by the cut-off');
  write(out, '07-starts.csv', byDate(started, (p) => p.startedOn as string, (p) => p.id).map((p) => ({ projectId: p.id, on: p.startedOn as string })));
  write(out, '08-disbursements.csv', disbursements.map((d) => ({
    projectId: d.project.id, disbursementId: d.id, fundingId: d.line.id, amount: fmt(d.amount), payee: d.payee, voucherNo: d.voucher.no, paidOn: d.voucher.date, purpose: d.purpose,
  })));
  const reversed = disbursements.filter((d) => d.reversal);
  write(out, '09-disbursement-reversals.csv', reversed.map((d) => {
    const r = d.reversal as { id: string; reason: string; voucher: Voucher };
    return { disbursementId: d.id, reversalId: r.id, amount: fmt(d.amount), reason: r.reason, voucherNo: r.voucher.no, reversedOn: r.voucher.date };
  }));
  const reimbursed = byDate(disbursements.filter((d) => d.reimbursement), (d) => (d.reimbursement as { voucher: Voucher }).voucher.date, (d) => d.id);
  write(out, '10-reimbursements.csv', reimbursed.map((d) => {
    const r = d.reimbursement as { id: string; voucher: Voucher };
    return { disbursementId: d.id, reimbursementId: r.id, reimbursedOn: r.voucher.date, voucherNo: r.voucher.no };
  }));
  const completed = projects.filter((p) => p.completedOn);
  write(out, '11-completions.csv', byDate(completed, (p) => p.completedOn as string, (p) => p.id).map((p) => ({ projectId: p.id, on: p.completedOn as string })));
  const withAsset = projects.filter((p) => p.asset);
  write(out, '12-assets.csv', byDate(withAsset, (p) => p.asset?.registeredOn ?? '', (p) => p.id).map((p) => {
    const a = p.asset as NonNullable<Project['asset']>;
    return { projectId: p.id, assetId: a.id, kind: a.kind, value: fmt(a.value), owner: a.owner, registeredOn: a.registeredOn };
  }));
  const accepted = projects.filter((p) => p.acceptedOn);
  write(out, '13-acceptances.csv', byDate(accepted, (p) => p.acceptedOn as string, (p) => p.id).map((p) => ({ projectId: p.id, on: p.acceptedOn as string, acceptedBy: p.acceptedBy })));
  write(out, '14-loans.csv', loans.map((l) => ({
    loanId: l.id, householdRef: l.householdRef, borrowerBirthYear: l.birthYear, villageCode: l.villageCode, bank: l.bank, amount: fmt(l.amount),
    termMonths: l.termMonths, annualRate: l.annualRate, issuedOn: l.issuedOn, purpose: l.purpose,
  })));
  const repayments = loans.flatMap((l) => l.repayments.map((r) => ({ l, r })));
  write(out, '15-loan-repayments.csv', byDate(repayments, (x) => x.r.on, (x) => x.r.id).map(({ l, r }) => ({ loanId: l.id, repaymentId: r.id, amount: fmt(r.amount), on: r.on })));
  const overdue = loans.filter((l) => l.overdueOn);
  write(out, '16-loan-overdue.csv', byDate(overdue, (l) => l.overdueOn as string, (l) => l.id).map((l) => ({ loanId: l.id, on: l.overdueOn as string })));
  const compensated = loans.filter((l) => l.compensation);
  write(out, '17-loan-compensations.csv', byDate(compensated, (l) => l.compensation?.on ?? '', (l) => l.id).map((l) => {
    const c = l.compensation as { id: string; amount: Fen; on: string };
    return { loanId: l.id, compensationId: c.id, amount: fmt(c.amount), on: c.on };
  }));
  write(out, '18-notices.csv', byDate(notices, (n) => n.publishedOn, (n) => n.id).map((n) => ({
    noticeId: n.id, level: n.level, regionCode: n.regionCode, 'subject.kind': n.subjectKind, 'subject.projectId': n.projectId,
    'subject.countyCode': n.projectId ? '' : COUNTY_CODE, 'subject.fiscalYear': n.fiscalYear, publishedOn: n.publishedOn, postedUntil: n.postedUntil, channel: n.channel,
  })));
  write(out, 'villages.csv', villages.map((v) => ({ villageCode: v.code, name: v.name, poor: v.poor })));
  write(out, 'households.csv', [...households.values()].map((h) => ({ householdRef: h.ref, villageCode: h.village.code, headName: h.headName })));

  // What the README's anomaly table points at.
  const find = (s: Special) => projects.find((p) => p.specials.has(s));
  const report = {
    negativeList: find('neg')?.disbursements.find((d) => d.purpose.includes('交通工具'))?.id,
    householdTwice: find('dup')?.id,
    reversals: reversed.map((d) => `${d.id} → ${d.reversal?.id}`),
    idle: allocations.find((a) => a.purpose === 'idle')?.id,
    completedNoAsset: find('no-asset')?.id,
    shortNotice: `notice-${find('short-notice')?.id}-plan`,
    lateNotice: lateAllocation.id,
    voucherGap: planted.gap,
    voucherBackdated: planted.backdated,
    compensatedAt90: loans.find((l) => l.compensation && daysBetween(l.overdueOn as string, l.compensation.on) === RULES.compensationOverdueDaysMin)?.id,
    notCompleted: projects.filter((p) => !p.completedOn).map((p) => p.id),
    completedNotAccepted: projects.filter((p) => p.completedOn && !p.acceptedOn).map((p) => p.id),
  };
  console.log(JSON.stringify(report, null, 2));
  const problems = checkDemo(root, COUNTY_CODE, true);
  if (problems.length > 0) {
    for (const p of problems) console.error(`CHECK FAILED: ${p}`);
    process.exit(1);
  }
}

main();
