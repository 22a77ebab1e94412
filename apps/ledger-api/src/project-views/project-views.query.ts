import { IsIn, IsOptional } from 'class-validator';
import { projectPageSizeMax, projectStatuses } from '@ledger/projections';
import { IsEntityId, IsRegionCode } from '../http/validation/domain-value.decorators';
import { IsFiscalYearText, IsPageSize } from '../read-model/query-params';

/** `GET /v1/projects` query: a page of projects in projectId order, `after` the last id of the previous page. */
export class ProjectListQuery {
  /** Default: the principal's own region when it is a county, township or village. */
  @IsOptional() @IsRegionCode({ digits: 'any' }) region?: string;
  @IsOptional() @IsIn(projectStatuses, { message: `status must be one of ${projectStatuses.join(', ')}` }) status?: string;
  @IsOptional() @IsFiscalYearText() fiscalYear?: string;
  @IsOptional() @IsPageSize(projectPageSizeMax) limit?: string;
  @IsOptional() @IsEntityId() after?: string;
}
