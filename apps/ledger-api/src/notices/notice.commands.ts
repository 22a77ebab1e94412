import { LedgerCommand } from '../commands/ledger-command';
import type { PublishNoticeBody, WithdrawNoticeBody } from './notice.dto';

export class PublishNoticeCommand extends LedgerCommand<PublishNoticeBody> {}
export class WithdrawNoticeCommand extends LedgerCommand<WithdrawNoticeBody, { noticeId: string }> {}
