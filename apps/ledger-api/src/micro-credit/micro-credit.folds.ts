import { evolveRiskFund, initialRiskFundState, type LocalRules, loanDecider, streams } from '@ledger/domain';
import { foldOf } from '../commands/fold-of';

/** A loan folds by the loan decider; caps and reference rates do not change how its history folds. */
export function loanFold(loanId: string, rules: LocalRules) {
  return foldOf(streams.loan(loanId), loanDecider(rules));
}

/**
 * A county's risk fund has no decider of its own (money only enters it from an allocation and
 * leaves it to compensate a loan, both decisions over two streams): it folds by its state's functions.
 */
export function riskFundFold(county: string) {
  return foldOf(streams.riskFund(county), { initialState: initialRiskFundState, evolve: evolveRiskFund });
}
