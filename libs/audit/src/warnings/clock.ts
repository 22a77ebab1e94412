import type { BusinessDate } from '@ledger/domain';
import { getRow, putRow, type RowProgram } from '@ledger/projections';
import { warningsTables as t } from './warnings.tables';

/**
 * "Now" for a county's deadlines: the latest business date of any of its facts the log holds
 * (a payment, a notice, a rectification…), whatever order they were recorded in. Deadline rules
 * are shown when this date (or a query's own date) has passed them. A county's clock, not the
 * whole ledger's: a county that has not posted since 2019 is judged as of its own last fact.
 */
export function* advanceClock(county: string, on: BusinessDate): RowProgram {
  const clock = yield* getRow(t.clock, { county });
  if (clock !== undefined && clock.latest_on >= on) return;
  yield* putRow(t.clock, { county, latest_on: on });
}
