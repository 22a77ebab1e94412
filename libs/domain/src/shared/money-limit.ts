import { refuse } from './domain-error';
import type { ErrorCode } from './error-codes';
import type { Money } from './money';

/**
 * The one shape of every money limit in the deciders ("a receipt never exceeds what is still
 * unreceived", "a reversal never exceeds what is left of the original"): refuses with `code` when
 * `amount` is above `limit`, naming the limit in the details so a client can show what was left.
 */
export function refuseAbove(amount: Money, limit: Money, code: ErrorCode, limitName: string): void {
  if (amount.gt(limit)) {
    refuse(code, `${amount.toString()} exceeds the ${limit.toString()} ${limitName}`, {
      amount: amount.toString(),
      [limitName]: limit.toString(),
    });
  }
}
