import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenSha256 } from './bearer-token';
import { demoPrincipals } from './demo-principals';
import { PrincipalRegistry } from './principal-registry';
import { loadPrincipals, parsePrincipals, principalsCountMax, principalsFileName } from './principals-file';

const bureau = { id: 'finance-513336', role: 'finance', regionPrefix: '513336', tokenSha256: tokenSha256('a-long-random-secret') };

describe('the principals file', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-principals-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const write = (entries: unknown): void => writeFileSync(join(dataDir, principalsFileName), JSON.stringify(entries));

  describe('in the demo profile', () => {
    it('is created on first start with the demo principals, hashes only, readable by the owner alone', () => {
      const records = loadPrincipals({ dataDir, profile: 'demo' });
      const path = join(dataDir, principalsFileName);
      expect(records.map((record) => record.id)).toEqual(demoPrincipals.map((principal) => principal.id));
      const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
      expect(stored).toEqual(demoPrincipals.map(({ token, ...principal }) => ({ ...principal, tokenSha256: tokenSha256(token) })));
      expect(statSync(path).mode & 0o777).toBe(0o600);
    });

    it('lets each documented demo token in as its principal', () => {
      const registry = new PrincipalRegistry(loadPrincipals({ dataDir, profile: 'demo' }));
      for (const { token, ...principal } of demoPrincipals) expect(registry.authenticate(`Bearer ${token}`)).toEqual(principal);
    });

    it('is read as it is when it exists', () => {
      write([bureau]);
      expect(loadPrincipals({ dataDir, profile: 'demo' })).toEqual([bureau]);
    });
  });

  describe('in the production profile', () => {
    it('loads principals that are not demo ones', () => {
      write([bureau]);
      expect(loadPrincipals({ dataDir, profile: 'production' })).toEqual([bureau]);
    });

    it('refuses to start without the file, and does not create it', () => {
      expect(() => loadPrincipals({ dataDir, profile: 'production' })).toThrow(/is missing/);
      expect(() => statSync(join(dataDir, principalsFileName))).toThrow();
    });

    it('refuses to start with a demo token under another id', () => {
      write([bureau, { ...bureau, id: 'renamed', tokenSha256: tokenSha256('demo-admin') }]);
      expect(() => loadPrincipals({ dataDir, profile: 'production' })).toThrow(/refuses demo principals.*renamed/);
    });

    it('refuses to start with a demo id under another token', () => {
      write([{ ...bureau, id: 'demo-admin' }]);
      expect(() => loadPrincipals({ dataDir, profile: 'production' })).toThrow(/refuses demo principals.*demo-admin/);
    });
  });
});

describe('parsing the principals file', () => {
  const parse = (entries: unknown): unknown => parsePrincipals(JSON.stringify(entries), 'principals.json');

  it.each([
    ['not an array', { principals: [] }, /expected a JSON array/],
    ['not an object', ['finance'], /\[0\]: expected an object/],
    ['an unknown property', [{ ...bureau, token: 'plain' }], /unknown properties token/],
    ['an unknown role', [{ ...bureau, role: 'auditor' }], /role must be one of finance, inspector, admin/],
    ['a prefix off a level boundary', [{ ...bureau, regionPrefix: '5133' + '3' }], /regionPrefix/],
    ['a token in place of its hash', [{ ...bureau, tokenSha256: 'a-long-random-secret' }], /tokenSha256 must be 64/],
    ['an empty id', [{ ...bureau, id: '' }], /id must be/],
    ['an id twice', [bureau, { ...bureau, tokenSha256: tokenSha256('other') }], /finance-513336 and finance-513336 have the same id/],
    ['a token twice', [bureau, { ...bureau, id: 'other' }], /finance-513336 and other have the same tokenSha256/],
  ])('refuses %s', (_what, entries, message) => {
    expect(() => parse(entries)).toThrow(message);
  });

  it(`refuses more than ${principalsCountMax} principals`, () => {
    const many = Array.from({ length: principalsCountMax + 1 }, (_, index) => ({ ...bureau, id: `p${index}`, tokenSha256: tokenSha256(`t${index}`) }));
    expect(() => parse(many)).toThrow(/at most/);
  });

  it('accepts the whole country as a prefix', () => {
    expect(parse([{ ...bureau, role: 'admin', regionPrefix: '' }])).toHaveLength(1);
  });
});
