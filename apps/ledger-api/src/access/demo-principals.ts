import { tokenSha256 } from './bearer-token';
import type { Principal } from './principal';
import type { PrincipalRecord } from './principal-registry';

/**
 * The demo profile's principals. Their tokens are documented in the README, which makes them
 * public: the production profile refuses to start while any of them is configured.
 */
export const demoPrincipals: readonly (Principal & { readonly token: string })[] = [
  { id: 'demo-finance-513336', role: 'finance', regionPrefix: '513336', token: 'demo-finance-513336' },
  { id: 'demo-finance-341821', role: 'finance', regionPrefix: '341821', token: 'demo-finance-341821' },
  { id: 'demo-inspector-51', role: 'inspector', regionPrefix: '51', token: 'demo-inspector-51' },
  { id: 'demo-admin', role: 'admin', regionPrefix: '', token: 'demo-admin' },
];

export const demoIdPrefix = 'demo-';

const demoTokenDigests: ReadonlySet<string> = new Set(demoPrincipals.map(({ token }) => tokenSha256(token)));

export function demoPrincipalRecords(): PrincipalRecord[] {
  return demoPrincipals.map(({ token, ...principal }) => ({ ...principal, tokenSha256: tokenSha256(token) }));
}

/** By token (a renamed demo principal still opens the door) and by id (a demo left in, token changed). */
export function isDemoPrincipal(record: PrincipalRecord): boolean {
  return demoTokenDigests.has(record.tokenSha256) || record.id.startsWith(demoIdPrefix);
}
