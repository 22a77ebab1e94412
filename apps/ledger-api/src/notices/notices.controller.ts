import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { Origin } from '../commands/command-origin.decorator';
import { PublishNoticeBody, WithdrawNoticeBody } from './notice.dto';
import { PublishNoticeCommand, WithdrawNoticeCommand } from './notice.commands';

/** 公告公示: publishing a notice, and taking it down. */
@ApiTags('notices')
@Roles('finance')
@Controller('v1/notices')
export class NoticesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  publish(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Body() body: PublishNoticeBody): Promise<CommandAnswer> {
    return this.commands.execute(new PublishNoticeCommand(origin, principal, body, {}));
  }

  @Post(':noticeId/withdrawal')
  @HttpCode(201)
  withdraw(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('noticeId') noticeId: string, @Body() body: WithdrawNoticeBody): Promise<CommandAnswer> {
    return this.commands.execute(new WithdrawNoticeCommand(origin, principal, body, { noticeId }));
  }
}
