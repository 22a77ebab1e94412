import { IsOptional } from 'class-validator';
import { IsFiscalYearText } from '../read-model/query-params';

export class DisclosureQuery {
  /** Projects and their household lists of this fiscal year, loans issued in it, notices about it. */
  @IsOptional() @IsFiscalYearText() fiscalYear?: string;
}
