import { parseMoment, parsePosition } from './as-of';

describe('an as-of moment (recording time)', () => {
  it.each([
    ['2019-04-01T12:00:00+08:00', '2019-04-01T04:00:00.000Z'],
    ['2019-04-01T04:00:00Z', '2019-04-01T04:00:00.000Z'],
    ['2019-04-01t04:00:00.123456z', '2019-04-01T04:00:00.123Z'],
    ['2019-03-31T23:30:00-05:30', '2019-04-01T05:00:00.000Z'],
    // An unescaped '+' decoded as a space by the query string.
    ['2019-04-01T12:00:00 08:00', '2019-04-01T04:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseMoment(text)?.toISOString()).toBe(iso);
  });

  it.each(['2019-04-01T12:00:00', '2019-04-01', '2019-04-01 12:00:00Z', '2019-02-29T00:00:00Z', '2019-04-01T24:00:00Z', '2019-04-01T12:00:00+8:00', '2019-04-01T12:00+08:00', 'yesterday'])(
    'refuses %s (no offset, not a date-time, or not a real moment)',
    (text) => {
      expect(parseMoment(text)).toBeUndefined();
    },
  );
});

describe('an as-of position', () => {
  it('is decimal digits only', () => {
    expect(parsePosition('48213')).toBe(48213n);
    expect(parsePosition('0')).toBe(0n);
    for (const text of ['-1', '1.5', '1e3', '', '9999999999999999']) expect(parsePosition(text)).toBeUndefined();
  });
});
