import { invariant, warningSeverityOf, type WarningRule } from '@ledger/domain';
import { type LogPlace, deleteRow, getRow, putRow, type RowProgram } from '@ledger/projections';
import { evidencePositionsMax } from './limits';
import { warningIdOf, type WarningSubject } from './warning-id';
import { warningsTables as t, type WarningRow } from './warnings.tables';

/** A rule's verdict on one subject, as of everything the log holds. */
export interface WarningDraft {
  readonly rule: WarningRule;
  readonly subject: WarningSubject;
  readonly county: string;
  readonly region: string;
  readonly holds: boolean;
  /** The first business date on which it holds. */
  readonly raisedOn: string;
  /** The business date from which it no longer holds (a late notice arrived, a task closed late); null: still. */
  readonly clearedOn: string | null;
  readonly evidence: readonly bigint[];
  readonly details: Readonly<Record<string, unknown>>;
}

export function positionsJson(positions: readonly bigint[]): string {
  const sorted = [...new Set(positions)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, evidencePositionsMax);
  for (const position of sorted) invariant(position > 0n && position <= BigInt(Number.MAX_SAFE_INTEGER), `evidence position ${position} out of range`);
  return JSON.stringify(sorted.map(Number));
}

export function* readWarning(rule: WarningRule, subject: WarningSubject): RowProgram<WarningRow | undefined> {
  return yield* getRow(t.warnings, { warning_id: warningIdOf(rule, subject) });
}

/**
 * Writes a rule's verdict: a verdict that holds is upserted (one that changes nothing leaves the
 * row and its last position as they were), one that does not removes the warning.
 */
export function* putWarning(draft: WarningDraft, place: LogPlace): RowProgram {
  const warningId = warningIdOf(draft.rule, draft.subject);
  const existing = yield* getRow(t.warnings, { warning_id: warningId });
  if (!draft.holds) {
    if (existing !== undefined) yield* deleteRow(t.warnings, { warning_id: warningId });
    return;
  }
  const next: WarningRow = {
    warning_id: warningId,
    rule: draft.rule,
    severity: warningSeverityOf[draft.rule],
    county: draft.county,
    region: draft.region,
    subject_stream: draft.subject.stream,
    subject_id: draft.subject.id,
    raised_on: draft.raisedOn,
    cleared_on: draft.clearedOn,
    evidence: positionsJson(draft.evidence),
    details: JSON.stringify(draft.details),
    first_position: existing?.first_position ?? place.position,
    last_position: place.position,
  };
  if (existing !== undefined && sameVerdict(existing, next)) return;
  yield* putRow(t.warnings, next);
}

/** Removes a warning that no longer holds (nothing to do when it was never recorded). */
export function* withdrawWarning(rule: WarningRule, subject: WarningSubject): RowProgram {
  const existing = yield* readWarning(rule, subject);
  if (existing !== undefined) yield* deleteRow(t.warnings, { warning_id: existing.warning_id });
}

function sameVerdict(a: WarningRow, b: WarningRow): boolean {
  return (Object.keys(a) as (keyof WarningRow)[]).every((column) => column === 'last_position' || a[column] === b[column]);
}

/** The positions of a recorded warning's evidence, to add to. */
export function evidenceOf(row: WarningRow | undefined): bigint[] {
  return row === undefined ? [] : (JSON.parse(row.evidence) as number[]).map(BigInt);
}

export function detailsOf<T>(row: WarningRow | undefined): Partial<T> {
  return row === undefined ? {} : (JSON.parse(row.details) as Partial<T>);
}
