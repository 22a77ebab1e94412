import type { DomainEvent } from '../shared/decider';
import { invariant } from '../shared/domain-error';
import type { StreamAppend } from '../shared/stream-decision';
import { streams } from '../streams';
import { voucherBookDecider, type VoucherBookState } from '../voucher-book/voucher-book.decider';
import type { VoucherKind } from '../voucher-book/voucher-book.events';

/** The voucher book a voucher dated `date` is posted in: the county's book for the date's year. */
export function voucherBookStream(county: string, date: string): string {
  return streams.voucherBook(county, Number(date.slice(0, 4)));
}

/** Takes the fact's voucher number in the county's book for the voucher's year; a number used before is refused. */
export function postVoucher(
  book: VoucherBookState,
  county: string,
  voucher: { voucherNo: string; kind: VoucherKind; referenceId: string; stream: string; date: string },
): StreamAppend {
  const fiscalYear = Number(voucher.date.slice(0, 4));
  const events = voucherBookDecider.decide({ type: 'UseVoucherNumber', data: { county, fiscalYear, ...voucher } }, book);
  return { stream: voucherBookStream(county, voucher.date), events };
}

/** The one event of `type` a decider returned: the movements read what it decided (an id, shares, a voucher) from it. */
export function single<E extends DomainEvent, T extends E['type']>(events: readonly E[], type: T): Extract<E, { type: T }> {
  const found = events.filter((event): event is Extract<E, { type: T }> => event.type === type);
  invariant(found.length === 1, `expected one ${type}, got ${found.length}`);
  return found[0]!;
}
