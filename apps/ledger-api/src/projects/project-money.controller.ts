import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { Origin } from '../commands/command-origin.decorator';
import { DisburseFundsCommand, FundProjectCommand, ReduceFundingCommand, ReimburseDisbursementCommand, ReverseDisbursementCommand } from './project.commands';
import { DisburseFundsBody, FundProjectBody, ReduceFundingBody, ReimburseDisbursementBody, ReverseDisbursementBody } from './project.dto';

/** A project's money: funding lines and their reductions, disbursements, their reversals and reimbursements. */
@ApiTags('projects')
@Roles('finance')
@Controller('v1')
export class ProjectMoneyController {
  constructor(private readonly commands: CommandBus) {}

  @Post('projects/:projectId/fundings')
  @HttpCode(201)
  fund(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Body() body: FundProjectBody): Promise<CommandAnswer> {
    return this.commands.execute(new FundProjectCommand(origin, principal, body, { projectId }));
  }

  @Post('fundings/:fundingId/reductions')
  @HttpCode(201)
  reduce(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('fundingId') fundingId: string, @Body() body: ReduceFundingBody): Promise<CommandAnswer> {
    return this.commands.execute(new ReduceFundingCommand(origin, principal, body, { fundingId }));
  }

  @Post('projects/:projectId/disbursements')
  @HttpCode(201)
  disburse(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Body() body: DisburseFundsBody): Promise<CommandAnswer> {
    return this.commands.execute(new DisburseFundsCommand(origin, principal, body, { projectId }));
  }

  @Post('disbursements/:disbursementId/reversals')
  @HttpCode(201)
  reverse(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('disbursementId') disbursementId: string, @Body() body: ReverseDisbursementBody): Promise<CommandAnswer> {
    return this.commands.execute(new ReverseDisbursementCommand(origin, principal, body, { disbursementId }));
  }

  @Post('disbursements/:disbursementId/reimbursements')
  @HttpCode(201)
  reimburse(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('disbursementId') disbursementId: string, @Body() body: ReimburseDisbursementBody): Promise<CommandAnswer> {
    return this.commands.execute(new ReimburseDisbursementCommand(origin, principal, body, { disbursementId }));
  }
}
