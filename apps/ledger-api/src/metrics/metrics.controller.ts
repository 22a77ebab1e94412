import { Controller, Get, Inject, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@ledger/event-store';
import { queryMetrics, queryMetricsAsOf, type Metrics, type MetricsFilter } from '@ledger/projections';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { assertRegionAccess } from '../access/region-access';
import { EdgeError } from '../http/edge-error';
import { parseMoment, parsePosition } from '../read-model/as-of';
import { answerAsOf, regionQueryCode } from '../read-model/query-params';
import { ReadErrorsInterceptor } from '../read-model/read-errors';
import { type AsOf, ReadSide } from '../read-model/read-side';
import { EVENT_STORE } from '../store/event-store.module';
import { MetricsQuery } from './metrics.query';

/** The answer of `GET /v1/metrics` (names are a public contract). */
export type MetricsAnswer = Pick<Metrics, 'region' | 'level' | 'fiscalYear' | 'fundType' | 'sourceLevel' | 'until' | 'amounts' | 'projects' | 'rates' | 'base' | 'figures'> & {
  readonly asOf: AsOf;
};

/**
 * The figures of DOMAIN.md (到位率, 拨付率, 支出进度, …) for a region, with the base of every rate,
 * for inspectors and for finance bureaus in their own region. As the ledger knew it at a moment
 * or position (`asOf`, `asOfPosition`: the log prefix), or as of a business date (`until`).
 */
@ApiTags('read')
@Controller('v1/metrics')
@UseInterceptors(ReadErrorsInterceptor)
export class MetricsController {
  constructor(
    private readonly readSide: ReadSide,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('inspector', 'finance')
  async metrics(@CurrentPrincipal() principal: Principal, @Query() query: MetricsQuery, @Res({ passthrough: true }) response: Response): Promise<MetricsAnswer> {
    const region = regionQueryCode(query.region);
    assertRegionAccess(principal, region);
    const filter: MetricsFilter = {
      region,
      ...(query.fiscalYear === undefined ? {} : { fiscalYear: Number(query.fiscalYear) }),
      ...(query.fundType === undefined ? {} : { fundType: query.fundType }),
      ...(query.sourceLevel === undefined ? {} : { sourceLevel: query.sourceLevel }),
      ...(query.until === undefined ? {} : { until: query.until }),
    };
    const position = await this.asOfPosition(query);
    const metrics = position === undefined ? await queryMetrics(this.readSide.db, filter) : await queryMetricsAsOf(this.readSide.db, position, filter);
    const asOf = await this.readSide.asOf(BigInt(metrics.asOfPosition));
    answerAsOf(response, asOf);
    const { asOfPosition: _position, ...figures } = metrics;
    return { ...figures, asOf };
  }

  /** The log position asked for (recording time), if any: `asOfPosition`, or the last event recorded by `asOf`. */
  private async asOfPosition(query: MetricsQuery): Promise<bigint | undefined> {
    if (query.asOf !== undefined && query.asOfPosition !== undefined) {
      const message = 'asOf and asOfPosition name the same thing, a log prefix: give one of them';
      throw new EdgeError('VALIDATION.FAILED', message, { errors: [{ field: 'asOfPosition', rule: 'ASOF.CONFLICT', message }] });
    }
    if (query.asOf !== undefined) return this.store.positionAt(parseMoment(query.asOf)!);
    if (query.asOfPosition === undefined) return undefined;
    const position = parsePosition(query.asOfPosition)!;
    const head = await this.store.headPosition();
    if (position > head) {
      const message = `the log has ${head} events; position ${position} is not recorded yet`;
      throw new EdgeError('VALIDATION.FAILED', message, { errors: [{ field: 'asOfPosition', rule: 'ASOF_POSITION.BEYOND_LOG', message }] });
    }
    return position;
  }
}
