import { applyDecorators } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  type AssetKind,
  assetKinds,
  fiscalYearMax,
  fiscalYearMin,
  performanceTargetsMax,
  type ProjectCategory,
  projectCategories,
  textLengthMax,
  voucherNoLengthMax,
} from '@ledger/domain';
import { IsBusinessDate, IsEntityId, IsPositiveMoney, IsRegionCode } from '../http/validation/domain-value.decorators';
import { NestedObject } from '../http/validation/nested.decorators';
import { FundingSourceBody, NamesOneSource } from './funding-source.field';
import { IsParty, type PartyBody } from './party.field';

/** Free text of the project and its documents (文号, 验收单位, 原因): the domain's bound on any text. */
const Text = (): PropertyDecorator => applyDecorators(IsString(), Length(1, textLengthMax));

/** 凭证号: the domain's own bound on a voucher number. */
const VoucherNo = (): PropertyDecorator => applyDecorators(IsString(), Length(1, voucherNoLengthMax));

/** The facts a listing states and an amendment may correct (the domain's ProjectFacts). */
export class ProjectFactsBody {
  @Text() name!: string;
  @IsIn(projectCategories, { message: `category must be one of ${projectCategories.join(', ')}` }) category!: ProjectCategory;
  @IsPositiveMoney() plannedInvestment!: string;
  @Text() implementingUnit!: string;
  /** 绩效目标, a line each. That a project states at least one is a domain rule (422 PROJECT.TARGETS_REQUIRED). */
  @IsArray() @ArrayMaxSize(performanceTargetsMax) @IsString({ each: true }) @Length(1, textLengthMax, { each: true }) performanceTargets!: string[];
  /** 联农带农: how the project benefits the poor. */
  @Text() povertyLinkage!: string;
  /** 到户类: the project benefits households directly. */
  @IsBoolean() householdLevel!: boolean;
}

/** 入库: a project enters the county's project library, in a village of the national code set. */
export class ListProjectBody extends ProjectFactsBody {
  @IsEntityId() projectId!: string;
  @IsRegionCode({ digits: 12, level: 'village' }) villageCode!: string;
  @IsInt() @Min(fiscalYearMin) @Max(fiscalYearMax) fiscalYear!: number;
  /** 入库日期; when absent, the day (in China) the ledger received the request: see listing-date.ts. */
  @IsOptional() @IsBusinessDate() listedOn?: string;
}

/** A step of the project's life, on a date. */
class ProjectStepBody {
  @IsBusinessDate() on!: string;
}

/** 批复, under the approval document. */
export class ApproveProjectBody extends ProjectStepBody {
  @Text() documentNo!: string;
}

/** 开工. */
export class StartProjectBody extends ProjectStepBody {}

/** 竣工. */
export class CompleteProjectBody extends ProjectStepBody {}

/** 验收, by a unit (never a person: the text is scanned for personal data). */
export class AcceptProjectBody extends ProjectStepBody {
  @Text() acceptedBy!: string;
}

/** 形成资产: `owner` is a unit's name or `{householdRef}` (party.field.ts). */
export class RegisterAssetBody {
  @IsEntityId() assetId!: string;
  @IsIn(assetKinds, { message: `kind must be one of ${assetKinds.join(', ')}` }) kind!: AssetKind;
  @IsPositiveMoney() value!: string;
  @IsParty() owner!: PartyBody;
  @IsBusinessDate() registeredOn!: string;
}

/**
 * 调整: the facts that change, at the top level and written as in a listing (each optional, none
 * null), with the reason and the date. A fact given with its current value is not a change.
 */
export class AmendProjectBody extends PartialType(ProjectFactsBody, { skipNullProperties: false }) {
  @Text() reason!: string;
  @IsBusinessDate() on!: string;
}

/** 资金围绕项目转: a funding line from one allocation or from the county's pool. */
export class FundProjectBody {
  @IsEntityId() fundingId!: string;
  @NestedObject(() => FundingSourceBody) @NamesOneSource() source!: FundingSourceBody;
  @IsPositiveMoney() amount!: string;
  @IsBusinessDate() fundedOn!: string;
}

/** Unspent money of a funding line back to its source. */
export class ReduceFundingBody {
  @IsEntityId() reductionId!: string;
  @IsPositiveMoney() amount!: string;
  @Text() reason!: string;
  @IsBusinessDate() on!: string;
}

/** 拨付: `payee` is a unit's name or `{householdRef}` (party.field.ts). */
export class DisburseFundsBody {
  @IsEntityId() disbursementId!: string;
  @IsEntityId() fundingId!: string;
  @IsPositiveMoney() amount!: string;
  @IsParty() payee!: PartyBody;
  @VoucherNo() voucherNo!: string;
  @IsBusinessDate() paidOn!: string;
  @Text() purpose!: string;
}

/** 红字冲销 of (part of) a disbursement, under a voucher of its own. */
export class ReverseDisbursementBody {
  @IsEntityId() reversalId!: string;
  @IsPositiveMoney() amount!: string;
  @Text() reason!: string;
  @VoucherNo() voucherNo!: string;
  @IsBusinessDate() reversedOn!: string;
}

/** 报账 of what is left of a disbursement. */
export class ReimburseDisbursementBody {
  @IsEntityId() reimbursementId!: string;
  @IsBusinessDate() reimbursedOn!: string;
  @VoucherNo() voucherNo!: string;
}
