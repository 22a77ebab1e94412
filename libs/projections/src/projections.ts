import { defaultLocalRules, type LocalRules } from '@ledger/domain';
import { journalProjection } from './journal/journal.projection';
import { metricsProjection } from './metrics/metrics.projection';
import type { Projection } from './projection';
import { projectsProjection } from './projects/projects.projection';
import { disclosureProjection } from './disclosure/disclosure.projection';
import { traceProjection } from './trace/trace.projection';

/**
 * The read side's projections, in the order they are applied within a transaction. The ledger's
 * full set adds the audit's warnings (`readProjections` in libs/audit), which builds on this lib.
 */
export function readProjections(rules: LocalRules = defaultLocalRules): readonly Projection[] {
  return [journalProjection, metricsProjection(rules), projectsProjection, disclosureProjection, traceProjection];
}
