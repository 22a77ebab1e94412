import { Module } from '@nestjs/common';
import { loanHandlers } from './loan.handlers';
import { MicroCreditController } from './micro-credit.controller';
import { DepositToRiskFundHandler } from './risk-fund.handlers';

@Module({ controllers: [MicroCreditController], providers: [DepositToRiskFundHandler, ...loanHandlers] })
export class MicroCreditModule {}
