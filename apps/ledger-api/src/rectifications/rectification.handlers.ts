import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, type OpenedRectification, type RectificationCommand, rectificationDecider, streams } from '@ledger/domain';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { foldOf } from '../commands/fold-of';
import type { LedgerCommand } from '../commands/ledger-command';
import { LedgerCommands } from '../commands/ledger-commands';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { RegionDirectory } from '../regions/region-directory';
import {
  CloseRectificationCommand,
  CloseRectificationTaskCommand,
  OpenRectificationCommand,
  ReopenRectificationCommand,
} from './rectification.commands';

type RectificationPathCommand = LedgerCommand<unknown, { rectificationId: string }>;

const rectificationFold = (rectificationId: string) => foldOf(streams.rectification(rectificationId), rectificationDecider);

/**
 * The rectification ledger's handlers: load, decide with the domain, append. Nothing else.
 * `@Injectable()` makes TypeScript record the constructor's parameter types, which the handlers
 * that declare no constructor of their own inherit for injection.
 */
@Injectable()
abstract class RectificationHandler {
  constructor(protected readonly ledger: LedgerCommands) {}

  /** Decides a command on the item's stream alone and appends what it decided. */
  protected appendToItem(origin: CommandOrigin, rectificationId: string, id: string, command: RectificationCommand): Promise<CommandAnswer> {
    const fold = rectificationFold(rectificationId);
    return this.ledger.execute(origin, id, { item: fold }, ({ item }) => [{ stream: fold.stream, events: rectificationDecider.decide(command, item) }]);
  }

  /**
   * A command on the item named in the path, which must exist and lie in the principal's region.
   * `toDomain` sees the item as loaded: its task ids never change after opening.
   */
  protected async onExistingItem(command: RectificationPathCommand, id: string, toDomain: (item: OpenedRectification) => RectificationCommand): Promise<CommandAnswer> {
    const { rectificationId } = command.path;
    const item = await this.ledger.load(rectificationFold(rectificationId));
    if (item.status === 'none') throw new SubjectNotFoundInPath(new DomainError('RECTIFICATION.NOT_FOUND', `no rectification ${rectificationId}`));
    assertRegionAccess(command.principal, item.regionCode);
    return this.appendToItem({ ...command.origin, regionCode: item.regionCode }, rectificationId, id, toDomain(item));
  }
}

@CommandHandler(OpenRectificationCommand)
export class OpenRectificationHandler extends RectificationHandler implements ICommandHandler<OpenRectificationCommand> {
  constructor(ledger: LedgerCommands, private readonly regions: RegionDirectory) {
    super(ledger);
  }

  execute({ origin, principal, body }: OpenRectificationCommand): Promise<CommandAnswer> {
    this.regions.assertKnownRegion(body.regionCode, 'regionCode');
    assertRegionAccess(principal, body.regionCode);
    const id = body.rectificationId;
    return this.appendToItem({ ...origin, regionCode: body.regionCode }, id, id, { type: 'OpenRectification', data: body });
  }
}

@CommandHandler(CloseRectificationTaskCommand)
export class CloseRectificationTaskHandler extends RectificationHandler implements ICommandHandler<CloseRectificationTaskCommand> {
  execute(command: CloseRectificationTaskCommand): Promise<CommandAnswer> {
    const { rectificationId, taskId } = command.path;
    return this.onExistingItem(command, taskId, () => ({ type: 'CloseRectificationTask', data: { rectificationId, taskId, ...command.body } }));
  }
}

@CommandHandler(CloseRectificationCommand)
export class CloseRectificationHandler extends RectificationHandler implements ICommandHandler<CloseRectificationCommand> {
  execute(command: CloseRectificationCommand): Promise<CommandAnswer> {
    const { rectificationId } = command.path;
    return this.onExistingItem(command, rectificationId, () => ({ type: 'CloseRectification', data: { rectificationId, ...command.body } }));
  }
}

@CommandHandler(ReopenRectificationCommand)
export class ReopenRectificationHandler extends RectificationHandler implements ICommandHandler<ReopenRectificationCommand> {
  execute(command: ReopenRectificationCommand): Promise<CommandAnswer> {
    const { rectificationId } = command.path;
    const { evidence, taskIds, on } = command.body;
    return this.onExistingItem(command, rectificationId, (item) => ({
      type: 'ReopenRectification',
      data: { rectificationId, reason: evidence, taskIds: taskIds ?? [...item.tasks.keys()], on },
    }));
  }
}

export const rectificationHandlers = [OpenRectificationHandler, CloseRectificationTaskHandler, CloseRectificationHandler, ReopenRectificationHandler];
