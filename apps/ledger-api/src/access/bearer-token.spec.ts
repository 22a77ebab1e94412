import { bearerTokenLengthMax, bearerTokenOf, tokenSha256 } from './bearer-token';

describe('a bearer token', () => {
  it('is hashed with SHA-256 to 64 lowercase hex digits', () => {
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    expect(tokenSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    ['Bearer demo-admin', 'demo-admin'],
    ['bearer demo-admin', 'demo-admin'],
    ['Bearer  abc.DEF_~+/==', 'abc.DEF_~+/=='],
  ])('is read from %p', (header, token) => {
    expect(bearerTokenOf(header)).toBe(token);
  });

  it.each([
    [undefined],
    [''],
    ['Bearer'],
    ['Bearer '],
    ['Basic ZGVtbzpkZW1v'],
    ['Bearer two tokens'],
    ['Bearer tok\u00e9n'],
    [`Bearer ${'a'.repeat(bearerTokenLengthMax)}`],
  ])('is not read from %p', (header) => {
    expect(bearerTokenOf(header)).toBeNull();
  });
});
