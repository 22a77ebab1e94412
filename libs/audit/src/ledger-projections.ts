import { defaultLocalRules, type LocalRules } from '@ledger/domain';
import { type Projection, readProjections } from '@ledger/projections';
import { warningsProjection } from './warnings/warnings.projection';

/**
 * Every projection of the ledger, in the order they are applied within a transaction: the read
 * side's (libs/projections), then the inspectors' warnings, which read nothing of theirs.
 */
export function ledgerProjections(rules: LocalRules = defaultLocalRules): readonly Projection[] {
  return [...readProjections(rules), warningsProjection(rules)];
}
