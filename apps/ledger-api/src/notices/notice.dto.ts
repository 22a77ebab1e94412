import { IsIn, IsInt, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { fiscalYearMax, fiscalYearMin, noticeChannels, type NoticeChannel, noticeLevels, type NoticeLevel, type NoticeSubjectKind, textLengthMax } from '@ledger/domain';
import { IsBusinessDate, IsEntityId, IsRegionCode } from '../http/validation/domain-value.decorators';
import { NestedObject } from '../http/validation/nested.decorators';

/**
 * What each kind of subject names: a project, or a county's year. A Record, so that a kind the
 * domain adds fails to compile here until the edge knows its fields.
 */
const subjectNames: Readonly<Record<NoticeSubjectKind, 'project' | 'county-year'>> = {
  project: 'project',
  beneficiaries: 'project',
  allocations: 'county-year',
  micro_credit: 'county-year',
};
const subjectKinds = Object.keys(subjectNames);

const names = (what: 'project' | 'county-year') => (subject: NoticeSubjectBody) => subjectNames[subject.kind] === what;

/**
 * One body for the domain's union of subjects: each field is required for the kinds that name it.
 * A field of another kind is ignored: the decider rebuilds the subject from its kind's fields, so
 * nothing else reaches the public log.
 */
export class NoticeSubjectBody {
  @IsIn(subjectKinds, { message: `kind must be one of ${subjectKinds.join(', ')}` }) kind!: NoticeSubjectKind;
  @ValidateIf(names('project')) @IsEntityId() projectId?: string;
  @ValidateIf(names('county-year')) @IsRegionCode({ digits: 6 }) countyCode?: string;
  @ValidateIf(names('county-year')) @IsInt() @Min(fiscalYearMin) @Max(fiscalYearMax) fiscalYear?: number;
}

/** 公告公示: county notices on the web, township and village ones on the fixed board (三级公开). */
export class PublishNoticeBody {
  @IsEntityId() noticeId!: string;
  @IsIn(noticeLevels, { message: `level must be one of ${noticeLevels.join(', ')}` }) level!: NoticeLevel;
  /** 6 digits for a county, 9 or 12 for a township, 12 for a village; the level must match it. */
  @IsRegionCode({ digits: 'any' }) regionCode!: string;
  @NestedObject(() => NoticeSubjectBody) subject!: NoticeSubjectBody;
  @IsBusinessDate() publishedOn!: string;
  @IsBusinessDate() postedUntil!: string;
  @IsIn(noticeChannels, { message: `channel must be one of ${noticeChannels.join(', ')}` }) channel!: NoticeChannel;
}

export class WithdrawNoticeBody {
  @IsBusinessDate() on!: string;
  @IsString() @Length(1, textLengthMax) reason!: string;
}
