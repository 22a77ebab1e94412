import { defaultLocalRules, type LocalRules } from '@ledger/domain';
import { journalProjection } from './journal/journal.projection';
import { metricsProjection } from './metrics/metrics.projection';
import type { Projection } from './projection';
import { projectsProjection } from './projects/projects.projection';
import { disclosureProjection } from './disclosure/disclosure.projection';
import { traceProjection } from './trace/trace.projection';
import { warningsProjection } from '../../audit/src/warnings/warnings.projection';

/** Every projection of the ledger, in the order they are applied within a transaction. */
export function ledgerProjections(rules: LocalRules = defaultLocalRules): readonly Projection[] {
  return [journalProjection, metricsProjection(rules), projectsProjection, disclosureProjection, traceProjection, warningsProjection(rules)];
}
