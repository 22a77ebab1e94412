import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { fiscalYearMax, fiscalYearMin, sourceLevels, textLengthMax } from '@ledger/domain';
import { IsBusinessDate, IsEntityId, IsFundType, IsPositiveMoney, IsRegionCode } from '../http/validation/domain-value.decorators';

/** A document number (指标文件文号, 凭证号): free text, but short. */
const documentNoLengthMax = 100;

export class AllocateFundsBody {
  @IsEntityId() allocationId!: string;
  @IsRegionCode({ digits: 6 }) countyCode!: string;
  @IsFundType() fundType!: string;
  @IsIn(sourceLevels, { message: `sourceLevel must be one of ${sourceLevels.join(', ')}` }) sourceLevel!: string;
  @IsInt() @Min(fiscalYearMin) @Max(fiscalYearMax) fiscalYear!: number;
  @IsPositiveMoney() amount!: string;
  @IsString() @Length(1, documentNoLengthMax) documentNo!: string;
  @IsBusinessDate() allocatedOn!: string;
  /** The partner region or unit of paired assistance (东西部协作 / 对口帮扶), required for that fund type. */
  @IsOptional() @IsString() @Length(1, textLengthMax) partner?: string;
  /** The original channel of integrated money (the 涉农资金 it was budgeted under), required for that fund type. */
  @IsOptional() @IsString() @Length(1, textLengthMax) channel?: string;
}

export class ReceiveFundsBody {
  @IsEntityId() receiptId!: string;
  @IsPositiveMoney() amount!: string;
  @IsBusinessDate() receivedOn!: string;
  @IsString() @Length(1, documentNoLengthMax) voucherNo!: string;
}

export class ReverseReceiptBody {
  @IsEntityId() reversalId!: string;
  @IsPositiveMoney() amount!: string;
  @IsString() @Length(1, textLengthMax) reason!: string;
  @IsString() @Length(1, documentNoLengthMax) voucherNo!: string;
  @IsBusinessDate() reversedOn!: string;
}

/** 调减 / 收回: reduces (or, to zero, withdraws) what was allocated and not yet received. */
export class ReduceAllocationBody {
  @IsEntityId() reductionId!: string;
  @IsPositiveMoney() amount!: string;
  @IsBusinessDate() on!: string;
  @IsString() @Length(1, documentNoLengthMax) documentNo!: string;
  @IsString() @Length(1, textLengthMax) reason!: string;
}

/** 结转: unassigned money carried into a later year (the next one unless `toFiscalYear` says otherwise). */
export class CarryOverBody {
  @IsEntityId() carryOverId!: string;
  @IsPositiveMoney() amount!: string;
  @IsBusinessDate() on!: string;
  @IsString() @Length(1, documentNoLengthMax) documentNo!: string;
  @IsString() @Length(1, textLengthMax) reason!: string;
  @IsOptional() @IsInt() @Min(fiscalYearMin) @Max(fiscalYearMax) toFiscalYear?: number;
}

/** 收回: unassigned money returned to the level that allocated it. */
export class ClawBackBody {
  @IsEntityId() clawBackId!: string;
  @IsPositiveMoney() amount!: string;
  @IsBusinessDate() on!: string;
  @IsString() @Length(1, documentNoLengthMax) documentNo!: string;
  @IsString() @Length(1, textLengthMax) reason!: string;
}
