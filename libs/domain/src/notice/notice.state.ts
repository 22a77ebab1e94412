import { daysBetween, type BusinessDate } from '../shared/business-date';
import type { NoticeChannel, NoticeLevel, NoticeSubject } from './notice.events';

export interface PublishedNotice {
  readonly status: 'published' | 'withdrawn';
  readonly noticeId: string;
  readonly level: NoticeLevel;
  readonly regionCode: string;
  readonly subject: NoticeSubject;
  readonly channel: NoticeChannel;
  readonly publishedOn: BusinessDate;
  readonly postedUntil: BusinessDate;
  readonly withdrawnOn: BusinessDate | null;
}

export type NoticeState = { readonly status: 'none' } | PublishedNotice;

/**
 * Days the notice was (or is planned to be) up, counting both the first and the last day, as
 * "公示期 5月1日至5月10日" is ten days. A withdrawal ends the posting the day before it is taken
 * down, so a notice withdrawn on the day it went up was posted for 0 days. Compared with
 * `LocalRules.notices.boardPostingDaysMin` by the warning rules, never refused here.
 */
export function noticePostedDays(notice: PublishedNotice): number {
  if (notice.withdrawnOn !== null && notice.withdrawnOn <= notice.postedUntil) {
    return daysBetween(notice.publishedOn, notice.withdrawnOn);
  }
  return daysBetween(notice.publishedOn, notice.postedUntil) + 1;
}
