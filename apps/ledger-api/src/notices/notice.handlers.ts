import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, type NoticeCommand, noticeDecider, type NoticeSubject, streams } from '@ledger/domain';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { foldOf } from '../commands/fold-of';
import { LedgerCommands } from '../commands/ledger-commands';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { RegionDirectory } from '../regions/region-directory';
import { PublishNoticeCommand, WithdrawNoticeCommand } from './notice.commands';

const noticeFold = (noticeId: string) => foldOf(streams.notice(noticeId), noticeDecider);

/** Decides a notice command on its stream alone and appends what it decided. */
function appendToNotice(ledger: LedgerCommands, origin: CommandOrigin, noticeId: string, command: NoticeCommand): Promise<CommandAnswer> {
  const fold = noticeFold(noticeId);
  return ledger.execute(origin, noticeId, { notice: fold }, ({ notice }) => [{ stream: fold.stream, events: noticeDecider.decide(command, notice) }]);
}

@CommandHandler(PublishNoticeCommand)
export class PublishNoticeHandler implements ICommandHandler<PublishNoticeCommand> {
  constructor(
    private readonly ledger: LedgerCommands,
    private readonly regions: RegionDirectory,
  ) {}

  execute({ origin, principal, body }: PublishNoticeCommand): Promise<CommandAnswer> {
    this.regions.assertKnownRegion(body.regionCode, 'regionCode');
    assertRegionAccess(principal, body.regionCode);
    // The edge checked the fields of the subject's kind; the decider rebuilds the subject from them.
    // The API names every county `countyCode`; the domain's subject calls it `county`.
    const { countyCode, ...subject } = body.subject;
    const data = { ...body, subject: { ...subject, ...(countyCode === undefined ? {} : { county: countyCode }) } as NoticeSubject };
    return appendToNotice(this.ledger, { ...origin, regionCode: body.regionCode }, body.noticeId, { type: 'PublishNotice', data });
  }
}

@CommandHandler(WithdrawNoticeCommand)
export class WithdrawNoticeHandler implements ICommandHandler<WithdrawNoticeCommand> {
  constructor(private readonly ledger: LedgerCommands) {}

  /** The notice named in the path must exist and lie in the principal's region. */
  async execute({ origin, principal, body, path }: WithdrawNoticeCommand): Promise<CommandAnswer> {
    const { noticeId } = path;
    const notice = await this.ledger.load(noticeFold(noticeId));
    if (notice.status === 'none') throw new SubjectNotFoundInPath(new DomainError('NOTICE.NOT_FOUND', `no notice ${noticeId}`));
    assertRegionAccess(principal, notice.regionCode);
    return appendToNotice(this.ledger, { ...origin, regionCode: notice.regionCode }, noticeId, { type: 'WithdrawNotice', data: { noticeId, ...body } });
  }
}

export const noticeHandlers = [PublishNoticeHandler, WithdrawNoticeHandler];
