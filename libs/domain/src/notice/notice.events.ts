import type { DomainEvent } from '../shared/decider';
import type { BusinessDate } from '../shared/business-date';
import type { FiscalYear } from '../shared/reference-data';

/** 三级公开: county (web, long term), township and village (fixed notice board). */
export const noticeLevels = ['county', 'township', 'village'] as const;
export type NoticeLevel = (typeof noticeLevels)[number];

export const noticeChannels = ['web', 'board'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

/**
 * What a notice discloses. Counties are 6-digit codes; the scope of a micro-credit notice is the
 * county's loans of one year, narrowed to the township or village by the notice's own region.
 */
export type NoticeSubject =
  | { readonly kind: 'project'; readonly projectId: string }
  | { readonly kind: 'allocations'; readonly county: string; readonly fiscalYear: FiscalYear }
  | { readonly kind: 'micro_credit'; readonly county: string; readonly fiscalYear: FiscalYear }
  | { readonly kind: 'beneficiaries'; readonly projectId: string };

export type NoticeSubjectKind = NoticeSubject['kind'];

export type NoticePublished = DomainEvent<
  'NoticePublished',
  {
    readonly noticeId: string;
    readonly level: NoticeLevel;
    /** 6 digits for a county notice, 12 for a township or village one. */
    readonly regionCode: string;
    readonly subject: NoticeSubject;
    readonly channel: NoticeChannel;
    readonly publishedOn: BusinessDate;
    /** Last day the notice is meant to stay up (inclusive). */
    readonly postedUntil: BusinessDate;
    readonly regionCodeEdition: string;
  }
>;

export type NoticeWithdrawn = DomainEvent<
  'NoticeWithdrawn',
  { readonly noticeId: string; readonly on: BusinessDate; readonly reason: string }
>;

export type NoticeEvent = NoticePublished | NoticeWithdrawn;
