import { Module } from '@nestjs/common';
import { warningHandlers } from './warning.handlers';
import { WarningsController } from './warnings.controller';

/**
 * 预警: `GET /v1/audit/warnings[/{id}]` and the inspectors' notes. The warnings projection runs
 * with every other projection (ReadModelModule, global: inline in the append transaction by
 * default), so a fact's warning is readable as soon as its append is answered.
 */
@Module({ controllers: [WarningsController], providers: [...warningHandlers] })
export class WarningsModule {}
