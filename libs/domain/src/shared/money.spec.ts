import fc from 'fast-check';
import { Money } from './money';
import { expectDomainError } from '../../testing';

describe('Money', () => {
  it.each([
    ['0.00', '0.00'],
    ['1', '1.00'],
    ['12345.67', '12345.67'],
    ['0.5', '0.50'],
    ['-3.10', '-3.10'],
    ['9999999999999.99', '9999999999999.99'],
  ])('parses %s as %s', (text, canonical) => {
    expect(Money.of(text).toString()).toBe(canonical);
  });

  it('always prints two decimals', () => {
    expect(Money.of('12').toString()).toBe('12.00');
    expect(Money.of('12.5').toString()).toBe('12.50');
    expect(JSON.stringify({ a: Money.of('1.2') })).toBe('{"a":"1.20"}');
  });

  it.each([12.5, '12.345', '1e3', 'NaN', 'Infinity', '', ' 1', '01', '+1', '1.', '.5', null, undefined, '10000000000000'])(
    'refuses %p as MONEY.INVALID',
    (input) => {
      expectDomainError(() => Money.of(input), 'MONEY.INVALID');
    },
  );

  it('refuses zero and negatives where a positive amount is required', () => {
    expectDomainError(() => Money.positive('0.00'), 'MONEY.INVALID');
    expectDomainError(() => Money.positive('-1'), 'MONEY.INVALID');
    expect(Money.positive('0.01').toString()).toBe('0.01');
  });

  it('adds without losing a fen where floats would', () => {
    expect(Money.of('0.10').plus(Money.of('0.20')).toString()).toBe('0.30');
  });

  it('rounds a ratio half-up to 4 places and has no ratio over zero', () => {
    expect(Money.of('2').ratioTo(Money.of('3'))).toBe('0.6667');
    expect(Money.of('1').ratioTo(Money.of('8'))).toBe('0.1250');
    expect(Money.of('1').ratioTo(Money.zero)).toBeNull();
  });

  const fen = fc.bigInt({ min: 0n, max: 10n ** 13n }).map((f) => Money.of(`${f / 100n}.${String(f % 100n).padStart(2, '0')}`));

  it('never loses a fen in sums and differences (property)', () => {
    fc.assert(
      fc.property(fc.array(fen, { maxLength: 50 }), (amounts) => {
        const total = Money.sum(amounts);
        const back = amounts.reduce((rest, a) => rest.minus(a), total);
        expect(back.isZero()).toBe(true);
      }),
    );
  });

  it('splits pro rata so that the parts add up to the whole (property)', () => {
    fc.assert(
      fc.property(fen, fc.array(fen, { minLength: 1, maxLength: 12 }), (amount, weights) => {
        fc.pre(!Money.sum(weights).isZero());
        const parts = amount.allocate(weights);
        expect(Money.sum(parts).eq(amount)).toBe(true);
        parts.forEach((part, i) => {
          if (weights[i]!.isZero()) expect(part.isZero()).toBe(true);
          expect(part.isNegative()).toBe(false);
        });
      }),
    );
  });
});
