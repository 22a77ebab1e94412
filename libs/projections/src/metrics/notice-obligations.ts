import { invariant, type NoticePublished } from '@ledger/domain';
import { getRow, putRow, requireRow, type RowProgram } from '../rows/row-ops';
import { addWorkingDays } from '../shared/working-days';
import type { FactWriter } from './fact-writer';
import { metricsTables as t, type FactDims, type ObligationRow } from './metrics.tables';

/**
 * The timely-notice rate (公示及时率), defined precisely:
 *
 * Obligations. Two facts require a disclosure by a deadline of `countyDeadlineWorkingDays`
 * working days (LocalRules; 15 by default) after the fact's business date:
 * - each allocation (FundsAllocated): a county-level notice whose subject is the allocations of
 *   its county and fiscal year, published on or after the allocation date (a notice published
 *   before the allocation cannot disclose it);
 * - each approved project (ProjectApproved): a notice whose subject is the project, at any level
 *   and on any date (a project is commonly posted before its approval, 入库公示).
 * Micro-credit and beneficiary notices disclose no single fact with a deadline and are not counted.
 *
 * Met on time: the earliest eligible notice is published on or before the deadline. A later
 * notice meets the obligation late; withdrawing a notice does not un-publish it.
 *
 * Due at a date D: an obligation whose deadline is on or before D, or that was met on time by D.
 * `notices_due` facts are dated at the deadline (moved to the publication date when the notice
 * came earlier) and `notices_on_time` at the publication date, so that `until = D` counts exactly
 * this; without `until` every obligation is due. The rate is on time / due.
 *
 * Dimensions: an allocation's obligation counts at county level with the allocation's year, fund
 * type and source level; a project's at the project's place and year, like the project counts.
 */
export interface Obligation {
  readonly id: string;
  readonly subjectKey: string;
  readonly basisDate: string;
  readonly dims: FactDims & { readonly fiscal_year: number };
  /** Allocations: only notices published on or after the basis date disclose the fact. */
  readonly noticeNotBeforeBasis: boolean;
}

export function allocationsSubjectKey(county: string, fiscalYear: number): string {
  return `allocations:${county}:${fiscalYear}`;
}

export function projectSubjectKey(projectId: string): string {
  return `project:${projectId}`;
}

/** The subject a notice counts for, or null when it meets no obligation. */
export function subjectKeyOf(notice: NoticePublished['data']): string | null {
  const { subject, level } = notice;
  switch (subject.kind) {
    case 'allocations':
      return level === 'county' ? allocationsSubjectKey(subject.county, subject.fiscalYear) : null;
    case 'project':
      return projectSubjectKey(subject.projectId);
    case 'micro_credit':
    case 'beneficiaries':
      return null;
  }
}

/** Distinct publication days kept per subject: a subject is disclosed over a few years at most. */
export const noticeDatesPerSubjectMax = 4_000;
/** Obligations of one subject waiting for a notice: the allocations of one county and year, or one project. */
export const openObligationsPerSubjectMax = 10_000;

interface Subject {
  readonly dates: string[];
  readonly open: string[];
}

function* readSubject(subjectKey: string): RowProgram<Subject> {
  const row = yield* getRow(t.subjects, { subject_key: subjectKey });
  if (row === undefined) return { dates: [], open: [] };
  return { dates: JSON.parse(row.notice_dates) as string[], open: JSON.parse(row.open_obligations) as string[] };
}

function* writeSubject(subjectKey: string, subject: Subject): RowProgram {
  invariant(subject.dates.length <= noticeDatesPerSubjectMax, `subject ${subjectKey}: more than ${noticeDatesPerSubjectMax} publication days`);
  invariant(subject.open.length <= openObligationsPerSubjectMax, `subject ${subjectKey}: more than ${openObligationsPerSubjectMax} open obligations`);
  yield* putRow(t.subjects, { subject_key: subjectKey, notice_dates: JSON.stringify(subject.dates), open_obligations: JSON.stringify(subject.open) });
}

/** Records a new obligation and meets it at once if an eligible notice was recorded before it. */
export function* openObligation(facts: FactWriter, obligation: Obligation, deadlineWorkingDays: number): RowProgram {
  const deadline = addWorkingDays(obligation.basisDate, deadlineWorkingDays);
  const subject = yield* readSubject(obligation.subjectKey);
  // Dates are sorted: the first eligible one is the earliest notice that discloses the fact.
  const publishedOn = subject.dates.find((on) => !obligation.noticeNotBeforeBasis || on >= obligation.basisDate);
  const onTime = publishedOn !== undefined && publishedOn <= deadline;
  yield* putRow(t.obligations, {
    obligation_id: obligation.id,
    subject_key: obligation.subjectKey,
    basis_date: obligation.basisDate,
    deadline,
    met: publishedOn === undefined ? 0 : 1,
    ...obligation.dims,
  });
  if (publishedOn === undefined) yield* writeSubject(obligation.subjectKey, { ...subject, open: [...subject.open, obligation.id] });
  yield* facts.emit('notices_due', obligation.dims, onTime ? publishedOn : deadline, 1n);
  if (onTime) yield* facts.emit('notices_on_time', obligation.dims, publishedOn, 1n);
}

/** Records a notice and meets the open obligations of its subject that it can disclose. */
export function* noticePublished(facts: FactWriter, notice: NoticePublished['data']): RowProgram {
  const subjectKey = subjectKeyOf(notice);
  if (subjectKey === null) return;
  const publishedOn = notice.publishedOn;
  const subject = yield* readSubject(subjectKey);
  const dates = subject.dates.includes(publishedOn) ? subject.dates : [...subject.dates, publishedOn].sort();
  const stillOpen: string[] = [];
  for (const id of subject.open) {
    const obligation = yield* requireRow(t.obligations, { obligation_id: id }, 'open obligation');
    const disclosesIt = obligation.project_id !== null || publishedOn >= obligation.basis_date;
    if (disclosesIt) yield* meet(facts, obligation, publishedOn);
    else stillOpen.push(id);
  }
  yield* writeSubject(subjectKey, { dates, open: stillOpen });
}

function* meet(facts: FactWriter, obligation: ObligationRow, publishedOn: string): RowProgram {
  yield* putRow(t.obligations, { ...obligation, met: 1 });
  if (publishedOn > obligation.deadline) return;
  const dims = dimsOf(obligation);
  // Due from the publication date rather than the deadline: the obligation was fulfilled then.
  if (publishedOn < obligation.deadline) {
    yield* facts.emit('notices_due', dims, obligation.deadline, -1n);
    yield* facts.emit('notices_due', dims, publishedOn, 1n);
  }
  yield* facts.emit('notices_on_time', dims, publishedOn, 1n);
}

function dimsOf(row: ObligationRow): FactDims {
  const { county, township, village, fiscal_year, fund_type, source_level, project_id } = row;
  return { county, township, village, fiscal_year, fund_type, source_level, project_id };
}
