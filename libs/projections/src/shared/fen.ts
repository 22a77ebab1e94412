import Decimal from 'decimal.js';
import { Money, invariant } from '@ledger/domain';

/**
 * Amounts in the read models are integer fen (1 yuan = 100 fen) in bigint: event amounts are
 * 2-dp decimal strings, parsed by `Money` (which refuses anything else), and sums in SQL stay exact.
 */
export function fenOf(amount: string): bigint {
  // The canonical form every event carries (Money's own output): read it without decimal.js.
  const canonical = canonicalYuan.exec(amount);
  if (canonical !== null) return BigInt(`${canonical[1]}${canonical[2]}`);
  const text = Money.of(amount).toString();
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.') as [string, string];
  const fen = BigInt(whole) * 100n + BigInt(fraction);
  return negative ? -fen : fen;
}

/** `-12.05` → groups `-12`, `05`: a sign, digits without a leading zero (or a lone 0), two decimals. */
const canonicalYuan = /^(-?(?:0|[1-9]\d{0,17}))\.(\d{2})$/;

/** The canonical 2-dp yuan string of an amount in fen ("-12.05"). */
export function yuanOf(fen: bigint): string {
  const negative = fen < 0n;
  const magnitude = negative ? -fen : fen;
  const text = `${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/**
 * `numerator / base` to 4 decimal places, half-up, as a string; null when the base is zero (a rate
 * of nothing is not 0%). The same rounding as `Money.ratioTo`; it takes fen or counts alike, since
 * the ratio of two fen amounts is the ratio of the yuan amounts.
 */
export function ratio(numerator: bigint, base: bigint): string | null {
  if (base === 0n) return null;
  return new Decimal(numerator.toString()).dividedBy(base.toString()).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
}

/**
 * Splits `amount` fen over `weights` in proportion, the parts adding up exactly (Money.allocate:
 * largest remainder, ties to the earlier weight). Weights must not all be zero.
 */
export function splitFen(amount: bigint, weights: readonly bigint[]): bigint[] {
  invariant(weights.length > 0 && weights.every((w) => w >= 0n) && weights.some((w) => w > 0n), 'split over no positive weight');
  const parts = Money.of(yuanOf(amount)).allocate(weights.map((w) => Money.of(yuanOf(w))));
  return parts.map((part) => fenOf(part.toString()));
}

/** A count or a fen sum read from SQL: a number, bigint or decimal text, depending on the driver. */
export function sqlInteger(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    invariant(Number.isSafeInteger(value), `not a safe integer from SQL: ${value}`);
    return BigInt(value);
  }
  invariant(typeof value === 'string' && /^-?\d+$/.test(value), `not an integer from SQL: ${String(value)}`);
  return BigInt(value);
}
