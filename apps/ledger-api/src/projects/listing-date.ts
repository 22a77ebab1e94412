/** China Standard Time is UTC+8 all year: the country has kept no daylight saving time since 1991. */
const chinaOffsetMs = 8 * 60 * 60 * 1000;

/**
 * The calendar date in China at `instant`. A listing sent without `listedOn` is dated with the day
 * the ledger received it, as the bureau entering it would date it; the controller reads the clock
 * once and the command carries the date, so neither handler nor domain ever reads time.
 */
export function chinaDateAt(instant: Date): string {
  return new Date(instant.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}
