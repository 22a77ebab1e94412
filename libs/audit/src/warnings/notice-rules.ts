import { daysBetween, invariant, streams, type NoticePublished } from '@ledger/domain';
import { type LogPlace, getRow, putRow, requireRow, type RowProgram, addWorkingDays } from '@ledger/projections';
import { addDays } from './dates';
import { noticeDatesMax, noticeObligationsMax } from './limits';
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

/** `[publishedOn, position]`. */
type NoticeDate = readonly [string, number];

export function allocationsSubjectKey(county: string, fiscalYear: number): string {
  return `allocations:${county}:${fiscalYear}`;
}

export function projectSubjectKey(projectId: string): string {
  return `project:${projectId}`;
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
  return (yield* getRow(t.noticeSubjects, { subject_key: subjectKey })) ?? { subject_key: subjectKey, notices: '[]', obligations: 0 };
}

export interface NewObligation {
  readonly subjectKey: string;
  readonly kind: ObligationKind;
  readonly id: string;
  readonly basisDate: string;
  /** The subject's place: the county (an allocation) or the village (a project). */
  readonly region: string;
}

/** Records an obligation (one row: an allocation costs the same however many its county has) and judges it. */
export function* obligationOpened(obligation: NewObligation, place: LogPlace, deadlineWorkingDays: number): RowProgram {
  const subject = yield* readSubject(obligation.subjectKey);
  invariant(subject.obligations < noticeObligationsMax, `${obligation.subjectKey}: more than ${noticeObligationsMax} obligations`);
  yield* putRow(t.noticeSubjects, { ...subject, obligations: subject.obligations + 1 });
  const row: NoticeObligationRow = {
    subject_key: obligation.subjectKey,
    seq: subject.obligations + 1,
    kind: obligation.kind,
    id: obligation.id,
    basis_date: obligation.basisDate,
    position: place.position,
    region: obligation.region,
    settled: 0,
  };
  yield* judgeObligation(row, JSON.parse(subject.notices) as NoticeDate[], place, deadlineWorkingDays);
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
  const notices = [...(JSON.parse(subject.notices) as NoticeDate[]), [data.publishedOn, Number(place.position)] as NoticeDate].sort(([a, ap], [b, bp]) =>
    a < b ? -1 : a > b ? 1 : ap - bp,
  );
  invariant(notices.length <= noticeDatesMax, `${subjectKey}: more than ${noticeDatesMax} notices`);
  yield* putRow(t.noticeSubjects, { ...subject, notices: JSON.stringify(notices) });
  // A notice can only make the first disclosure earlier: an obligation met on time stays met.
  for (let seq = 1; seq <= subject.obligations; seq++) {
    const obligation = yield* requireRow(t.noticeObligations, { subject_key: subjectKey, seq }, 'notice obligation');
    if (obligation.settled === 0) yield* judgeObligation(obligation, notices, place, deadlineWorkingDays);
  }
}

export function* noticeWithdrawn(noticeId: string, on: string, place: LogPlace, boardPostingDaysMin: number): RowProgram {
  const before = yield* requireRow(t.notices, { notice_id: noticeId }, 'NoticeWithdrawn');
  const notice = { ...before, withdrawn_on: on };
  yield* putRow(t.notices, notice);
  yield* judgeTooShort(notice, place, boardPostingDaysMin);
}

function* judgeObligation(obligation: NoticeObligationRow, notices: readonly NoticeDate[], place: LogPlace, deadlineWorkingDays: number): RowProgram {
  const { kind, id, basis_date: basisDate, position, region } = obligation;
  const deadline = addWorkingDays(basisDate, deadlineWorkingDays);
  const first = notices.find(([on]) => kind === 'project' || on >= basisDate);
  const late = first !== undefined && first[0] > deadline;
  yield* putRow(t.noticeObligations, { ...obligation, settled: first !== undefined && !late ? 1 : 0 });
  const subject = { stream: kind === 'allocation' ? streams.allocation(id) : streams.project(id), id };
  const details = { basisDate, deadline, countyDeadlineWorkingDays: deadlineWorkingDays, publishedOn: first?.[0] ?? null };
  const common = { subject, county: region.slice(0, 6), region, details };
  yield* putWarning({ ...common, rule: 'NOTICE.MISSING', holds: first === undefined || late, raisedOn: addDays(deadline, 1), clearedOn: late ? first[0] : null, evidence: [position] }, place);
  yield* putWarning({ ...common, rule: 'NOTICE.LATE', holds: late, raisedOn: first?.[0] ?? deadline, clearedOn: null, evidence: first === undefined ? [] : [position, BigInt(first[1])] }, place);
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
