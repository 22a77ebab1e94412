/**
 * Business dates are dates in China, which keeps UTC+8 all year (no daylight saving since 1991),
 * so a fixed offset is exact: 23:30 UTC on 1 May is already 2 May in 乡城县.
 */
const beijingOffsetMs = 8 * 60 * 60 * 1000;

export function beijingDateOf(moment: Date): string {
  return new Date(moment.getTime() + beijingOffsetMs).toISOString().slice(0, 10);
}
