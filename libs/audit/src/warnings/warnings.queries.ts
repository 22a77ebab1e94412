import { businessDate, entityId, isWarningRule, refuse, warningSeverities, warningStates, type WarningRule, type WarningSeverity, type WarningState } from '@ledger/domain';
import { type DbInteger, type ReadModel, ProjectionError } from '@ledger/projections';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { warningPageSizeDefault, warningPageSizeMax } from './limits';
import type { ClockRow, WarningRow, WorkflowRow } from './warnings.tables';

type DbRow<R> = { [K in keyof R]: R[K] extends bigint ? DbInteger : R[K] extends bigint | null ? DbInteger | null : R[K] };

/** The warnings tables as Kysely reads them. */
export interface WarningsSchema {
  warnings: DbRow<WarningRow>;
  warnings_workflow: DbRow<WorkflowRow>;
  warnings_clock: ClockRow;
}

export type WarningsDb = Kysely<WarningsSchema>;

/** The read model's connection, typed for the warnings tables (the read model's own schema type lists other projections'). */
export function warningsDb(readModel: ReadModel): WarningsDb {
  return readModel.db as unknown as WarningsDb;
}

export interface WarningView {
  readonly id: string;
  readonly rule: WarningRule;
  readonly severity: WarningSeverity;
  readonly state: WarningState;
  readonly county: string;
  readonly region: string;
  readonly subject: { readonly stream: string; readonly id: string };
  readonly raisedOn: string;
  /** When it stopped holding (a late notice came, a task was closed late); null: it still holds. */
  readonly clearedOn: string | null;
  /** The business date it was shown for: the query's `on`, else the county's latest business date. */
  readonly asOf: string;
  /** Log positions of the events it rests on. */
  readonly evidence: readonly number[];
  readonly details: Readonly<Record<string, unknown>>;
  readonly firstPosition: number;
  readonly lastPosition: number;
  readonly workflow: {
    readonly acknowledgedOn: string | null;
    readonly acknowledgedNote: string | null;
    readonly resolvedOn: string | null;
    readonly resolvedNote: string | null;
    readonly rectifications: readonly { readonly rectificationId: string; readonly status: 'open' | 'closed' }[];
  };
}

export interface WarningFilter {
  /** A region prefix (2 to 12 digits): warnings whose region code starts with it. */
  readonly region?: string;
  readonly rule?: string;
  readonly state?: string;
  readonly severity?: string;
  /** Show the warnings as of this business date; default: each county's latest business date. */
  readonly on?: string;
  /** At most `warningPageSizeMax`; default `warningPageSizeDefault`. */
  readonly limit?: number;
  /** The id of the last warning of the previous page. */
  readonly after?: string;
}

export interface WarningPage {
  readonly items: readonly WarningView[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly next: string | null;
}

function invalid(message: string, details: Record<string, string>): never {
  throw new ProjectionError('PROJECTION.QUERY_INVALID', message, details);
}

function checkedFilter(filter: WarningFilter): WarningFilter & { readonly limit: number } {
  const limit = filter.limit ?? warningPageSizeDefault;
  if (!Number.isInteger(limit) || limit < 1 || limit > warningPageSizeMax) invalid(`limit must be 1..${warningPageSizeMax}`, { limit: String(limit) });
  if (filter.region !== undefined && !/^\d{2,12}$/.test(filter.region)) refuse('REGION.INVALID', `region ${filter.region} is not a prefix of a region code`, { value: filter.region });
  if (filter.rule !== undefined && !isWarningRule(filter.rule)) invalid(`unknown warning rule ${filter.rule}`, { rule: filter.rule });
  if (filter.state !== undefined && !(warningStates as readonly string[]).includes(filter.state)) invalid(`unknown warning state ${filter.state}`, { state: filter.state });
  if (filter.severity !== undefined && !(warningSeverities as readonly string[]).includes(filter.severity)) invalid(`unknown severity ${filter.severity}`, { severity: filter.severity });
  if (filter.on !== undefined) businessDate(filter.on, 'on');
  if (filter.after !== undefined) entityId(filter.after, 'after');
  return { ...filter, limit };
}

function baseQuery(db: WarningsDb, on: string | undefined) {
  const query = db
    .selectFrom('warnings as w')
    .leftJoin('warnings_workflow as f', 'f.warning_id', 'w.warning_id')
    .leftJoin('warnings_clock as c', 'c.county', 'w.county')
    .selectAll('w')
    .select(['f.state', 'f.acknowledged_on', 'f.acknowledged_note', 'f.resolved_on', 'f.resolved_note', 'f.rectifications', 'c.latest_on']);
  // Shown at D: raised on or before D, and not cleared by D.
  if (on !== undefined) {
    return query.where('w.raised_on', '<=', on).where((eb) => eb.or([eb('w.cleared_on', 'is', null), eb('w.cleared_on', '>', on)]));
  }
  return query
    .where((eb) => eb('w.raised_on', '<=', eb.ref('c.latest_on')))
    .where((eb) => eb.or([eb('w.cleared_on', 'is', null), eb('w.cleared_on', '>', eb.ref('c.latest_on'))]));
}

type Joined = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function viewOf(row: Joined, on: string | undefined): WarningView {
  const items = Object.entries(JSON.parse(row.rectifications ?? '{}') as Record<string, 'open' | 'closed'>);
  return {
    id: row.warning_id,
    rule: row.rule as WarningRule,
    severity: row.severity as WarningSeverity,
    state: (row.state ?? 'open') as WarningState,
    county: row.county,
    region: row.region,
    subject: { stream: row.subject_stream, id: row.subject_id },
    raisedOn: row.raised_on,
    clearedOn: row.cleared_on,
    asOf: on ?? row.latest_on!,
    evidence: JSON.parse(row.evidence) as number[],
    details: JSON.parse(row.details) as Record<string, unknown>,
    firstPosition: Number(row.first_position),
    lastPosition: Number(row.last_position),
    workflow: {
      acknowledgedOn: row.acknowledged_on ?? null,
      acknowledgedNote: row.acknowledged_note ?? null,
      resolvedOn: row.resolved_on ?? null,
      resolvedNote: row.resolved_note ?? null,
      rectifications: items.map(([rectificationId, status]) => ({ rectificationId, status })),
    },
  };
}

/** Warnings shown at the date, in the order they were raised (then by id), a page at a time. */
export async function listWarnings(db: WarningsDb, input: WarningFilter = {}): Promise<WarningPage> {
  const filter = checkedFilter(input);
  const { region, rule, state, severity, on, after, limit } = filter;
  let cursor: { readonly raisedOn: string; readonly id: string } | undefined;
  if (after !== undefined) {
    const row = await db.selectFrom('warnings').select(['raised_on']).where('warning_id', '=', after).executeTakeFirst();
    if (row === undefined) invalid(`no warning ${after} to continue after`, { after });
    cursor = { raisedOn: row.raised_on, id: after };
  }
  const stateIs = (eb: ExpressionBuilder<any, any>) => (state === 'open' ? eb.or([eb('f.state', 'is', null), eb('f.state', '=', 'open')]) : eb('f.state', '=', state!)); // eslint-disable-line @typescript-eslint/no-explicit-any
  const rows = await baseQuery(db, on)
    .$if(region !== undefined && region.length >= 6, (q) => q.where('w.county', '=', region!.slice(0, 6)))
    .$if(region !== undefined, (q) => q.where('w.region', 'like', `${region}%`))
    .$if(rule !== undefined, (q) => q.where('w.rule', '=', rule!))
    .$if(severity !== undefined, (q) => q.where('w.severity', '=', severity!))
    .$if(state !== undefined, (q) => q.where(stateIs))
    .$if(cursor !== undefined, (q) =>
      q.where((eb) => eb.or([eb('w.raised_on', '>', cursor!.raisedOn), eb.and([eb('w.raised_on', '=', cursor!.raisedOn), eb('w.warning_id', '>', cursor!.id)])])),
    )
    .orderBy('w.raised_on')
    .orderBy('w.warning_id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map((row) => viewOf(row, on));
  return { items, next: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** One warning, when it is shown at the date (default: its county's latest business date); undefined otherwise. */
export async function getWarning(db: WarningsDb, warningId: string, on?: string): Promise<WarningView | undefined> {
  if (on !== undefined) businessDate(on, 'on');
  const row = await baseQuery(db, on).where('w.warning_id', '=', warningId).executeTakeFirst();
  return row === undefined ? undefined : viewOf(row, on);
}
