import { standardFundTypes } from './reference-data';

/**
 * The rules that vary by province (*local* in DOMAIN.md) are configuration, not code. The deciders
 * and the warning rules take a LocalRules; `defaultLocalRules` is the profile the seeds and
 * DOMAIN.md give, and a province supplies its own by configuration.
 * Amounts and ratios are decimal strings, as everywhere money is written down.
 */
export interface ReferenceRate {
  /** First day the rate applies (inclusive). */
  readonly from: string;
  /** Rate for loans of at most 12 months (the 1-year LPR, before 2019-08-20 the 1-year benchmark rate). */
  readonly upToOneYear: string;
  /** Rate for loans of 13 to 60 months (the 5-year LPR, before 2019-08-20 the 1–5-year benchmark rate). */
  readonly overOneYear: string;
}

export interface LocalRules {
  readonly profile: string;
  /** Fund types accepted on allocations: the standard six, and whatever a province adds. */
  readonly fundTypes: readonly string[];
  readonly notices: {
    /** Allocation results are disclosed at county level within this many working days (many provinces: 15). */
    readonly countyDeadlineWorkingDays: number;
    /** Township and village boards keep a notice up at least this many days (in principle 10). */
    readonly boardPostingDaysMin: number;
  };
  /** Funds received but not assigned to a project for longer than this are idle (warning rule). */
  readonly idleFundDaysMax: number;
  readonly microCredit: {
    readonly loanAmountMax: string;
    readonly termMonthsMax: number;
    readonly borrowerAgeMin: number;
    readonly borrowerAgeMax: number;
    /** Effective-dated reference rates, ascending by `from`; a loan's rate may not exceed the one in force. */
    readonly referenceRates: readonly ReferenceRate[];
    /** A loan may be compensated from the risk fund only after this many days overdue. */
    readonly compensationOverdueDaysMin: number;
    /** The risk fund's share of a compensated loss; the bank bears the rest (8:2 → "0.8"). */
    readonly riskFundShare: string;
  };
  /** Spending purposes that special funds may not pay for (keywords matched in `purpose`). */
  readonly negativeList: readonly string[];
  /** Thresholds of the warning rules that no other rule above gives; `defaultWarningThresholds` when left out. */
  readonly warnings?: WarningThresholds;
}

export interface WarningThresholds {
  /**
   * A completed project's assets are registered (确权, 国办函〔2021〕51号) within this many days of
   * completion; after that ASSET.NOT_REGISTERED is raised until one is.
   */
  readonly assetRegistrationDaysMax: number;
}

/** A quarter: acceptance and registration follow completion within weeks in the seeds (at most 80 days in the demo county). */
export const defaultWarningThresholds: WarningThresholds = { assetRegistrationDaysMax: 90 };

export const defaultLocalRules: LocalRules = {
  profile: 'default (seed 000, DOMAIN.md)',
  fundTypes: standardFundTypes,
  notices: { countyDeadlineWorkingDays: 15, boardPostingDaysMin: 10 },
  idleFundDaysMax: 180,
  microCredit: {
    loanAmountMax: '50000.00',
    termMonthsMax: 36,
    borrowerAgeMin: 18,
    borrowerAgeMax: 65,
    // PBoC benchmark lending rates until the LPR reform, then the published LPR (全国银行间同业拆借中心).
    referenceRates: [
      { from: '2014-11-22', upToOneYear: '0.0560', overOneYear: '0.0600' },
      { from: '2015-03-01', upToOneYear: '0.0535', overOneYear: '0.0575' },
      { from: '2015-05-11', upToOneYear: '0.0510', overOneYear: '0.0550' },
      { from: '2015-06-28', upToOneYear: '0.0485', overOneYear: '0.0525' },
      { from: '2015-08-26', upToOneYear: '0.0460', overOneYear: '0.0500' },
      { from: '2015-10-24', upToOneYear: '0.0435', overOneYear: '0.0475' },
      { from: '2019-08-20', upToOneYear: '0.0425', overOneYear: '0.0485' },
      { from: '2019-09-20', upToOneYear: '0.0420', overOneYear: '0.0485' },
      { from: '2019-11-20', upToOneYear: '0.0415', overOneYear: '0.0480' },
      { from: '2020-02-20', upToOneYear: '0.0405', overOneYear: '0.0475' },
      { from: '2020-04-20', upToOneYear: '0.0385', overOneYear: '0.0465' },
      { from: '2021-12-20', upToOneYear: '0.0380', overOneYear: '0.0465' },
      { from: '2022-01-20', upToOneYear: '0.0370', overOneYear: '0.0460' },
      { from: '2022-05-20', upToOneYear: '0.0370', overOneYear: '0.0445' },
      { from: '2022-08-22', upToOneYear: '0.0365', overOneYear: '0.0430' },
      { from: '2023-06-20', upToOneYear: '0.0355', overOneYear: '0.0420' },
      { from: '2023-08-21', upToOneYear: '0.0345', overOneYear: '0.0420' },
      { from: '2024-02-20', upToOneYear: '0.0345', overOneYear: '0.0395' },
      { from: '2024-07-22', upToOneYear: '0.0335', overOneYear: '0.0385' },
      { from: '2024-10-21', upToOneYear: '0.0310', overOneYear: '0.0360' },
      { from: '2025-05-20', upToOneYear: '0.0300', overOneYear: '0.0350' },
    ],
    compensationOverdueDaysMin: 90,
    riskFundShare: '0.8',
  },
  negativeList: [
    '奖金',
    '津贴',
    '福利补助',
    '弥补预算支出缺口',
    '偿还债务',
    '大中型基本建设',
    '交通工具',
    '通讯设备',
    '城市基础设施',
    '行政事业单位基本支出',
    '办公楼',
  ],
  warnings: defaultWarningThresholds,
};
