import { fiscalYear as checkedFiscalYear, type RegionLevel } from '@ledger/domain';
import { sql, type Kysely } from 'kysely';
import { disclosureSectionRowsMax } from '../limits';
import { detailsOf, linePartColumns, type ProjectDetail } from '../projects/projects.queries';
import { readConsistently } from '../read-model/consistent-read';
import type { ReadModelSchema } from '../read-model/read-schema';
import { sqlInteger, yuanOf } from '../shared/fen';
import { ProjectionError } from '../shared/projection-error';
import { regionPrefix, type RegionPrefix } from '../shared/region';

export interface DisclosureFilter {
  /** 6 (county), 9 (township) or 12 (village) digits. */
  readonly region: string;
  readonly fiscalYear?: number;
}

export interface LoanNotice {
  readonly loanId: string;
  readonly villageCode: string;
  /** Pseudonymous: the caller masks it (and looks up the masked name) before anything is shown. */
  readonly householdRef: string;
  readonly bank: string;
  readonly purpose: string;
  readonly amount: string;
  readonly termMonths: number;
  readonly annualRate: string;
  readonly issuedOn: string;
  readonly renewedOn: string | null;
}

/** What one household was paid, net of reversals, by one project. */
export interface HouseholdPayment {
  readonly projectId: string;
  readonly householdRef: string;
  readonly amount: string;
  readonly payments: number;
}

export interface NoticeView {
  readonly noticeId: string;
  readonly level: string;
  readonly regionCode: string;
  readonly subject: { readonly kind: string; readonly projectId: string | null; readonly fiscalYear: number | null };
  readonly channel: string;
  readonly publishedOn: string;
  readonly postedUntil: string;
  readonly withdrawnOn: string | null;
}

export interface Disclosure {
  readonly region: string;
  readonly level: RegionLevel;
  readonly fiscalYear: number | null;
  /** The log position the view reflects: the lower checkpoint of `projects` and `disclosure`. */
  readonly position: bigint;
  /** Every project in the library located in the region (of the fiscal year), listed or further. */
  readonly projects: readonly ProjectDetail[];
  /** Household payees of the region's household-level projects, net paid above zero. */
  readonly householdPayments: readonly HouseholdPayment[];
  /** Loans to households of the region (issued in the fiscal year). */
  readonly loans: readonly LoanNotice[];
  /** Notices posted in the region: a county view holds every level's, a township its own and its villages', a village its own. */
  readonly notices: readonly NoticeView[];
}

export const disclosureProjectionNames = ['projects', 'disclosure'] as const;

/**
 * The raw material of a three-level disclosure view (三级公开) of a county, township or village:
 * project notices with their fund sources, household payees, loans and notices, all as of one
 * log position. Household references are pseudonymous but still not for the public: the caller
 * masks them (apps/ledger-api: the one de-identification layer of the public routes).
 */
export async function queryDisclosure(db: Kysely<ReadModelSchema>, filter: DisclosureFilter): Promise<Disclosure> {
  const region = regionPrefix(filter.region);
  const year = filter.fiscalYear === undefined ? undefined : checkedFiscalYear(filter.fiscalYear);
  const { value, position } = await readConsistently(db, disclosureProjectionNames, async () => {
    const [projects, householdPayments, loans, notices] = await Promise.all([
      projectsIn(db, region, year),
      householdPaymentsIn(db, region, year),
      loansIn(db, region, year),
      noticesIn(db, region, year),
    ]);
    return { projects, householdPayments, loans, notices };
  });
  return { region: region.prefix, level: region.level, fiscalYear: year ?? null, position, ...value };
}

function bounded<T>(rows: readonly T[], what: string): readonly T[] {
  if (rows.length > disclosureSectionRowsMax) {
    throw new ProjectionError('PROJECTION.QUERY_INVALID', `more than ${disclosureSectionRowsMax} ${what} in one view: narrow it by fiscal year or to a township or village`, { what });
  }
  return rows;
}

async function projectsIn(db: Kysely<ReadModelSchema>, region: RegionPrefix, year: number | undefined): Promise<ProjectDetail[]> {
  const county = region.prefix.slice(0, 6);
  const rows = bounded(
    await db
      .selectFrom('projects_view')
      .selectAll()
      .where('county', '=', county)
      .where(region.column, '=', region.prefix)
      .$if(year !== undefined, (q) => q.where('fiscal_year', '=', year!))
      .orderBy('project_id')
      .limit(disclosureSectionRowsMax + 1)
      .execute(),
    'projects',
  );
  const [lines, parts] = await Promise.all([
    db
      .selectFrom('projects_lines as l')
      .innerJoin('projects_view as v', 'v.project_id', 'l.project_id')
      .selectAll('l')
      .where('v.county', '=', county)
      .where(`v.${region.column}`, '=', region.prefix)
      .$if(year !== undefined, (q) => q.where('v.fiscal_year', '=', year!))
      .orderBy('l.project_id')
      .orderBy('l.funding_id')
      .execute(),
    db
      .selectFrom('projects_line_parts as p')
      .innerJoin('projects_allocations as a', 'a.allocation_id', 'p.allocation_id')
      .innerJoin('projects_view as v', 'v.project_id', 'p.project_id')
      .select(linePartColumns)
      .where('v.county', '=', county)
      .where(`v.${region.column}`, '=', region.prefix)
      .$if(year !== undefined, (q) => q.where('v.fiscal_year', '=', year!))
      .orderBy('p.project_id')
      .orderBy('p.funding_id')
      .orderBy('p.allocation_id')
      .execute(),
  ]);
  return detailsOf(rows, lines, parts);
}

async function householdPaymentsIn(db: Kysely<ReadModelSchema>, region: RegionPrefix, year: number | undefined): Promise<HouseholdPayment[]> {
  const rows = await db
    .selectFrom('projects_household_payments as h')
    .innerJoin('projects_view as v', 'v.project_id', 'h.project_id')
    .select([
      'h.project_id',
      'h.household_ref',
      sql<string>`CAST(SUM(h.amount_fen - h.reversed_fen) AS TEXT)`.as('net'),
      sql<string>`CAST(COUNT(*) AS TEXT)`.as('payments'),
    ])
    .where('v.county', '=', region.prefix.slice(0, 6))
    .where(`v.${region.column}`, '=', region.prefix)
    .where('v.household_level', '=', 1)
    .$if(year !== undefined, (q) => q.where('v.fiscal_year', '=', year!))
    .groupBy(['h.project_id', 'h.household_ref'])
    .orderBy('h.project_id')
    .orderBy('h.household_ref')
    .limit(disclosureSectionRowsMax + 1)
    .execute();
  return bounded(rows, 'household payments')
    .map((row) => ({ projectId: row.project_id, householdRef: row.household_ref, net: sqlInteger(row.net), payments: Number(sqlInteger(row.payments)) }))
    .filter((row) => row.net > 0n)
    .map(({ net, ...row }) => ({ ...row, amount: yuanOf(net) }));
}

async function loansIn(db: Kysely<ReadModelSchema>, region: RegionPrefix, year: number | undefined): Promise<LoanNotice[]> {
  const rows = await db
    .selectFrom('disclosure_loans')
    .selectAll()
    .where('county', '=', region.prefix.slice(0, 6))
    .where(region.column, '=', region.prefix)
    .$if(year !== undefined, (q) => q.where('issued_on', '>=', `${year}-01-01`).where('issued_on', '<=', `${year}-12-31`))
    .orderBy('village')
    .orderBy('loan_id')
    .limit(disclosureSectionRowsMax + 1)
    .execute();
  return bounded(rows, 'loans').map((row) => ({
    loanId: row.loan_id,
    villageCode: row.village,
    householdRef: row.household_ref,
    bank: row.bank,
    purpose: row.purpose,
    amount: yuanOf(sqlInteger(row.amount_fen)),
    termMonths: Number(row.term_months),
    annualRate: row.annual_rate,
    issuedOn: row.issued_on,
    renewedOn: row.renewed_on,
  }));
}

/** A notice's fiscal year: its subject's (allocations, micro-credit) or its project's. */
async function noticesIn(db: Kysely<ReadModelSchema>, region: RegionPrefix, year: number | undefined): Promise<NoticeView[]> {
  const column = region.level === 'county' ? 'n.county' : region.level === 'township' ? 'n.township' : 'n.village';
  const rows = await db
    .selectFrom('disclosure_notices as n')
    .leftJoin('projects_view as v', 'v.project_id', 'n.subject_project_id')
    .selectAll('n')
    .where('n.county', '=', region.prefix.slice(0, 6))
    .where(column, '=', region.prefix)
    .$if(year !== undefined, (q) => q.where((eb) => eb(eb.fn.coalesce('n.subject_fiscal_year', 'v.fiscal_year'), '=', year!)))
    .orderBy('n.published_on')
    .orderBy('n.notice_id')
    .limit(disclosureSectionRowsMax + 1)
    .execute();
  return bounded(rows, 'notices').map((row) => ({
    noticeId: row.notice_id,
    level: row.level,
    regionCode: row.region_code,
    subject: {
      kind: row.subject_kind,
      projectId: row.subject_project_id,
      fiscalYear: row.subject_fiscal_year === null ? null : Number(row.subject_fiscal_year),
    },
    channel: row.channel,
    publishedOn: row.published_on,
    postedUntil: row.posted_until,
    withdrawnOn: row.withdrawn_on,
  }));
}
