import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { Origin } from '../commands/command-origin.decorator';
import { AllocateFundsBody, CarryOverBody, ClawBackBody, ReceiveFundsBody, ReduceAllocationBody, ReverseReceiptBody } from './allocation.dto';
import {
  AllocateFundsCommand,
  CarryOverFundsCommand,
  ClawBackFundsCommand,
  ReceiveFundsCommand,
  ReduceAllocationCommand,
  ReverseReceiptCommand,
} from './allocation.commands';

/** 资金下达 and what follows on an allocation: receipts, reductions, carry-overs, claw-backs, receipt reversals. */
@ApiTags('allocations')
@Roles('finance')
@Controller('v1')
export class AllocationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('allocations')
  @HttpCode(201)
  allocate(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Body() body: AllocateFundsBody): Promise<CommandAnswer> {
    return this.commands.execute(new AllocateFundsCommand(origin, principal, body, {}));
  }

  @Post('allocations/:allocationId/receipts')
  @HttpCode(201)
  receive(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('allocationId') allocationId: string, @Body() body: ReceiveFundsBody): Promise<CommandAnswer> {
    return this.commands.execute(new ReceiveFundsCommand(origin, principal, body, { allocationId }));
  }

  @Post('allocations/:allocationId/reductions')
  @HttpCode(201)
  reduce(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('allocationId') allocationId: string, @Body() body: ReduceAllocationBody): Promise<CommandAnswer> {
    return this.commands.execute(new ReduceAllocationCommand(origin, principal, body, { allocationId }));
  }

  @Post('allocations/:allocationId/carry-overs')
  @HttpCode(201)
  carryOver(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('allocationId') allocationId: string, @Body() body: CarryOverBody): Promise<CommandAnswer> {
    return this.commands.execute(new CarryOverFundsCommand(origin, principal, body, { allocationId }));
  }

  @Post('allocations/:allocationId/claw-backs')
  @HttpCode(201)
  clawBack(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('allocationId') allocationId: string, @Body() body: ClawBackBody): Promise<CommandAnswer> {
    return this.commands.execute(new ClawBackFundsCommand(origin, principal, body, { allocationId }));
  }

  @Post('receipts/:receiptId/reversals')
  @HttpCode(201)
  reverseReceipt(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('receiptId') receiptId: string, @Body() body: ReverseReceiptBody): Promise<CommandAnswer> {
    return this.commands.execute(new ReverseReceiptCommand(origin, principal, body, { receiptId }));
  }
}
