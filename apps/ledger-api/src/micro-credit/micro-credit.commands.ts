import { LedgerCommand } from '../commands/ledger-command';
import type {
  CompensateLoanBody,
  DepositToRiskFundBody,
  ExtendLoanBody,
  IssueLoanBody,
  MarkLoanOverdueBody,
  RenewLoanBody,
  RepayLoanBody,
} from './micro-credit.dto';

type CountyPath = { countyCode: string };
type LoanPath = { loanId: string };

export class DepositToRiskFundCommand extends LedgerCommand<DepositToRiskFundBody, CountyPath> {}
export class IssueLoanCommand extends LedgerCommand<IssueLoanBody> {}
export class RepayLoanCommand extends LedgerCommand<RepayLoanBody, LoanPath> {}
export class MarkLoanOverdueCommand extends LedgerCommand<MarkLoanOverdueBody, LoanPath> {}
export class CompensateLoanCommand extends LedgerCommand<CompensateLoanBody, LoanPath> {}
export class ExtendLoanCommand extends LedgerCommand<ExtendLoanBody, LoanPath> {}
export class RenewLoanCommand extends LedgerCommand<RenewLoanBody, LoanPath> {}
