import { invariant, streams, type VoucherNumberUsed } from '@ledger/domain';
import { type LogPlace, getRow, putRow, requireRow, type RowProgram } from '@ledger/projections';
import { laterOf } from './dates';
import { putWarning, withdrawWarning } from './warning-rows';
import type { WarningSubject } from './warning-id';
import { warningsTables as t, type VoucherRow, type VoucherSeriesRow } from './warnings.tables';

/**
 * VOUCHER.GAP, VOUCHER.DATED_BACKWARDS and VOUCHER.OUT_OF_ORDER, judged by voucher *number*: a
 * book's posting sequence follows the order facts were recorded in (an import goes file by file),
 * not the treasury's numbering.
 *
 * A number is its text's trailing digits (at most 15), its series the text before them
 * (`513336-2017-000123` → series `513336-2017-`, number 123, 6 digits), within the county's book
 * of the voucher's year. Numbers that end in no digits are not judged.
 *
 * - GAP: a run of numbers missing between the lowest and the highest used in a series; one
 *   warning per run, its subject the missing number (`513336-2017-000567`) or `first..last`.
 *   Raised on the later date of the two vouchers around it; a number used later splits the run.
 * - DATED_BACKWARDS: a voucher dated before the voucher of the nearest lower number used.
 * - OUT_OF_ORDER: a red-letter reversal or a reimbursement (报账) numbered before the voucher it
 *   corrects or settles, in the same series of the same book.
 */

interface ParsedNumber {
  readonly series: string;
  readonly number: number;
  readonly width: number;
}

export function parseVoucherNo(voucherNo: string): ParsedNumber | null {
  const match = /^(.*?)(\d{1,15})$/.exec(voucherNo);
  if (match === null) return null;
  return { series: match[1]!, number: Number(match[2]!), width: match[2]!.length };
}

function formatNumber(series: string, number: number, width: number): string {
  return `${series}${String(number).padStart(width, '0')}`;
}

type Gap = readonly [number, number];

function bookOf(county: string, fiscalYear: number): { readonly book: string; readonly stream: string } {
  return { book: `${county}-${fiscalYear}`, stream: streams.voucherBook(county, fiscalYear) };
}

export function* voucherNumberUsed(data: VoucherNumberUsed['data'], place: LogPlace): RowProgram {
  const parsed = parseVoucherNo(data.voucherNo);
  if (parsed === null) return;
  const { book, stream } = bookOf(data.county, data.fiscalYear);
  const key = { book, series: parsed.series, number: BigInt(parsed.number) };
  // The same number written with other zeros ('0001', '001') is a distinct voucher to the book, but not comparable here.
  if ((yield* getRow(t.vouchers, key)) !== undefined) return;
  yield* putRow(t.vouchers, { ...key, voucher_no: data.voucherNo, date: data.date, position: place.position });
  const before = yield* getRow(t.voucherSeries, { book, series: parsed.series });
  const change = withNumber(before, book, parsed);
  yield* putRow(t.voucherSeries, { ...change.series, gaps: JSON.stringify(change.gaps) });
  const context: SeriesContext = { book, stream, series: parsed.series, width: change.series.width, county: data.county };
  if (change.removed !== null) yield* withdrawWarning('VOUCHER.GAP', gapSubject(context, change.removed));
  for (const gap of change.added) yield* raiseGap(context, gap, place);
  const number = parsed.number;
  const [min, max] = [Number(change.series.min_number), Number(change.series.max_number)];
  const prev = number <= min ? null : (change.gaps.find(([, to]) => to === number - 1)?.[0] ?? number) - 1;
  const next = number >= max ? null : (change.gaps.find(([from]) => from === number + 1)?.[1] ?? number) + 1;
  yield* judgeDatedBackwards(context, number, prev, place);
  if (next !== null) yield* judgeDatedBackwards(context, next, number, place);
}

interface SeriesChange {
  readonly series: Omit<VoucherSeriesRow, 'gaps'>;
  readonly gaps: Gap[];
  /** The run the number was taken from, if it was inside one. */
  readonly removed: Gap | null;
  /** The runs that are new: past either end, or the two halves of the removed one. */
  readonly added: Gap[];
}

/** The series with `number` used: a new run of missing numbers past either end, or a run split in two. */
function withNumber(before: VoucherSeriesRow | undefined, book: string, parsed: ParsedNumber): SeriesChange {
  const n = parsed.number;
  if (before === undefined) {
    return { series: { book, series: parsed.series, min_number: BigInt(n), max_number: BigInt(n), width: parsed.width }, gaps: [], removed: null, added: [] };
  }
  const [min, max] = [Number(before.min_number), Number(before.max_number)];
  const gaps = JSON.parse(before.gaps) as Gap[];
  let removed: Gap | null = null;
  const added: Gap[] = [];
  if (n > max + 1) added.push([max + 1, n - 1]);
  else if (n < min - 1) added.push([n + 1, min - 1]);
  else if (min < n && n < max) {
    const index = gaps.findIndex(([from, to]) => from <= n && n <= to);
    invariant(index !== -1, `voucher number ${n} of ${book} ${parsed.series} is inside the used range but in no gap`);
    removed = gaps[index]!;
    if (removed[0] <= n - 1) added.push([removed[0], n - 1]);
    if (n + 1 <= removed[1]) added.push([n + 1, removed[1]]);
    gaps.splice(index, 1, ...added);
  }
  if (n > max + 1) gaps.push(added[0]!);
  if (n < min - 1) gaps.unshift(added[0]!);
  const width = Math.max(before.width, parsed.width);
  const { gaps: _stored, ...series } = before;
  return { series: { ...series, min_number: BigInt(Math.min(min, n)), max_number: BigInt(Math.max(max, n)), width }, gaps, removed, added };
}

interface SeriesContext {
  readonly book: string;
  readonly stream: string;
  readonly series: string;
  readonly width: number;
  readonly county: string;
}

function gapSubject(context: SeriesContext, [from, to]: Gap): WarningSubject {
  const first = formatNumber(context.series, from, context.width);
  return { stream: context.stream, id: from === to ? first : `${first}..${formatNumber(context.series, to, context.width)}` };
}

function* usedVoucher(context: SeriesContext, number: number): RowProgram<VoucherRow> {
  return yield* requireRow(t.vouchers, { book: context.book, series: context.series, number: BigInt(number) }, 'voucher around a gap');
}

/** Raises a new run of missing numbers, dated by the later of the two vouchers around it. */
function* raiseGap(context: SeriesContext, gap: Gap, place: LogPlace): RowProgram {
  const [below, above] = [yield* usedVoucher(context, gap[0] - 1), yield* usedVoucher(context, gap[1] + 1)];
  yield* putWarning(
    {
      rule: 'VOUCHER.GAP',
      subject: gapSubject(context, gap),
      county: context.county,
      region: context.county,
      holds: true,
      raisedOn: laterOf(below.date, above.date),
      clearedOn: null,
      evidence: [below.position, above.position],
      details: { missing: gap[1] - gap[0] + 1, after: below.voucher_no, before: above.voucher_no },
    },
    place,
  );
}

/** Judges `number` against the nearest lower number used (`previous`). */
function* judgeDatedBackwards(context: SeriesContext, number: number, previous: number | null, place: LogPlace): RowProgram {
  const voucher = yield* usedVoucher(context, number);
  const subject = { stream: context.stream, id: voucher.voucher_no };
  const before = previous === null ? undefined : yield* usedVoucher(context, previous);
  const backwards = before !== undefined && voucher.date < before.date;
  yield* putWarning(
    {
      rule: 'VOUCHER.DATED_BACKWARDS',
      subject,
      county: context.county,
      region: context.county,
      holds: backwards,
      raisedOn: before === undefined ? voucher.date : laterOf(voucher.date, before.date),
      clearedOn: null,
      evidence: before === undefined ? [] : [before.position, voucher.position],
      details: before === undefined ? {} : { date: voucher.date, previous: before.voucher_no, previousDate: before.date },
    },
    place,
  );
}

/** What a reversal or reimbursement refers to: the voucher it corrects or settles. */
export interface FollowUp {
  readonly county: string;
  readonly kind: 'reversal' | 'reimbursement';
  readonly voucherNo: string;
  readonly on: string;
  readonly original: { readonly voucherNo: string; readonly on: string; readonly position: bigint; readonly id: string };
}

export function* followUpNumbered(followUp: FollowUp, place: LogPlace): RowProgram {
  const [mine, theirs] = [parseVoucherNo(followUp.voucherNo), parseVoucherNo(followUp.original.voucherNo)];
  const year = followUp.on.slice(0, 4);
  if (mine === null || theirs === null || mine.series !== theirs.series || year !== followUp.original.on.slice(0, 4)) return;
  if (mine.number > theirs.number) return;
  const { stream } = bookOf(followUp.county, Number(year));
  yield* putWarning(
    {
      rule: 'VOUCHER.OUT_OF_ORDER',
      subject: { stream, id: followUp.voucherNo },
      county: followUp.county,
      region: followUp.county,
      holds: true,
      raisedOn: followUp.on,
      clearedOn: null,
      evidence: [followUp.original.position, place.position],
      details: { kind: followUp.kind, refersTo: followUp.original.id, referredVoucher: followUp.original.voucherNo },
    },
    place,
  );
}
