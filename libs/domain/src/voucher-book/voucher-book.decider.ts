import { assertNever, type Decider } from '../shared/decider';
import { invariant, refuse } from '../shared/domain-error';
import type { VoucherBookCommand } from './voucher-book.commands';
import type { VoucherBookEvent, VoucherKind } from './voucher-book.events';

/**
 * The voucher book of one county and year (`voucherbook-{county}-{year}`): the boundary of the
 * rule "a voucher number is used once per county and year", which spans every allocation and
 * project of the county. It is written in the same atomic append as the fact that posts the voucher.
 */
export interface VoucherBookState {
  readonly used: ReadonlyMap<string, { readonly kind: VoucherKind; readonly referenceId: string }>;
}

export const voucherBookDecider: Decider<VoucherBookCommand, VoucherBookEvent, VoucherBookState> = {
  initialState: () => ({ used: new Map() }),

  decide(command, state) {
    switch (command.type) {
      case 'UseVoucherNumber': {
        const { voucherNo, date, fiscalYear } = command.data;
        // The movements pick the book by the voucher's date; a mismatch is a caller's mistake.
        if (Number(date.slice(0, 4)) !== fiscalYear) {
          refuse('DATE.INVALID', `voucher dated ${date} does not belong to the ${fiscalYear} book`, { field: 'date', value: date });
        }
        const previous = state.used.get(voucherNo);
        if (previous) {
          refuse('VOUCHER.DUPLICATE', `voucher ${voucherNo} was already used for ${previous.kind} ${previous.referenceId}`, {
            voucherNo,
            ...previous,
          });
        }
        return [{ type: 'VoucherNumberUsed', data: { ...command.data, sequence: state.used.size + 1 } }];
      }
      default:
        return assertNever(command.type, 'voucher book command');
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'VoucherNumberUsed': {
        const { voucherNo, kind, referenceId, sequence } = event.data;
        invariant(!state.used.has(voucherNo), `voucher ${voucherNo} used twice`);
        invariant(sequence === state.used.size + 1, `voucher ${voucherNo} has sequence ${sequence} after ${state.used.size}`);
        return { used: new Map(state.used).set(voucherNo, { kind, referenceId }) };
      }
      default:
        return assertNever(event.type, 'voucher book event');
    }
  },
};
