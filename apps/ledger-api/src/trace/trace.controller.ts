import { Controller, Get, Param, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError, type ErrorCode } from '@ledger/domain';
import { traceAllocation, traceDisbursement, type AllocationTrace, type DisbursementTrace } from '@ledger/projections';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { assertRegionAccess } from '../access/region-access';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { answerAsOf } from '../read-model/query-params';
import { ReadErrorsInterceptor } from '../read-model/read-errors';
import { type AsOf, ReadSide } from '../read-model/read-side';

type Answer<T extends { position: bigint }> = Omit<T, 'position'> & { asOf: AsOf };

/**
 * Follow the money (inspectors): where every yuan of an allocation went, from its document to
 * the payees (through the integrated pool by channel shares, pro rata to the fen), and which
 * allocations, by document number, a payment came from. From the `trace` projection.
 */
@ApiTags('audit')
@Controller('v1/audit/trace')
@UseInterceptors(ReadErrorsInterceptor)
export class TraceController {
  constructor(private readonly readSide: ReadSide) {}

  @Get('allocations/:allocationId')
  @Roles('inspector')
  async allocation(@CurrentPrincipal() principal: Principal, @Param('allocationId') id: string, @Res({ passthrough: true }) response: Response): Promise<Answer<AllocationTrace>> {
    const trace = await orNotFound(() => traceAllocation(this.readSide.db, id), 'ALLOCATION.NOT_FOUND', `no allocation ${id} was made`);
    assertRegionAccess(principal, trace.allocation.county);
    return this.answer(trace, response);
  }

  @Get('disbursements/:disbursementId')
  @Roles('inspector')
  async disbursement(@CurrentPrincipal() principal: Principal, @Param('disbursementId') id: string, @Res({ passthrough: true }) response: Response): Promise<Answer<DisbursementTrace>> {
    const trace = await orNotFound(() => traceDisbursement(this.readSide.db, id), 'DISBURSEMENT.NOT_FOUND', `no disbursement ${id} was made`);
    assertRegionAccess(principal, trace.disbursement.villageCode);
    return this.answer(trace, response);
  }

  private async answer<T extends { position: bigint }>(trace: T, response: Response): Promise<Answer<T>> {
    const { position, ...rest } = trace;
    const asOf = await this.readSide.asOf(position);
    answerAsOf(response, asOf);
    return { ...rest, asOf };
  }
}

/** The trace, or 404 for an id that names nothing (a malformed id names nothing either). */
async function orNotFound<T>(read: () => Promise<T | undefined>, code: ErrorCode, message: string): Promise<T> {
  let found: T | undefined;
  try {
    found = await read();
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'FIELD.REQUIRED')) throw error;
  }
  if (found === undefined) throw new SubjectNotFoundInPath(new DomainError(code, message));
  return found;
}
