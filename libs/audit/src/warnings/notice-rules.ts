import { daysBetween, invariant, streams, type NoticePublished } from '@ledger/domain';
import { type LogPlace, deleteRow, getRow, putRow, requireRow, type RowProgram, addWorkingDays } from '@ledger/projections';
import { addDays } from './dates';
import { noticeDatesMax, noticeObligationsMax, noticeOpenDatesMax } from './limits';
import { putWarning } from './warning-rows';
import { warningsTables as t, type NoticeObligationRow, type NoticeRow, type NoticeSubjectRow } from './warnings.tables';

/**
 * Disclosure rules. Obligations are those of the timely-notice rate (libs/projections README):
 * - each allocation (FundsAllocated) must be disclosed by a county-level notice of its county's
 *   allocations of its fiscal year, published on or after the allocation date;
 * - each approved project (ProjectApproved) by a notice of the project, at any level, on any date
 *   (入库公示 often comes before approval);
 * both within `countyDeadlineWorkingDays` working days (Mon–Fri) after the basis date. With p the
 * earliest notice that discloses it (a withdrawal does not un-publish):
 * - NOTICE.MISSING holds from the day after the deadline until p, when p is later (forever without p);
 * - NOTICE.LATE holds from p, when p is after the deadline.
 * Subject: the allocation or the project. Notices recorded in any order are judged by their dates.
 *
 * NOTICE.TOO_SHORT: a township or village board notice up fewer than `boardPostingDaysMin` days,
 * counted inclusively from publication to `postedUntil` (2017-08-02 → 2017-08-06 is 5 days), or
 * to its withdrawal when withdrawn earlier. Raised on its publication date (its withdrawal date
 * when only the withdrawal made it short). Subject the notice.
 */

type ObligationKind = 'allocation' | 'project';

/** `[publishedOn, position]`: a date the subject's notices were published on, and the first of them recorded (the lowest position). */
type NoticeDate = readonly [string, number];

/** `[basisDate, obligations]`: a basis date whose obligations are not disclosed on time (yet), and how many there are. */
type OpenDate = readonly [string, number];

export function allocationsSubjectKey(county: string, fiscalYear: number): string {
  return `allocations:${county}:${fiscalYear}`;
}

const projectKeyPrefix = 'project:';

export function projectSubjectKey(projectId: string): string {
  return `${projectKeyPrefix}${projectId}`;
}

/** The earliest date a notice discloses an obligation of this basis date from: a project's notice counts on any date. */
function disclosedFrom(subjectKey: string, basisDate: string): string {
  return subjectKey.startsWith(projectKeyPrefix) ? '' : basisDate;
}

/** The disclosure subject a notice counts for, or null when it meets no obligation. */
function subjectKeyOf(notice: NoticePublished['data']): string | null {
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

function* readSubject(subjectKey: string): RowProgram<NoticeSubjectRow> {
  return (yield* getRow(t.noticeSubjects, { subject_key: subjectKey })) ?? { subject_key: subjectKey, notices: '[]', open_dates: '[]' };
}

export interface NewObligation {
  readonly subjectKey: string;
  readonly kind: ObligationKind;
  readonly id: string;
  readonly basisDate: string;
  /** The subject's place: the county (an allocation) or the village (a project). */
  readonly region: string;
}

/**
 * Judges a new obligation against the subject's notices; one not disclosed on time is kept under
 * its basis date, for a notice that may yet change its verdict (one disclosed on time stays so).
 */
export function* obligationOpened(obligation: NewObligation, place: LogPlace, deadlineWorkingDays: number): RowProgram {
  const { subjectKey, basisDate } = obligation;
  const subject = yield* readSubject(subjectKey);
  const from = disclosedFrom(subjectKey, basisDate);
  const first = (JSON.parse(subject.notices) as NoticeDate[]).find(([on]) => on >= from);
  const row: NoticeObligationRow = {
    subject_key: subjectKey,
    basis_date: basisDate,
    seq: 0,
    kind: obligation.kind,
    id: obligation.id,
    position: place.position,
    region: obligation.region,
  };
  if (yield* judgeObligation(row, first, place, deadlineWorkingDays)) return;
  const open = JSON.parse(subject.open_dates) as OpenDate[];
  let index = open.findIndex(([on]) => on >= basisDate);
  if (index === -1 || open[index]![0] !== basisDate) {
    invariant(open.length < noticeOpenDatesMax, `${subjectKey}: obligations open on more than ${noticeOpenDatesMax} dates`);
    index = index === -1 ? open.length : index;
    open.splice(index, 0, [basisDate, 0]);
  }
  const seq = open[index]![1] + 1;
  invariant(seq <= noticeObligationsMax, `${subjectKey}: more than ${noticeObligationsMax} obligations dated ${basisDate}`);
  open[index] = [basisDate, seq];
  yield* putRow(t.noticeSubjects, { ...subject, open_dates: JSON.stringify(open) });
  yield* putRow(t.noticeObligations, { ...row, seq });
}

export function* noticePublished(data: NoticePublished['data'], place: LogPlace, deadlineWorkingDays: number, boardPostingDaysMin: number): RowProgram {
  const county = data.regionCode.slice(0, 6);
  invariant((yield* getRow(t.notices, { notice_id: data.noticeId })) === undefined, `notice ${data.noticeId} published twice`);
  const notice: NoticeRow = {
    notice_id: data.noticeId,
    county,
    region: data.regionCode,
    level: data.level,
    published_on: data.publishedOn,
    posted_until: data.postedUntil,
    withdrawn_on: null,
    position: place.position,
  };
  yield* putRow(t.notices, notice);
  yield* judgeTooShort(notice, place, boardPostingDaysMin);
  const subjectKey = subjectKeyOf(data);
  if (subjectKey === null) return;
  const subject = yield* readSubject(subjectKey);
  const notices = JSON.parse(subject.notices) as NoticeDate[];
  const at = notices.findIndex(([on]) => on >= data.publishedOn);
  // A notice recorded earlier on the same date discloses whatever this one would, and comes first.
  if (at !== -1 && notices[at]![0] === data.publishedOn) return;
  invariant(notices.length < noticeDatesMax, `${subjectKey}: notices on more than ${noticeDatesMax} dates`);
  const index = at === -1 ? notices.length : at;
  const dateBefore = index === 0 ? null : notices[index - 1]![0];
  const first: NoticeDate = [data.publishedOn, Number(place.position)];
  notices.splice(index, 0, first);
  // The notice is the new first disclosure of exactly the basis dates with no notice from their
  // first counting date up to it: only those verdicts change.
  const open: OpenDate[] = [];
  for (const [basisDate, count] of JSON.parse(subject.open_dates) as OpenDate[]) {
    const from = disclosedFrom(subjectKey, basisDate);
    const disclosedNow = from <= data.publishedOn && (dateBefore === null || from > dateBefore);
    if (!disclosedNow || !(yield* openDateDisclosed(subjectKey, basisDate, count, first, place, deadlineWorkingDays))) open.push([basisDate, count]);
  }
  yield* putRow(t.noticeSubjects, { subject_key: subjectKey, notices: JSON.stringify(notices), open_dates: JSON.stringify(open) });
}

/**
 * Judges the obligations of a basis date again against their new first notice (one verdict for
 * all: same dates); those now disclosed on time are final and no longer kept. Answers whether they are.
 */
function* openDateDisclosed(subjectKey: string, basisDate: string, count: number, first: NoticeDate, place: LogPlace, deadlineWorkingDays: number): RowProgram<boolean> {
  let onTime = false;
  for (let seq = 1; seq <= count; seq++) {
    const key = { subject_key: subjectKey, basis_date: basisDate, seq };
    onTime = yield* judgeObligation(yield* requireRow(t.noticeObligations, key, 'notice obligation'), first, place, deadlineWorkingDays);
    if (onTime) yield* deleteRow(t.noticeObligations, key);
  }
  return onTime;
}

export function* noticeWithdrawn(noticeId: string, on: string, place: LogPlace, boardPostingDaysMin: number): RowProgram {
  const before = yield* requireRow(t.notices, { notice_id: noticeId }, 'NoticeWithdrawn');
  const notice = { ...before, withdrawn_on: on };
  yield* putRow(t.notices, notice);
  yield* judgeTooShort(notice, place, boardPostingDaysMin);
}

/** Writes an obligation's two verdicts given its first disclosing notice; answers whether it was disclosed on time. */
function* judgeObligation(obligation: NoticeObligationRow, first: NoticeDate | undefined, place: LogPlace, deadlineWorkingDays: number): RowProgram<boolean> {
  const { kind, id, basis_date: basisDate, position, region } = obligation;
  const deadline = addWorkingDays(basisDate, deadlineWorkingDays);
  const late = first !== undefined && first[0] > deadline;
  const subject = { stream: kind === 'allocation' ? streams.allocation(id) : streams.project(id), id };
  const details = { basisDate, deadline, countyDeadlineWorkingDays: deadlineWorkingDays, publishedOn: first?.[0] ?? null };
  const common = { subject, county: region.slice(0, 6), region, details };
  yield* putWarning({ ...common, rule: 'NOTICE.MISSING', holds: first === undefined || late, raisedOn: addDays(deadline, 1), clearedOn: late ? first[0] : null, evidence: [position] }, place);
  yield* putWarning({ ...common, rule: 'NOTICE.LATE', holds: late, raisedOn: first?.[0] ?? deadline, clearedOn: null, evidence: first === undefined ? [] : [position, BigInt(first[1])] }, place);
  return first !== undefined && !late;
}

function* judgeTooShort(notice: NoticeRow, place: LogPlace, daysMin: number): RowProgram {
  if (notice.level === 'county') return;
  const withdrawnEarly = notice.withdrawn_on !== null && notice.withdrawn_on < notice.posted_until;
  const until = withdrawnEarly ? notice.withdrawn_on! : notice.posted_until;
  const daysPosted = daysBetween(notice.published_on, until) + 1;
  const plannedDays = daysBetween(notice.published_on, notice.posted_until) + 1;
  yield* putWarning(
    {
      rule: 'NOTICE.TOO_SHORT',
      subject: { stream: streams.notice(notice.notice_id), id: notice.notice_id },
      county: notice.county,
      region: notice.region,
      holds: daysPosted < daysMin,
      raisedOn: plannedDays < daysMin ? notice.published_on : until,
      clearedOn: null,
      evidence: withdrawnEarly ? [notice.position, place.position] : [notice.position],
      details: { level: notice.level, publishedOn: notice.published_on, postedUntil: notice.posted_until, withdrawnOn: notice.withdrawn_on, daysPosted, boardPostingDaysMin: daysMin },
    },
    place,
  );
}
