import { IsOptional } from 'class-validator';
import { IsBusinessDate, IsFundType, IsRegionCode } from '../http/validation/domain-value.decorators';
import { IsAsOfMoment, IsAsOfPosition, IsFiscalYearText, IsSourceLevelText } from '../read-model/query-params';

/** `GET /v1/metrics` query: omitted filters mean all; `region` is what the figures are of. */
export class MetricsQuery {
  /** A county (6 digits), township (9) or village (12). */
  @IsRegionCode({ digits: 'any' }) region!: string;
  @IsOptional() @IsFiscalYearText() fiscalYear?: string;
  @IsOptional() @IsFundType() fundType?: string;
  @IsOptional() @IsSourceLevelText() sourceLevel?: string;
  /** As the ledger knew it at this moment (recording time): RFC 3339 with offset. */
  @IsOptional() @IsAsOfMoment() asOf?: string;
  /** As the ledger knew it at this log position. */
  @IsOptional() @IsAsOfPosition() asOfPosition?: string;
  /** As of a business date: only facts dated on or before it, as the ledger knows them now. */
  @IsOptional() @IsBusinessDate() until?: string;
}
