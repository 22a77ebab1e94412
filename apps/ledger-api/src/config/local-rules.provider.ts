import { defaultLocalRules, type LocalRules } from '@ledger/domain';

/**
 * The province's rules (notice lengths, loan caps, fund types …). The default profile is the one
 * the seeds and DOMAIN.md give; a province's own profile plugs in here.
 */
export const LOCAL_RULES = Symbol('LOCAL_RULES');

export const localRulesProvider = { provide: LOCAL_RULES, useValue: defaultLocalRules satisfies LocalRules };
