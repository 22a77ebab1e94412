import { wan, type Fen } from './money';

/**
 * The figures of the demo county, each from seed 000 (/work/shared/domain/seeds/000_b897b2bc94b4a626.txt,
 * a 乡城县 report: 甘孜州, Sichuan, county code 513336). The seed is in traditional characters and is
 * quoted as written. Everything marked DERIVED is this demo's own choice, explained in README.md.
 */

export const COUNTY_CODE = '513336';
export const COUNTY_NAME = '乡城县';

/** Data cut-off: nothing in the demo is dated after this day (2019-04 the county left the poverty list). */
export const AS_OF = '2019-06-30';

/** 「全縣精準識別貧困村42個、貧困戶1270戶、貧困人口6834人,貧困發生率26.6%」 */
export const POOR_VILLAGES = 42;
export const POOR_HOUSEHOLDS = 1270;
export const POOR_PEOPLE = 6834;

/** 「轄3鎮7鄉,57個行政村,總人口3.3萬人」: the 2023 edition has the same 10 townships, 57 村 + 3 社区. */
export const TOWNSHIPS = 10;
export const ADMINISTRATIVE_VILLAGES = 57;

/** 「統籌推進全縣89個“四好村”建設」「選派89村“第一書記”」: 89 villages before the 2020 merger. */
export const PRE_MERGER_VILLAGES = 89;

/** 「安排項目477個(2014年26個、2015年27個、2016年125個、2017年205個、2018年94個)」 */
export const PROJECTS_BY_YEAR: Readonly<Record<number, number>> = { 2014: 26, 2015: 27, 2016: 125, 2017: 205, 2018: 94 };
export const PROJECTS_TOTAL = 477;
export const YEARS = [2014, 2015, 2016, 2017, 2018] as const;

/** 「安排到戶項目3810個」: counted here as household-benefit items of household-level projects. */
export const HOUSEHOLD_ITEMS = 3810;

/** 「完成小庭院建設1253戶」 */
export const COURTYARD_HOUSEHOLDS = 1253;
/** 「因戶施策發展小庭院1270戶、小養殖1079戶」 */
export const SMALL_LIVESTOCK_HOUSEHOLDS = 1079;
/** 「二是移民搬遷安置一批78戶、占6.1%」 */
export const RELOCATED_HOUSEHOLDS = 78;
/** 「加強危房改造125戶」 */
export const DILAPIDATED_HOUSEHOLDS = 125;
/** DERIVED: the rest of the 3,810 items, household planting support (到户种植: 酿酒葡萄、果苗、菩提). */
export const PLANTING_HOUSEHOLD_ITEMS =
  HOUSEHOLD_ITEMS - COURTYARD_HOUSEHOLDS - SMALL_LIVESTOCK_HOUSEHOLDS - RELOCATED_HOUSEHOLDS - DILAPIDATED_HOUSEHOLDS; // 1,275

/** 「完成42個貧困村衛生室建設提檔升級」: one clinic project in each poor village. */
export const VILLAGE_CLINICS = 42;

/** 「2014――2018年9月,共投入上級財政扶貧專項資金10189.62萬元」 */
export const SPECIAL_TOTAL: Fen = wan('10189.62');
/** 「投入整合涉農資金金21244.89萬元」 */
export const INTEGRATED_TOTAL: Fen = wan('21244.89');
/** 「并捆綁援藏資金2.95億元用于脫貧攻堅」 */
export const PAIRED_TOTAL: Fen = wan('29500.00');
/** 「省直機關和對口援藏瀘州市選派40名駐村干部協力摘帽」 */
export const PAIRED_PARTNER = '泸州市';
/** 「建產業扶持基金2100萬元,用活2100萬元」 */
export const INDUSTRY_FUND: Fen = wan('2100.00');
/** 「設扶貧小額信貸風險基金1074萬元,已放貸5941.5萬元,惠及貧困人口1254戶」 */
export const RISK_FUND_TOTAL: Fen = wan('1074.00');
export const LOANS_TOTAL: Fen = wan('5941.50');
export const LOAN_HOUSEHOLDS = 1254;
/** 「設教育扶貧救助資金500萬元,已發放50.11萬元,惠及貧困人口545人」 */
export const EDUCATION_FUND: Fen = wan('500.00');
export const EDUCATION_PAID: Fen = wan('50.11');
export const EDUCATION_PEOPLE = 545;
/** 「設衛生扶貧救助資金500萬元,已發放115.17萬元,惠及貧困人口1262人」 */
export const HEALTH_FUND: Fen = wan('500.00');
export const HEALTH_PAID: Fen = wan('115.17');
export const HEALTH_PEOPLE = 1262;

/** DERIVED: special funds by year (a ramp with the project counts; 2018 up to September). */
export const SPECIAL_BY_YEAR: Readonly<Record<number, Fen>> = {
  2014: wan('900.00'),
  2015: wan('1100.00'),
  2016: wan('2200.00'),
  2017: wan('3300.00'),
  2018: wan('2689.62'),
};
/** DERIVED: integrated money by year: the pooling of 涉农 funds started in 2016 (国办发〔2016〕22号). */
export const INTEGRATED_BY_YEAR: Readonly<Record<number, Fen>> = { 2016: wan('6200.00'), 2017: wan('8500.00'), 2018: wan('6544.89') };
/** DERIVED: paired assistance (援藏, 泸州市) by year. */
export const PAIRED_BY_YEAR: Readonly<Record<number, Fen>> = {
  2014: wan('3500.00'),
  2015: wan('4500.00'),
  2016: wan('6500.00'),
  2017: wan('8000.00'),
  2018: wan('7000.00'),
};
/** DERIVED: the part of the 2018 second 援藏 batch not yet received at the cut-off. */
export const PAIRED_PENDING_2018: Fen = wan('1000.00');
/** DERIVED: the risk fund built in three steps (county 2015, province 2016, county 2017). */
export const RISK_FUND_BY_YEAR: ReadonlyArray<{ year: number; level: 'county' | 'provincial'; amount: Fen }> = [
  { year: 2015, level: 'county', amount: wan('300.00') },
  { year: 2016, level: 'provincial', amount: wan('474.00') },
  { year: 2017, level: 'county', amount: wan('300.00') },
];
/** DERIVED: loans issued by year (sums to the 1,254 households). */
export const LOANS_BY_YEAR: Readonly<Record<number, number>> = { 2015: 280, 2016: 520, 2017: 330, 2018: 124 };

/** The planted idle allocation: a third provincial batch of 2016 special funds, received and never assigned. */
export const IDLE_2016_AMOUNT: Fen = wan('85.00');

/**
 * DERIVED: the original channels of the integrated pool (统筹整合使用财政涉农资金, 国办发〔2016〕22号 lists
 * them) with their share of each year's pool, the issuing level, and the 川财 document series.
 */
export const INTEGRATED_CHANNELS: ReadonlyArray<{ channel: string; level: 'central' | 'provincial'; weight: number; series: string }> = [
  { channel: '车购税收入补助地方资金', level: 'central', weight: 24, series: '川财建' },
  { channel: '水利发展资金', level: 'central', weight: 15, series: '川财农' },
  { channel: '农业生产发展资金', level: 'central', weight: 14, series: '川财农' },
  { channel: '农村危房改造补助资金', level: 'central', weight: 9, series: '川财社' },
  { channel: '林业改革发展资金', level: 'central', weight: 8, series: '川财农' },
  { channel: '农村综合改革转移支付', level: 'central', weight: 7, series: '川财农' },
  { channel: '农业综合开发补助资金', level: 'central', weight: 6, series: '川财农发' },
  { channel: '林业生态保护恢复资金', level: 'central', weight: 5, series: '川财农' },
  { channel: '农村环境整治资金', level: 'central', weight: 4, series: '川财建' },
  { channel: '省级农村公路建设补助资金', level: 'provincial', weight: 5, series: '川财建' },
  { channel: '省级现代农业发展工程资金', level: 'provincial', weight: 3, series: '川财农' },
];

export type Category = 'housing_safety' | 'industry' | 'employment' | 'education' | 'health' | 'infrastructure' | 'ecology' | 'social_security';
export const CATEGORIES: readonly Category[] = [
  'housing_safety',
  'industry',
  'employment',
  'education',
  'health',
  'infrastructure',
  'ecology',
  'social_security',
];

/**
 * DERIVED: projects by campaign (「八大扶貧攻堅專項」) and year; each column sums to PROJECTS_BY_YEAR.
 * Health holds the 42 village clinics and the medical relief fund; industry and housing hold the
 * household-level projects (the 3,810 items).
 */
export const PROJECTS_BY_CATEGORY: Readonly<Record<Category, Readonly<Record<number, number>>>> = {
  infrastructure: { 2014: 10, 2015: 10, 2016: 40, 2017: 60, 2018: 30 },
  industry: { 2014: 6, 2015: 7, 2016: 45, 2017: 80, 2018: 32 },
  housing_safety: { 2014: 4, 2015: 4, 2016: 8, 2017: 9, 2018: 5 },
  education: { 2014: 2, 2015: 2, 2016: 6, 2017: 10, 2018: 5 },
  health: { 2014: 1, 2015: 1, 2016: 14, 2017: 20, 2018: 7 },
  ecology: { 2014: 1, 2015: 1, 2016: 6, 2017: 11, 2018: 6 },
  employment: { 2014: 1, 2015: 1, 2016: 4, 2017: 9, 2018: 4 },
  social_security: { 2014: 1, 2015: 1, 2016: 2, 2017: 6, 2018: 5 },
};

/** DERIVED: household-level projects by kind and year (one village each). */
export const HOUSEHOLD_PROJECTS_BY_KIND: Readonly<Record<'courtyard' | 'livestock' | 'planting' | 'dilapidated' | 'relocation', Readonly<Record<number, number>>>> = {
  courtyard: { 2016: 14, 2017: 24, 2018: 10 },
  livestock: { 2015: 3, 2016: 12, 2017: 24, 2018: 9 },
  planting: { 2014: 4, 2015: 2, 2016: 12, 2017: 22, 2018: 9 },
  dilapidated: { 2014: 1, 2015: 1, 2016: 2, 2017: 2, 2018: 2 },
  relocation: { 2016: 2, 2017: 2 },
};
/** DERIVED: subsidy per household (yuan) of each household-level kind. */
export const PER_HOUSEHOLD_YUAN = { courtyard: 6000, livestock: 4500, planting: 3000, dilapidated: 30000, relocation: 60000 } as const;
/** DERIVED: clinics by year (1 + 1 + 14 + 19 + 7 = 42). */
export const CLINICS_BY_YEAR: Readonly<Record<number, number>> = { 2014: 1, 2015: 1, 2016: 14, 2017: 19, 2018: 7 };

/**
 * PBoC benchmark lending rates (as in libs/domain defaultLocalRules): a loan's rate may not exceed
 * the one in force on its issue date for its term (≤ 12 months / longer).
 */
export const BENCHMARK_RATES: ReadonlyArray<{ from: string; upToOneYear: string; overOneYear: string }> = [
  { from: '2014-11-22', upToOneYear: '0.0560', overOneYear: '0.0600' },
  { from: '2015-03-01', upToOneYear: '0.0535', overOneYear: '0.0575' },
  { from: '2015-05-11', upToOneYear: '0.0510', overOneYear: '0.0550' },
  { from: '2015-06-28', upToOneYear: '0.0485', overOneYear: '0.0525' },
  { from: '2015-08-26', upToOneYear: '0.0460', overOneYear: '0.0500' },
  { from: '2015-10-24', upToOneYear: '0.0435', overOneYear: '0.0475' },
];

export function benchmarkRate(on: string, termMonths: number): string {
  const inForce = BENCHMARK_RATES.filter((r) => r.from <= on).at(-1);
  if (!inForce) throw new Error(`no benchmark rate on ${on}`);
  return termMonths <= 12 ? inForce.upToOneYear : inForce.overOneYear;
}

/** Local rules the anomalies are planted against (libs/domain defaultLocalRules). */
export const RULES = {
  loanAmountMax: wan('5.00'),
  termMonthsMax: 36,
  borrowerAgeMin: 18,
  borrowerAgeMax: 65,
  compensationOverdueDaysMin: 90,
  idleFundDaysMax: 180,
  countyNoticeWorkingDaysMax: 15,
  boardPostingDaysMin: 10,
  negativeList: ['奖金', '津贴', '福利补助', '弥补预算支出缺口', '偿还债务', '大中型基本建设', '交通工具', '通讯设备', '城市基础设施', '行政事业单位基本支出', '办公楼'],
} as const;
