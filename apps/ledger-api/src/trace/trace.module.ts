import { Module } from '@nestjs/common';
import { TraceController } from './trace.controller';

/** `GET /v1/audit/trace/allocations/{id}` and `…/disbursements/{id}`: the `trace` projection, for inspectors. */
@Module({ controllers: [TraceController] })
export class TraceModule {}
