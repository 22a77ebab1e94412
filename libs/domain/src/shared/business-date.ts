import { DomainError } from './domain-error';

/**
 * A business date (allocated on, paid on, …) as ISO `YYYY-MM-DD`, never a moment: the recorded time
 * of a fact is the store's, and the two are never confused. Plain strings compare in date order.
 */
export type BusinessDate = string;

export function businessDate(input: unknown, field = 'date'): BusinessDate {
  if (typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input)) {
    const [y, m, d] = input.split('-').map(Number) as [number, number, number];
    const utc = new Date(Date.UTC(y, m - 1, d));
    if (utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d) return input;
  }
  throw new DomainError('DATE.INVALID', `${field} is not a calendar date YYYY-MM-DD: ${String(input)}`, { field, value: input });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Pure arithmetic on the calendar. */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  const msPerDay = 86_400_000;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);
}

/** The date `months` calendar months after `date`, clamped to the month's last day (loan maturities). */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** Full years of age on `on` for someone born in `birthYear` (only the year is known: a lower bound). */
export function ageInYear(birthYear: number, on: BusinessDate): number {
  return Number(on.slice(0, 4)) - birthYear;
}
