/**
 * Money as integer fen (分) in plain numbers: every total here stays far below 2^53 fen, which is
 * asserted on every operation, so no float ever carries a yuan. Written out as yuan with 2 decimals.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000; // 1 万元 = 10,000 yuan

function safe(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new Error(`${what} is not a safe integer number of fen: ${n}`);
  return n;
}

/** A decimal string with at most `places` decimals, scaled by 10^places, exactly. */
function scaled(text: string, places: number): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] ?? '').length > places) throw new Error(`not a decimal with ≤ ${places} places: ${text}`);
  return safe(Number(match[1]) * 10 ** places + Number((match[2] ?? '').padEnd(places, '0') || '0'), text);
}

/** "10189.62" 万元 → fen. */
export function wan(text: string): Fen {
  return safe(scaled(text, 2) * (FEN_PER_WAN / 100), `${text} 万元`);
}

/** "59415000.00" (or "500") yuan → fen. */
export function yuan(text: string): Fen {
  return scaled(text, 2);
}

/** Fen → "1234.56". */
export function fmt(fen: Fen): string {
  safe(fen, 'amount');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen → "1234.56万" for messages. */
export function fmtWan(fen: Fen): string {
  safe(fen, 'amount');
  const whole = Math.floor(fen / FEN_PER_WAN);
  const rest = fen % FEN_PER_WAN;
  return `${whole}.${String(rest).padStart(6, '0').replace(/0+$/, '').padEnd(2, '0')}万`;
}

export function sum(amounts: readonly Fen[]): Fen {
  return safe(
    amounts.reduce((a, b) => a + b, 0),
    'sum',
  );
}

/**
 * Splits `total` into parts proportional to `weights`, each a multiple of `unit` fen, summing to
 * `total` exactly (largest remainder). `total` must be a multiple of `unit`.
 */
export function splitByWeights(total: Fen, weights: readonly number[], unit: Fen): Fen[] {
  safe(total, 'total');
  if (total % unit !== 0) throw new Error(`total ${total} is not a multiple of ${unit}`);
  const units = total / unit;
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (!(weightSum > 0) || weights.some((w) => !(w >= 0))) throw new Error('weights must be ≥ 0 with a positive sum');
  const exact = weights.map((w) => (w / weightSum) * units);
  const floors = exact.map((x) => Math.floor(x));
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    left--;
  }
  return floors.map((u) => safe(u * unit, 'part'));
}

/** Rounds down to a multiple of `unit`. */
export function floorTo(fen: Fen, unit: Fen): Fen {
  return Math.floor(fen / unit) * unit;
}
