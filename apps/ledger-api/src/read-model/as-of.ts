/**
 * The two kinds of "as of" of the read API, never confused:
 * - as the ledger knew it (recording time): `asOf` = an RFC 3339 moment WITH its offset, or
 *   `asOfPosition` = a log position; the answer is computed from the log prefix up to it;
 * - as of a business date: `until` = YYYY-MM-DD; only facts dated on or before it count, as the
 *   ledger knows them now (a later correction of an earlier date shows).
 */

/** RFC 3339 date-time: a `T` between date and time, seconds required, a fraction optional, an offset required. */
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+\- ])(\d{2}):(\d{2}))$/;

/**
 * The moment an RFC 3339 date-time names, or undefined when it is not one: a date-time without an
 * offset is refused (it would mean a different moment on every server). An unescaped `+` of the
 * offset arrives in a query string as a space (form decoding); a space there is read as `+`.
 */
export function parseMoment(text: string): Date | undefined {
  const match = rfc3339.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fractionMs = match[7] === undefined ? 0 : Number(`0.${match[7]}`) * 1000;
  const offsetMinutes = match[8] !== undefined ? 0 : (match[9] === '-' ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11]));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (match[8] === undefined && (Number(match[10]) > 23 || Number(match[11]) > 59)) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(fractionMs) - offsetMinutes * 60_000);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A log position as a query gives it: decimal digits, no sign, at most 15 (a safe integer). */
export function parsePosition(text: string): bigint | undefined {
  return /^\d{1,15}$/.test(text) ? BigInt(text) : undefined;
}
