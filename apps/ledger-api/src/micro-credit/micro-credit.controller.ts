import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { Origin } from '../commands/command-origin.decorator';
import {
  CompensateLoanBody,
  DepositToRiskFundBody,
  ExtendLoanBody,
  IssueLoanBody,
  MarkLoanOverdueBody,
  RenewLoanBody,
  RepayLoanBody,
  RiskFundPath,
} from './micro-credit.dto';
import {
  CompensateLoanCommand,
  DepositToRiskFundCommand,
  ExtendLoanCommand,
  IssueLoanCommand,
  MarkLoanOverdueCommand,
  RenewLoanCommand,
  RepayLoanCommand,
} from './micro-credit.commands';

/** 扶贫小额信贷: the county risk funds, and each loan from issue to repayment, renewal or compensation. */
@ApiTags('micro-credit')
@Roles('finance')
@Controller('v1/micro-credit')
export class MicroCreditController {
  constructor(private readonly commands: CommandBus) {}

  @Post('risk-funds/:countyCode/deposits')
  @HttpCode(201)
  deposit(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param() path: RiskFundPath, @Body() body: DepositToRiskFundBody): Promise<CommandAnswer> {
    return this.commands.execute(new DepositToRiskFundCommand(origin, principal, body, { countyCode: path.countyCode }));
  }

  @Post('loans')
  @HttpCode(201)
  issue(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Body() body: IssueLoanBody): Promise<CommandAnswer> {
    return this.commands.execute(new IssueLoanCommand(origin, principal, body, {}));
  }

  @Post('loans/:loanId/repayments')
  @HttpCode(201)
  repay(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('loanId') loanId: string, @Body() body: RepayLoanBody): Promise<CommandAnswer> {
    return this.commands.execute(new RepayLoanCommand(origin, principal, body, { loanId }));
  }

  @Post('loans/:loanId/overdue')
  @HttpCode(201)
  markOverdue(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('loanId') loanId: string, @Body() body: MarkLoanOverdueBody): Promise<CommandAnswer> {
    return this.commands.execute(new MarkLoanOverdueCommand(origin, principal, body, { loanId }));
  }

  @Post('loans/:loanId/compensations')
  @HttpCode(201)
  compensate(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('loanId') loanId: string, @Body() body: CompensateLoanBody): Promise<CommandAnswer> {
    return this.commands.execute(new CompensateLoanCommand(origin, principal, body, { loanId }));
  }

  @Post('loans/:loanId/extensions')
  @HttpCode(201)
  extend(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('loanId') loanId: string, @Body() body: ExtendLoanBody): Promise<CommandAnswer> {
    return this.commands.execute(new ExtendLoanCommand(origin, principal, body, { loanId }));
  }

  @Post('loans/:loanId/renewals')
  @HttpCode(201)
  renew(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('loanId') loanId: string, @Body() body: RenewLoanBody): Promise<CommandAnswer> {
    return this.commands.execute(new RenewLoanCommand(origin, principal, body, { loanId }));
  }
}
