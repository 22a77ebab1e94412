import { refuse } from '../shared/domain-error';
import { Money } from '../shared/money';
import { assertNoPersonalData } from '../shared/personal-data';
import { projectCategory, requiredText } from '../shared/reference-data';
import type { ProjectFacts } from './project.events';

export type ProjectFactKey = keyof ProjectFacts;

/** A project names a bounded number of performance targets (绩效目标), each one line of text. */
export const performanceTargetsMax = 50;

function performanceTargets(input: unknown): string[] {
  if (!Array.isArray(input) || input.length === 0) refuse('PROJECT.TARGETS_REQUIRED', 'a project states at least one performance target');
  if (input.length > performanceTargetsMax) {
    refuse('FIELD.TOO_LONG', `at most ${performanceTargetsMax} performance targets`, { field: 'performanceTargets' });
  }
  return input.map((target, i) => requiredText(target, `performanceTargets[${i}]`));
}

function flag(input: unknown, field: string): boolean {
  if (typeof input !== 'boolean') refuse('FIELD.REQUIRED', `${field} is true or false`, { field });
  return input;
}

/** One parser per fact, shared by listing and amending, so a fact is validated the same way both times. */
const factParsers: { readonly [K in ProjectFactKey]: (input: unknown) => ProjectFacts[K] } = {
  name: (input) => requiredText(input, 'name'),
  category: projectCategory,
  plannedInvestment: (input) => Money.positive(input).toString(),
  implementingUnit: (input) => requiredText(input, 'implementingUnit'),
  performanceTargets,
  povertyLinkage: (input) => requiredText(input, 'povertyLinkage'),
  householdLevel: (input) => flag(input, 'householdLevel'),
};

export const projectFactKeys = Object.keys(factParsers) as ProjectFactKey[];

export function isProjectFactKey(key: string): key is ProjectFactKey {
  return (projectFactKeys as string[]).includes(key);
}

/** Parses the named facts and scans their free text for personal data. */
export function parseFacts(input: Readonly<Partial<Record<ProjectFactKey, unknown>>>, keys: readonly ProjectFactKey[]): Partial<ProjectFacts> {
  const facts: Partial<Record<ProjectFactKey, unknown>> = {};
  for (const key of keys) facts[key] = factParsers[key](input[key]);
  const parsed = facts as Partial<ProjectFacts>;
  const { name, implementingUnit, performanceTargets: targets, povertyLinkage } = parsed;
  assertNoPersonalData({ name, implementingUnit, performanceTargets: targets, povertyLinkage });
  return parsed;
}
