import Decimal from 'decimal.js';
import { DomainError } from './domain-error';

/**
 * An amount of yuan with exactly two decimal places (fen). Never a JS number: amounts arrive and
 * leave as decimal strings ("12345.67") and all arithmetic is exact.
 */
export class Money {
  /** Digits before the decimal point: 10^13 yuan is far above any national budget line. */
  static readonly integerDigitsMax = 13;
  private static readonly pattern = /^-?(0|[1-9][0-9]{0,12})(\.[0-9]{1,2})?$/;

  static readonly zero = new Money(new Decimal(0));

  private constructor(private readonly value: Decimal) {}

  /**
   * Parses a decimal string: at most 2 decimals, no exponent, no sign other than a leading '-',
   * no leading zeros. Anything else (a JS number, "1e3", "12.345", "NaN") is MONEY.INVALID.
   */
  static of(input: unknown): Money {
    if (typeof input !== 'string' || !Money.pattern.test(input)) {
      throw new DomainError('MONEY.INVALID', `not a yuan amount with at most 2 decimals: ${String(input)}`, {
        value: typeof input === 'string' ? input : typeof input,
      });
    }
    return new Money(new Decimal(input));
  }

  /** Like `of`, and also refuses zero and negative amounts: what every money command needs. */
  static positive(input: unknown): Money {
    const money = Money.of(input);
    if (!money.isPositive()) {
      throw new DomainError('MONEY.INVALID', `amount must be greater than 0.00: ${String(input)}`, { value: input });
    }
    return money;
  }

  static isValid(input: unknown): boolean {
    return typeof input === 'string' && Money.pattern.test(input);
  }

  static sum(amounts: Iterable<Money>): Money {
    let total = Money.zero;
    for (const amount of amounts) total = total.plus(amount);
    return total;
  }

  plus(other: Money): Money {
    return new Money(this.value.plus(other.value));
  }

  minus(other: Money): Money {
    return new Money(this.value.minus(other.value));
  }

  /**
   * Multiplies by an exact decimal ratio (e.g. "0.8" for a compensation split) and rounds half-up
   * to the fen. Callers that split an amount must give the remainder to the last part, so that
   * the parts add up to the whole: see `allocate`.
   */
  times(ratio: string | Decimal): Money {
    return new Money(this.value.times(ratio).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  }

  /**
   * Splits this amount in proportion to `weights`, to the fen, so that the parts sum exactly to
   * this amount (largest-remainder method; ties go to the earlier weight). A weight of zero gets zero.
   */
  allocate(weights: readonly Money[]): Money[] {
    const totalWeight = Money.sum(weights);
    if (weights.length === 0 || totalWeight.isZero()) {
      throw new DomainError('MONEY.INVALID', 'cannot split an amount over zero weights');
    }
    const fen = this.value.times(100);
    const exact = weights.map((w) => fen.times(w.value).dividedBy(totalWeight.value));
    const floors = exact.map((e) => e.floor());
    let remainder = fen.minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
    const order = exact
      .map((e, index) => ({ index, fraction: e.minus(floors[index]!) }))
      .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
    for (const { index } of order) {
      if (remainder <= 0) break;
      floors[index] = floors[index]!.plus(1);
      remainder -= 1;
    }
    return floors.map((f) => new Money(f.dividedBy(100)));
  }

  /** The ratio of this amount over `base`, to 4 decimal places half-up; null when base is zero. */
  ratioTo(base: Money): string | null {
    if (base.isZero()) return null;
    return this.value.dividedBy(base.value).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.value.comparedTo(other.value) as -1 | 0 | 1;
  }
  eq(other: Money): boolean {
    return this.value.eq(other.value);
  }
  gt(other: Money): boolean {
    return this.value.gt(other.value);
  }
  gte(other: Money): boolean {
    return this.value.gte(other.value);
  }
  lt(other: Money): boolean {
    return this.value.lt(other.value);
  }
  lte(other: Money): boolean {
    return this.value.lte(other.value);
  }
  isZero(): boolean {
    return this.value.isZero();
  }
  isPositive(): boolean {
    return this.value.gt(0);
  }
  isNegative(): boolean {
    return this.value.lt(0);
  }
  min(other: Money): Money {
    return this.lte(other) ? this : other;
  }

  /** The canonical form stored in events and served by APIs: always two decimals. */
  toString(): string {
    return this.value.toFixed(2);
  }
  toJSON(): string {
    return this.toString();
  }
}
