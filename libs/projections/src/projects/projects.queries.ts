import { entityId, fiscalYear as checkedFiscalYear, type ProjectStatus } from '@ledger/domain';
import type { Kysely, Selectable } from 'kysely';
import { projectPageSizeDefault, projectPageSizeMax } from '../limits';
import type { ReadModelSchema } from '../read-model/read-schema';
import { ratio, sqlInteger, yuanOf } from '../shared/fen';
import { ProjectionError } from '../shared/projection-error';
import { regionPrefix } from '../shared/region';

export const projectStatuses: readonly ProjectStatus[] = ['listed', 'approved', 'started', 'completed', 'accepted'];

export interface ProjectSummary {
  readonly projectId: string;
  readonly name: string;
  readonly category: string;
  readonly county: string;
  readonly township: string;
  readonly village: string;
  readonly fiscalYear: number;
  readonly status: ProjectStatus;
  readonly householdLevel: boolean;
  readonly implementingUnit: string;
  /** 绩效目标 (also the construction tasks a notice lists). */
  readonly performanceTargets: readonly string[];
  /** 带贫减贫机制. */
  readonly povertyLinkage: string;
  /** The approval's document number; null before approval. */
  readonly approvalDocumentNo: string | null;
  readonly dates: {
    readonly listedOn: string;
    readonly approvedOn: string | null;
    readonly startedOn: string | null;
    readonly completedOn: string | null;
    readonly acceptedOn: string | null;
  };
  readonly amounts: {
    readonly planned: string;
    /** Funded less reduced. */
    readonly funded: string;
    /** Gross. */
    readonly disbursed: string;
    readonly reversed: string;
    /** disbursed − reversed. */
    readonly netDisbursed: string;
    readonly reimbursed: string;
    /** funded − net disbursed: what the lines can still pay. */
    readonly unspent: string;
  };
  /** (disbursed − reversed) / planned investment; null when nothing is planned. */
  readonly investmentCompletion: string | null;
  readonly assets: number;
  /** Position of the last event that changed the project (usable as an ETag). */
  readonly lastPosition: number;
}

export interface FundingPart {
  readonly allocationId: string;
  readonly fundType: string;
  readonly sourceLevel: string;
  readonly fiscalYear: number;
  /** The allocation's budget-indicator document number. */
  readonly documentNo: string;
  /** The integrated allocation's original channel (pool lines), or null. */
  readonly originalChannel: string | null;
  /** The assisting partner (paired assistance), or null. */
  readonly partner: string | null;
  readonly funded: string;
}

export interface FundingLineView {
  readonly fundingId: string;
  readonly source: { readonly kind: 'allocation'; readonly allocationId: string } | { readonly kind: 'pool'; readonly pool: string };
  readonly fundedOn: string;
  readonly funded: string;
  readonly disbursed: string;
  readonly reversed: string;
  readonly netDisbursed: string;
  /** The allocations the line's money came from (one, or the pool's channels). */
  readonly parts: readonly FundingPart[];
}

export interface ProjectDetail extends ProjectSummary {
  readonly fundingLines: readonly FundingLineView[];
  /** Funded by fund type and source level, over all lines. */
  readonly bySource: readonly { readonly fundType: string; readonly sourceLevel: string; readonly funded: string }[];
}

export interface ProjectListFilter {
  readonly region?: string;
  readonly status?: string;
  readonly fiscalYear?: number;
  /** At most `projectPageSizeMax`; default `projectPageSizeDefault`. */
  readonly limit?: number;
  /** The last projectId of the previous page. */
  readonly after?: string;
}

export interface ProjectPage {
  readonly items: readonly ProjectSummary[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly next: string | null;
}

/** Projects in projectId order, a page at a time. */
export async function listProjects(db: Kysely<ReadModelSchema>, filter: ProjectListFilter = {}): Promise<ProjectPage> {
  const limit = filter.limit ?? projectPageSizeDefault;
  if (!Number.isInteger(limit) || limit < 1 || limit > projectPageSizeMax) {
    throw new ProjectionError('PROJECTION.QUERY_INVALID', `limit must be 1..${projectPageSizeMax}`, { limit: String(limit) });
  }
  const region = filter.region === undefined ? undefined : regionPrefix(filter.region);
  const status = filter.status;
  if (status !== undefined && !projectStatuses.includes(status as ProjectStatus)) {
    throw new ProjectionError('PROJECTION.QUERY_INVALID', `unknown project status ${status}`, { status });
  }
  if (filter.fiscalYear !== undefined) checkedFiscalYear(filter.fiscalYear);
  const after = filter.after === undefined ? undefined : entityId(filter.after, 'after');
  const rows = await db
    .selectFrom('projects_view')
    .selectAll()
    .$if(region !== undefined, (q) => q.where('county', '=', region!.prefix.slice(0, 6)).where(region!.column, '=', region!.prefix))
    .$if(status !== undefined, (q) => q.where('status', '=', status!))
    .$if(filter.fiscalYear !== undefined, (q) => q.where('fiscal_year', '=', filter.fiscalYear!))
    .$if(after !== undefined, (q) => q.where('project_id', '>', after!))
    .orderBy('project_id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(summaryOf);
  return { items, next: rows.length > limit ? items[items.length - 1]!.projectId : null };
}

/** One project with its funding lines and their sources; undefined when no such project was listed. */
export async function getProject(db: Kysely<ReadModelSchema>, projectId: string): Promise<ProjectDetail | undefined> {
  const id = entityId(projectId, 'projectId');
  const row = await db.selectFrom('projects_view').selectAll().where('project_id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const [lines, parts] = await Promise.all([
    db.selectFrom('projects_lines').selectAll().where('project_id', '=', id).orderBy('funding_id').execute(),
    db
      .selectFrom('projects_line_parts as p')
      .innerJoin('projects_allocations as a', 'a.allocation_id', 'p.allocation_id')
      .select(linePartColumns)
      .where('p.project_id', '=', id)
      .orderBy('p.funding_id')
      .orderBy('p.allocation_id')
      .execute(),
  ]);
  return detailsOf([row], lines, parts)[0];
}

/** What `detailsOf` needs of a line part joined with its allocation (`projects_line_parts as p`, `projects_allocations as a`). */
export const linePartColumns = [
  'p.project_id',
  'p.funding_id',
  'p.allocation_id',
  'p.funded_fen',
  'a.fund_type',
  'a.source_level',
  'a.fiscal_year',
  'a.document_no',
  'a.partner',
  'a.original_channel',
] as const;

export type ViewRowOf = Selectable<ReadModelSchema['projects_view']>;
export type LineRowOf = Selectable<ReadModelSchema['projects_lines']>;
export interface LinePartRowOf {
  readonly project_id: string;
  readonly funding_id: string;
  readonly allocation_id: string;
  readonly funded_fen: unknown;
  readonly fund_type: string;
  readonly source_level: string;
  readonly fiscal_year: unknown;
  readonly document_no: string;
  readonly partner: string | null;
  readonly original_channel: string | null;
}

/**
 * Projects with their funding lines and sources, from rows read by any query: lines and parts
 * are matched to their project and line here (each ordered by funding id, then allocation id).
 */
export function detailsOf(rows: readonly ViewRowOf[], lines: readonly LineRowOf[], parts: readonly LinePartRowOf[]): ProjectDetail[] {
  const partsByLine = groupBy(parts, (p) => `${p.project_id}\u0000${p.funding_id}`);
  const linesByProject = groupBy(lines, (line) => line.project_id);
  return rows.map((row) => {
    const projectParts = (linesByProject.get(row.project_id) ?? []).flatMap((line) => partsByLine.get(`${row.project_id}\u0000${line.funding_id}`) ?? []);
    const fundingLines = (linesByProject.get(row.project_id) ?? []).map((line): FundingLineView => {
      const [disbursed, reversed] = [sqlInteger(line.disbursed_fen), sqlInteger(line.reversed_fen)];
      return {
        fundingId: line.funding_id,
        source: line.source_kind === 'allocation' ? { kind: 'allocation', allocationId: line.source_allocation_id! } : { kind: 'pool', pool: line.source_pool! },
        fundedOn: line.funded_on,
        funded: yuanOf(sqlInteger(line.funded_fen)),
        disbursed: yuanOf(disbursed),
        reversed: yuanOf(reversed),
        netDisbursed: yuanOf(disbursed - reversed),
        parts: (partsByLine.get(`${row.project_id}\u0000${line.funding_id}`) ?? []).map(fundingPartOf),
      };
    });
    return { ...summaryOf(row), fundingLines, bySource: bySource(projectParts) };
  });
}

function fundingPartOf(p: LinePartRowOf): FundingPart {
  return {
    allocationId: p.allocation_id,
    fundType: p.fund_type,
    sourceLevel: p.source_level,
    fiscalYear: Number(p.fiscal_year),
    documentNo: p.document_no,
    originalChannel: p.original_channel,
    partner: p.partner,
    funded: yuanOf(sqlInteger(p.funded_fen)),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

function bySource(parts: readonly { fund_type: string; source_level: string; funded_fen: unknown }[]) {
  const sums = new Map<string, { fundType: string; sourceLevel: string; fen: bigint }>();
  for (const part of parts) {
    const key = `${part.fund_type}\u0000${part.source_level}`;
    const sum = sums.get(key) ?? { fundType: part.fund_type, sourceLevel: part.source_level, fen: 0n };
    sums.set(key, { ...sum, fen: sum.fen + sqlInteger(part.funded_fen) });
  }
  return [...sums.values()]
    .filter((s) => s.fen !== 0n)
    .sort((a, b) => (a.fundType === b.fundType ? a.sourceLevel.localeCompare(b.sourceLevel) : a.fundType.localeCompare(b.fundType)))
    .map((s) => ({ fundType: s.fundType, sourceLevel: s.sourceLevel, funded: yuanOf(s.fen) }));
}

export function summaryOf(row: ViewRowOf): ProjectSummary {
  const [planned, funded, disbursed, reversed, reimbursed] = [row.planned_fen, row.funded_fen, row.disbursed_fen, row.reversed_fen, row.reimbursed_fen].map(sqlInteger) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const net = disbursed - reversed;
  return {
    projectId: row.project_id,
    name: row.name,
    category: row.category,
    county: row.county,
    township: row.township,
    village: row.village,
    fiscalYear: Number(row.fiscal_year),
    status: row.status as ProjectStatus,
    householdLevel: Number(row.household_level) === 1,
    implementingUnit: row.implementing_unit,
    performanceTargets: JSON.parse(row.performance_targets) as string[],
    povertyLinkage: row.poverty_linkage,
    approvalDocumentNo: row.approval_document_no,
    dates: { listedOn: row.listed_on, approvedOn: row.approved_on, startedOn: row.started_on, completedOn: row.completed_on, acceptedOn: row.accepted_on },
    amounts: {
      planned: yuanOf(planned),
      funded: yuanOf(funded),
      disbursed: yuanOf(disbursed),
      reversed: yuanOf(reversed),
      netDisbursed: yuanOf(net),
      reimbursed: yuanOf(reimbursed),
      unspent: yuanOf(funded - net),
    },
    investmentCompletion: ratio(net, planned),
    assets: Number(row.assets),
    lastPosition: Number(sqlInteger(row.last_position)),
  };
}
