import crypto from 'node:crypto';
import { tokenSha256 } from './bearer-token';
import { PrincipalRegistry, type PrincipalRecord } from './principal-registry';

const records: PrincipalRecord[] = ['first', 'second', 'third'].map((name) => ({
  id: name,
  role: 'finance',
  regionPrefix: '513336',
  tokenSha256: tokenSha256(`token-of-${name}`),
}));
const registry = new PrincipalRegistry(records);

describe('the principal registry', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('finds the principal of a known token, without its hash', () => {
    expect(registry.authenticate('Bearer token-of-second')).toEqual({ id: 'second', role: 'finance', regionPrefix: '513336' });
  });

  it.each([[undefined], ['Bearer token-of-nobody'], ['Bearer TOKEN-OF-SECOND'], ['token-of-second']])('finds nobody for %p', (header) => {
    expect(registry.authenticate(header)).toBeNull();
  });

  it.each(['Bearer token-of-first', 'Bearer token-of-third', 'Bearer token-of-nobody'])(
    'compares every stored hash in constant time for %p, wherever the match is',
    (header) => {
      const compare = jest.spyOn(crypto, 'timingSafeEqual');
      registry.authenticate(header);
      expect(compare).toHaveBeenCalledTimes(records.length);
    },
  );
});
