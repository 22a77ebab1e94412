import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { fiscalYearMax, textLengthMax } from '@ledger/domain';
import { IsBusinessDate, IsEntityId, IsPositiveMoney, IsRate, IsRegionCode } from '../http/validation/domain-value.decorators';

/**
 * Bound a birth year to years a living borrower can have (the latest is the last fiscal year the
 * ledger covers); whether the age fits the province's range is the domain's rule (LOAN.BORROWER_AGE, 422).
 */
const birthYearMin = 1900;
const birthYearMax = fiscalYearMax;

/** Months of a term or added by an extension: at least one; the cap is the province's (LOAN.TERM_EXCEEDED, 422). */
const termMonthsMin = 1;

/** The county of a risk fund, from the path: validated like a body field so a bad one is a 400 naming `countyCode`. */
export class RiskFundPath {
  @IsRegionCode({ digits: 6 }) countyCode!: string;
}

/** 风险补偿金: money of a received `micro_credit` allocation put into the county's risk fund. */
export class DepositToRiskFundBody {
  @IsEntityId() depositId!: string;
  @IsEntityId() allocationId!: string;
  @IsPositiveMoney() amount!: string;
  @IsBusinessDate() depositedOn!: string;
}

/** 扶贫小额信贷: the borrower is known by a pseudonymous household reference and a birth year, never by name. */
export class IssueLoanBody {
  @IsEntityId() loanId!: string;
  @IsEntityId() householdRef!: string;
  @IsInt() @Min(birthYearMin) @Max(birthYearMax) borrowerBirthYear!: number;
  @IsRegionCode({ digits: 12, level: 'village' }) villageCode!: string;
  @IsString() @Length(1, textLengthMax) bank!: string;
  @IsPositiveMoney() amount!: string;
  @IsInt() @Min(termMonthsMin) termMonths!: number;
  @IsRate() annualRate!: string;
  @IsBusinessDate() issuedOn!: string;
  @IsString() @Length(1, textLengthMax) purpose!: string;
}

export class RepayLoanBody {
  @IsEntityId() repaymentId!: string;
  @IsPositiveMoney() amount!: string;
  @IsBusinessDate() on!: string;
}

/** Marked on `on`, a day after maturity at the earliest. */
export class MarkLoanOverdueBody {
  @IsBusinessDate() on!: string;
}

/** `amount` is the whole loss; the risk fund and the bank share it by the province's `riskFundShare`. */
export class CompensateLoanBody {
  @IsEntityId() compensationId!: string;
  @IsPositiveMoney() amount!: string;
  @IsBusinessDate() on!: string;
}

/** 展期: `termMonths` is the number of months added to the current contract. */
export class ExtendLoanBody {
  @IsEntityId() extensionId!: string;
  @IsInt() @Min(termMonthsMin) termMonths!: number;
  @IsBusinessDate() on!: string;
}

/** 续贷: a new contract from `on`; `annualRate` defaults to the current contract's rate. */
export class RenewLoanBody {
  @IsEntityId() renewalId!: string;
  @IsPositiveMoney() amount!: string;
  @IsInt() @Min(termMonthsMin) termMonths!: number;
  @IsOptional() @IsRate() annualRate?: string;
  @IsBusinessDate() on!: string;
}
