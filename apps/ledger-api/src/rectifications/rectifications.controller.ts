import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { Origin } from '../commands/command-origin.decorator';
import { SubjectInPath } from '../http/subject-in-path';
import { beijingDateOf } from './beijing-date';
import { CloseRectificationBody, CloseRectificationTaskBody, OpenRectificationBody, ReopenRectificationBody } from './rectification.dto';
import {
  CloseRectificationCommand,
  CloseRectificationTaskCommand,
  OpenRectificationCommand,
  ReopenRectificationCommand,
} from './rectification.commands';

/** 整改台账: inspectors open findings with their tasks, close tasks and items, and reopen what came back. */
@ApiTags('rectifications')
@Roles('inspector')
@Controller('v1/rectifications')
export class RectificationsController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Without `openedOn`, the item is opened on the Beijing date the request arrived: the clock is
   * read here, at the edge, and the date travels in the command. A retry under the same key replays
   * the first answer, so the date cannot drift.
   */
  @Post()
  @HttpCode(201)
  open(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Body() body: OpenRectificationBody): Promise<CommandAnswer> {
    const openedOn = body.openedOn ?? beijingDateOf(new Date());
    return this.commands.execute(new OpenRectificationCommand(origin, principal, { ...body, openedOn }, {}));
  }

  /** The task is in the path too: the domain's TASK_NOT_FOUND is a 404 here (in a reopening's body it stays 422). */
  @Post(':rectificationId/tasks/:taskId/closure')
  @HttpCode(201)
  @SubjectInPath('RECTIFICATION.TASK_NOT_FOUND')
  closeTask(
    @Origin() origin: CommandOrigin,
    @CurrentPrincipal() principal: Principal,
    @Param('rectificationId') rectificationId: string,
    @Param('taskId') taskId: string,
    @Body() body: CloseRectificationTaskBody,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new CloseRectificationTaskCommand(origin, principal, body, { rectificationId, taskId }));
  }

  @Post(':rectificationId/closure')
  @HttpCode(201)
  close(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('rectificationId') rectificationId: string, @Body() body: CloseRectificationBody): Promise<CommandAnswer> {
    return this.commands.execute(new CloseRectificationCommand(origin, principal, body, { rectificationId }));
  }

  @Post(':rectificationId/reopening')
  @HttpCode(201)
  reopen(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('rectificationId') rectificationId: string, @Body() body: ReopenRectificationBody): Promise<CommandAnswer> {
    return this.commands.execute(new ReopenRectificationCommand(origin, principal, body, { rectificationId }));
  }
}
