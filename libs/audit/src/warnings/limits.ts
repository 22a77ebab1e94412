/**
 * Every bound of the warnings projection, with the reason for its value (TIGER_STYLE: a limit on
 * everything). Changing one changes what is recorded: bump the projection's version.
 */

/** Events a warning names as its evidence: enough to open and check; its details count the rest. */
export const evidencePositionsMax = 100;

/** Items a warning's details list (idle receipts, payments, contracts): the first ones, with the count. */
export const detailItemsMax = 20;

/**
 * Business days on which one holder (an allocation, a pool year, a funding line) moved money: its
 * movements are summed by day, so this bounds the holder's life (20,000 days is 55 years), not its
 * volume. A day is about 60 bytes of JSON.
 */
export const timelineDaysMax = 20_000;

/** Payments of one funding line to one household in one year: household subsidies are paid a few times at most. */
export const householdPaymentsMax = 1_000;

/** Dates the notices of one disclosure subject (a county's allocations of a year, or a project) were published on, kept sorted in one row: 11 years of days. */
export const noticeDatesMax = 4_000;

/** Basis dates of one subject's obligations not disclosed on time, kept sorted in one row: as many days. */
export const noticeOpenDatesMax = 4_000;

/** Facts of one subject and one basis date not disclosed on time: the allocations a county gets on a day (a few in practice). */
export const noticeObligationsMax = 100_000;

/** Warnings in one page of `listWarnings`, and the default. */
export const warningPageSizeMax = 500;
export const warningPageSizeDefault = 100;
