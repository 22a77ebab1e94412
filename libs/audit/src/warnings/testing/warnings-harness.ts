import { defaultLocalRules, type LocalRules, type WarningRule } from '@ledger/domain';
import { type LedgerEvent, SqliteReadModel } from '@ledger/projections';
import { county, projectionHarness, type ProjectionHarness } from '@ledger/projections/testing';
import { warningsProjection } from '../warnings.projection';
import { listWarnings, warningsDb, type WarningFilter, type WarningView } from '../warnings.queries';

/**
 * Given events → warnings: the warnings projection alone in an in-memory SQLite read model, fed
 * as the runner would (libs/projections/testing/projection-harness.ts), read through the queries.
 */
export interface WarningsHarness {
  readonly h: ProjectionHarness;
  given(...events: readonly (LedgerEvent | readonly LedgerEvent[])[]): Promise<void>;
  /** Every warning shown (as of `filter.on`, or each county's latest business date). */
  warnings(filter?: WarningFilter): Promise<WarningView[]>;
  /** The subject ids of the warnings of one rule shown. */
  subjects(rule: WarningRule, filter?: WarningFilter): Promise<string[]>;
  close(): Promise<void>;
}

export async function warningsHarness(rules: LocalRules = defaultLocalRules): Promise<WarningsHarness> {
  const h = await projectionHarness(SqliteReadModel.open(':memory:'), [warningsProjection(rules)]);
  const warnings = async (filter: WarningFilter = {}) => [...(await listWarnings(warningsDb(h.readModel), { limit: 500, ...filter })).items];
  return {
    h,
    given: (...events) => h.given(...events),
    warnings,
    subjects: async (rule, filter = {}) => (await warnings({ ...filter, rule })).map((w) => w.subject.id),
    close: () => h.readModel.close(),
  };
}

/**
 * A fact that only moves the county's business date ("now" for deadlines): a risk-fund deposit
 * is recorded by no warning rule.
 */
export function dayPasses(on: string, countyCode: string = county): LedgerEvent {
  return { type: 'RiskFundDeposited', data: { county: countyCode, depositId: `clock-${on}`, allocationId: 'a-clock', amount: '1.00', depositedOn: on } };
}
