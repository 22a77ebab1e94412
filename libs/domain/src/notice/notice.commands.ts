import type { NoticeChannel, NoticeLevel, NoticeSubject } from './notice.events';

/** Values arrive as the client sent them; the decider validates every one. */
export interface PublishNotice {
  readonly type: 'PublishNotice';
  readonly data: {
    readonly noticeId: string;
    readonly level: NoticeLevel;
    /** 6 digits for a county, 9 or 12 for a township, 12 for a village. */
    readonly regionCode: string;
    readonly subject: NoticeSubject;
    readonly channel: NoticeChannel;
    readonly publishedOn: string;
    readonly postedUntil: string;
  };
}

export interface WithdrawNotice {
  readonly type: 'WithdrawNotice';
  readonly data: { readonly noticeId: string; readonly on: string; readonly reason: string };
}

export type NoticeCommand = PublishNotice | WithdrawNotice;
