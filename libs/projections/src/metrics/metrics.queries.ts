import { businessDate, fiscalYear as checkedFiscalYear, refuse, sourceLevel as checkedSourceLevel, type RegionLevel } from '@ledger/domain';
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ReadModelSchema } from '../read-model/read-schema';
import { ratio, sqlInteger, yuanOf } from '../shared/fen';
import { ProjectionError } from '../shared/projection-error';
import { regionPrefix, type RegionPrefix } from '../shared/region';
import { microCreditMeasures, moneyMeasures, noticeMeasures, type Measure } from './metrics.tables';

export interface MetricsFilter {
  /** 6 (county), 9 (township) or 12 (village) digits. */
  readonly region: string;
  readonly fiscalYear?: number;
  readonly fundType?: string;
  readonly sourceLevel?: string;
  /** YYYY-MM-DD: only facts whose business date is on or before it. */
  readonly until?: string;
}

export interface MetricsAmounts {
  /** null below the county: allocations are made to counties. */
  readonly allocated: string | null;
  readonly received: string | null;
  readonly assigned: string;
  /** Gross: reversals are in `reversed`, and the rates use the net. */
  readonly disbursed: string;
  readonly reversed: string;
  readonly reimbursed: string;
}

export interface MetricsRates {
  readonly receivedRate: string | null;
  readonly disbursementRate: string | null;
  readonly spendingProgress: string | null;
  readonly reimbursementRate: string | null;
  readonly projectStartRate: string | null;
  readonly projectCompletionRate: string | null;
  readonly investmentCompletion: string | null;
  readonly microCreditLeverage: string | null;
  readonly overdueRate: string | null;
  readonly timelyNoticeRate: string | null;
}

/** The numbers behind the rates that are not amounts of the money flow. */
export interface MetricsFigures {
  readonly plannedInvestment: string;
  readonly netDisbursedOnProjects: string;
  /** null when the fund-type filter excludes micro-credit. */
  readonly loansOutstanding: string | null;
  readonly loansOverdue: string | null;
  /** null below the county (the fund is the county's) or when micro-credit is excluded. */
  readonly riskFundBalance: string | null;
  readonly noticesDue: number;
  readonly noticesOnTime: number;
}

export interface Metrics {
  readonly region: string;
  readonly level: RegionLevel;
  readonly fiscalYear: number | null;
  readonly fundType: string | null;
  readonly sourceLevel: string | null;
  readonly until: string | null;
  /** The log position the figures are as of: the projection's checkpoint, or the as-of position asked for. */
  readonly asOfPosition: number;
  readonly amounts: MetricsAmounts;
  readonly projects: { readonly approved: number; readonly started: number; readonly completed: number };
  readonly rates: MetricsRates;
  readonly base: Readonly<Record<keyof MetricsRates, string>>;
  readonly figures: MetricsFigures;
}

/** What each rate is over: served with every answer (DOMAIN.md: say the base in every view). */
export const metricsBase: Readonly<Record<keyof MetricsRates, string>> = {
  receivedRate: 'received / allocated',
  disbursementRate: '(disbursed − reversed) / received',
  spendingProgress: '(disbursed − reversed) / allocated',
  reimbursementRate: 'reimbursed / received',
  projectStartRate: 'started / approved projects',
  projectCompletionRate: 'completed / approved projects',
  investmentCompletion: '(disbursed − reversed) on the projects / their planned investment',
  microCreditLeverage: 'outstanding loans / risk-fund balance',
  overdueRate: 'overdue balance / outstanding balance',
  timelyNoticeRate: 'notices published on time / notices due',
};

const metricsProjectionName = 'metrics';

/** The figures as of the projection's checkpoint (a consistent snapshot: see `queryMetricsAsOf`). */
export async function queryMetrics(db: Kysely<ReadModelSchema>, filter: MetricsFilter): Promise<Metrics> {
  const checked = checkedFilter(filter);
  return metricsAt(db, checked, await metricsCheckpoint(db));
}

/**
 * The figures as the ledger knew them at log position `position` (recording time, not business
 * time; `until` is the business-date bound). Facts are immutable deltas keyed by the position of
 * the event that caused them, so summing those at or before `position` gives the same answer
 * however many events arrive later: no snapshot and no replay is needed. A position the
 * projection has not reached yet is refused (PROJECTION.BEHIND) rather than answered partially.
 */
export async function queryMetricsAsOf(db: Kysely<ReadModelSchema>, position: bigint, filter: MetricsFilter): Promise<Metrics> {
  const checked = checkedFilter(filter);
  const checkpoint = await metricsCheckpoint(db);
  if (position > checkpoint) {
    throw new ProjectionError('PROJECTION.BEHIND', `metrics are at position ${checkpoint}, not yet ${position}`, {
      position: position.toString(),
      checkpoint: checkpoint.toString(),
    });
  }
  return metricsAt(db, checked, position < 0n ? 0n : position);
}

interface Scope {
  readonly filter: MetricsFilter;
  readonly region: RegionPrefix;
  readonly position: bigint;
}

type FactsQuery = SelectQueryBuilder<ReadModelSchema, 'metrics_facts', object>;

async function metricsAt(db: Kysely<ReadModelSchema>, filter: MetricsFilter, position: bigint): Promise<Metrics> {
  const scope: Scope = { filter, region: regionPrefix(filter.region), position };
  const [money, projects, investment, microCredit] = await Promise.all([
    moneySums(db, scope),
    projectSums(db, scope),
    netDisbursedOnProjects(db, scope),
    microCreditSums(db, scope),
  ]);
  return compose(scope, money, projects, investment, microCredit);
}

/** Region, log position and business date: the bounds every fact query shares. */
function bounded(query: FactsQuery, scope: Scope, until = scope.filter.until): FactsQuery {
  const { region } = scope;
  return query
    .where('position', '<=', scope.position)
    .where('county', '=', region.prefix.slice(0, 6))
    .$if(region.level !== 'county', (q) => q.where(region.column, '=', region.prefix))
    .$if(until !== undefined, (q) => q.where('business_date', '<=', until!));
}

function sums(query: FactsQuery) {
  return query.select(['measure', sql<string | null>`CAST(SUM(value) AS TEXT)`.as('total')]).groupBy('measure');
}

async function totals(query: ReturnType<typeof sums>): Promise<ReadonlyMap<string, bigint>> {
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.measure, sqlInteger(row.total)]));
}

/** Money of allocations (and the county-level notice obligations of allocations): by the money's year, fund type, source level. */
function moneySums(db: Kysely<ReadModelSchema>, scope: Scope): Promise<ReadonlyMap<string, bigint>> {
  const { fiscalYear, fundType, sourceLevel } = scope.filter;
  const query = bounded(db.selectFrom('metrics_facts'), scope)
    .where('measure', 'in', [...moneyMeasures, ...noticeMeasures])
    .where('fund_type', 'is not', null)
    .$if(fiscalYear !== undefined, (q) => q.where('fiscal_year', '=', fiscalYear!))
    .$if(fundType !== undefined, (q) => q.where('fund_type', '=', fundType!))
    .$if(sourceLevel !== undefined, (q) => q.where('source_level', '=', sourceLevel!));
  return totals(sums(query));
}

/**
 * Under a fund-type or source-level filter, the project figures cover the projects that received
 * money of that kind (a funding line from such an allocation, by the bounds); otherwise all.
 */
function fundedProjects(scope: Scope) {
  const { fundType, sourceLevel } = scope.filter;
  if (fundType === undefined && sourceLevel === undefined) return undefined;
  return (eb: ExpressionBuilder<ReadModelSchema, 'metrics_facts'>) =>
    bounded(eb.selectFrom('metrics_facts'), scope)
      .select('project_id')
      .where('measure', '=', 'assigned')
      .where('project_id', 'is not', null)
      .where('value', '>', 0)
      .$if(fundType !== undefined, (q) => q.where('fund_type', '=', fundType!))
      .$if(sourceLevel !== undefined, (q) => q.where('source_level', '=', sourceLevel!));
}

/** Project counts, planned investment and project notice obligations: by the project's year and place. */
function projectSums(db: Kysely<ReadModelSchema>, scope: Scope): Promise<ReadonlyMap<string, bigint>> {
  const { fiscalYear } = scope.filter;
  const funded = fundedProjects(scope);
  const query = bounded(db.selectFrom('metrics_facts'), scope)
    .where('measure', 'in', ['approved', 'started', 'completed', 'planned', ...noticeMeasures])
    .where('project_id', 'is not', null)
    .where('fund_type', 'is', null)
    .$if(fiscalYear !== undefined, (q) => q.where('fiscal_year', '=', fiscalYear!))
    .$if(funded !== undefined, (q) => q.where('project_id', 'in', funded!));
  return totals(sums(query));
}

/** Net disbursed, from any source, on the approved projects in scope: the numerator of investment completion. */
async function netDisbursedOnProjects(db: Kysely<ReadModelSchema>, scope: Scope): Promise<bigint> {
  const { fiscalYear } = scope.filter;
  const funded = fundedProjects(scope);
  const approved = (eb: ExpressionBuilder<ReadModelSchema, 'metrics_facts'>) =>
    bounded(eb.selectFrom('metrics_facts'), scope)
      .select('project_id')
      .where('measure', '=', 'approved')
      .$if(fiscalYear !== undefined, (q) => q.where('fiscal_year', '=', fiscalYear!))
      .$if(funded !== undefined, (q) => q.where('project_id', 'in', funded!));
  const money = await totals(
    sums(
      bounded(db.selectFrom('metrics_facts'), scope)
        .where('measure', 'in', ['disbursed', 'reversed'])
        .where('project_id', 'in', approved),
    ),
  );
  return (money.get('disbursed') ?? 0n) - (money.get('reversed') ?? 0n);
}

/**
 * Micro-credit balances are stocks, not yearly flows: they are taken on the business date bound
 * (`until`, and with a fiscal year no later than its 31 December), and do not split by source
 * level. Under a fund-type filter other than micro_credit they are not defined (null).
 */
async function microCreditSums(db: Kysely<ReadModelSchema>, scope: Scope): Promise<ReadonlyMap<string, bigint> | null> {
  const { fundType, fiscalYear, until } = scope.filter;
  if (fundType !== undefined && fundType !== 'micro_credit') return null;
  const yearEnd = fiscalYear === undefined ? undefined : `${fiscalYear}-12-31`;
  const stockDate = until === undefined ? yearEnd : yearEnd === undefined || until < yearEnd ? until : yearEnd;
  const query = bounded(db.selectFrom('metrics_facts'), scope, stockDate).where('measure', 'in', [...microCreditMeasures]);
  return totals(sums(query));
}

function compose(
  scope: Scope,
  money: ReadonlyMap<string, bigint>,
  projects: ReadonlyMap<string, bigint>,
  netOnProjects: bigint,
  microCredit: ReadonlyMap<string, bigint> | null,
): Metrics {
  const { filter, region } = scope;
  const county = region.level === 'county';
  const m = (measure: Measure) => money.get(measure) ?? 0n;
  const p = (measure: Measure) => projects.get(measure) ?? 0n;
  const net = m('disbursed') - m('reversed');
  const [approved, started, completed] = [p('approved'), p('started'), p('completed')];
  const noticesDue = m('notices_due') + p('notices_due');
  const noticesOnTime = m('notices_on_time') + p('notices_on_time');
  const outstanding = microCredit?.get('loans_outstanding') ?? 0n;
  const overdue = microCredit?.get('loans_overdue') ?? 0n;
  const riskFund = microCredit?.get('risk_fund') ?? 0n;
  const countyOnly = (value: string | null) => (county ? value : null);
  return {
    region: region.prefix,
    level: region.level,
    fiscalYear: filter.fiscalYear ?? null,
    fundType: filter.fundType ?? null,
    sourceLevel: filter.sourceLevel ?? null,
    until: filter.until ?? null,
    asOfPosition: Number(scope.position),
    amounts: {
      allocated: countyOnly(yuanOf(m('allocated'))),
      received: countyOnly(yuanOf(m('received'))),
      assigned: yuanOf(m('assigned')),
      disbursed: yuanOf(m('disbursed')),
      reversed: yuanOf(m('reversed')),
      reimbursed: yuanOf(m('reimbursed')),
    },
    projects: { approved: Number(approved), started: Number(started), completed: Number(completed) },
    rates: {
      receivedRate: countyOnly(ratio(m('received'), m('allocated'))),
      disbursementRate: countyOnly(ratio(net, m('received'))),
      spendingProgress: countyOnly(ratio(net, m('allocated'))),
      reimbursementRate: countyOnly(ratio(m('reimbursed'), m('received'))),
      projectStartRate: ratio(started, approved),
      projectCompletionRate: ratio(completed, approved),
      investmentCompletion: ratio(netOnProjects, p('planned')),
      microCreditLeverage: microCredit === null ? null : countyOnly(ratio(outstanding, riskFund)),
      overdueRate: microCredit === null ? null : ratio(overdue, outstanding),
      timelyNoticeRate: ratio(noticesOnTime, noticesDue),
    },
    base: metricsBase,
    figures: {
      plannedInvestment: yuanOf(p('planned')),
      netDisbursedOnProjects: yuanOf(netOnProjects),
      loansOutstanding: microCredit === null ? null : yuanOf(outstanding),
      loansOverdue: microCredit === null ? null : yuanOf(overdue),
      riskFundBalance: microCredit === null ? null : countyOnly(yuanOf(riskFund)),
      noticesDue: Number(noticesDue),
      noticesOnTime: Number(noticesOnTime),
    },
  };
}

/** Refuses a malformed filter with the domain's own codes (REGION.INVALID, FISCAL_YEAR.INVALID, …). */
function checkedFilter(filter: MetricsFilter): MetricsFilter {
  regionPrefix(filter.region);
  if (filter.fiscalYear !== undefined) checkedFiscalYear(filter.fiscalYear);
  if (filter.sourceLevel !== undefined) checkedSourceLevel(filter.sourceLevel);
  if (filter.until !== undefined) businessDate(filter.until, 'until');
  if (filter.fundType !== undefined && !/^[a-z][a-z0-9_]{0,63}$/.test(filter.fundType)) {
    refuse('FUND_TYPE.UNKNOWN', `not a fund type: ${filter.fundType}`, { value: filter.fundType });
  }
  return filter;
}

async function metricsCheckpoint(db: Kysely<ReadModelSchema>): Promise<bigint> {
  const row = await db.selectFrom('projection_checkpoints').select('position').where('projection', '=', metricsProjectionName).executeTakeFirst();
  if (row === undefined) throw new ProjectionError('PROJECTION.NOT_INSTALLED', 'the metrics projection is not installed');
  return sqlInteger(row.position);
}
