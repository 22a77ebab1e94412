import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, type RaisedWarning, streams, warningDecider, type WarningCommand } from '@ledger/domain';
import { getWarning, warningsDb } from '../../../../libs/audit/src/warnings';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer } from '../commands/command-executor';
import { foldOf } from '../commands/fold-of';
import { LedgerCommands } from '../commands/ledger-commands';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { ReadSide } from '../read-model/read-side';
import { AcknowledgeWarningCommand, ResolveWarningCommand } from './warning.commands';

/**
 * The inspectors' notes on a warning: look the warning up in the warnings projection (it must
 * hold on its county's latest business date, and lie in the caller's region), then load the
 * warning's stream, decide with the domain and append, through the write pipeline (idempotency,
 * revision retries) like every command.
 */
@Injectable()
abstract class WarningNoteHandler {
  constructor(
    private readonly ledger: LedgerCommands,
    private readonly readSide: ReadSide,
  ) {}

  protected async note(command: AcknowledgeWarningCommand | ResolveWarningCommand, type: WarningCommand['type']): Promise<CommandAnswer> {
    const { warningId } = command.path;
    const shown = await getWarning(warningsDb(this.readSide.readModel), warningId);
    if (shown === undefined) throw new SubjectNotFoundInPath(new DomainError('WARNING.NOT_FOUND', `no warning ${warningId} holds`, { warningId }));
    assertRegionAccess(command.principal, shown.region);
    const raised: RaisedWarning = { warningId, rule: shown.rule, regionCode: shown.region };
    const fold = foldOf(streams.warning(warningId), warningDecider);
    const data = { warningId, note: command.body.note, on: command.body.on, raised };
    return this.ledger.execute({ ...command.origin, regionCode: shown.region }, warningId, { warning: fold }, ({ warning }) => [
      { stream: fold.stream, events: warningDecider.decide({ type, data }, warning) },
    ]);
  }
}

@CommandHandler(AcknowledgeWarningCommand)
export class AcknowledgeWarningHandler extends WarningNoteHandler implements ICommandHandler<AcknowledgeWarningCommand> {
  execute(command: AcknowledgeWarningCommand): Promise<CommandAnswer> {
    return this.note(command, 'AcknowledgeWarning');
  }
}

@CommandHandler(ResolveWarningCommand)
export class ResolveWarningHandler extends WarningNoteHandler implements ICommandHandler<ResolveWarningCommand> {
  execute(command: ResolveWarningCommand): Promise<CommandAnswer> {
    return this.note(command, 'ResolveWarning');
  }
}

export const warningHandlers = [AcknowledgeWarningHandler, ResolveWarningHandler];
