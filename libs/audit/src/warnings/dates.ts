import { businessDate, type BusinessDate } from '@ledger/domain';

const msPerDay = 86_400_000;

/** The calendar date `days` days after `date` (before, when negative). */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  return new Date(Date.parse(`${businessDate(date)}T00:00:00Z`) + days * msPerDay).toISOString().slice(0, 10);
}

export function laterOf(a: BusinessDate, b: BusinessDate): BusinessDate {
  return a > b ? a : b;
}
