import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** `GET /v1/metrics`: the figures of the metrics projection (libs/projections), read through ReadSide. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
