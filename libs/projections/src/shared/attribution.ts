import { invariant, type FundingSource } from '@ledger/domain';
import type { Part } from '../metrics/parts';
import { fenOf, splitFen } from './fen';

/**
 * How money on a funding line is attributed to the allocations that gave it, shared by every
 * projection that follows a yuan per allocation (metrics by fund type and source level, the trace
 * by allocation), so that they can never disagree on whose money a payment was.
 *
 * A line's parts are `[allocationId, fundedFen, spentFen]`; a disbursement's are
 * `[allocationId, paidFen, reversedFen]`. A disbursement does not say which channel's money it
 * spent: it is split pro rata to what each allocation still has unspent on the line (largest
 * remainder, ties to the earlier part, to the fen). A reversal follows the parts of its
 * disbursement pro rata to what is left of each; a reimbursement settles exactly what is left.
 */

/** The split of a disbursement of `amount` fen over the line's parts; asserts the line can pay it. */
export function splitOverUnspent(line: readonly Part[], amount: bigint, what: string): bigint[] {
  // Unspent per allocation can be a fen below zero after a pool reduction rounded differently: weigh it as zero.
  const weights = line.map(([, funded, spent]) => (funded > spent ? funded - spent : 0n));
  invariant(weights.reduce((a, b) => a + b, 0n) >= amount, `${what} exceeds what its funding line holds`);
  return splitFen(amount, weights);
}

/** The split of a reversal of `amount` fen over its disbursement's parts; asserts the disbursement has that much left. */
export function splitOverUnreversed(disbursement: readonly Part[], amount: bigint, what: string): bigint[] {
  const weights = disbursement.map(([, paid, reversed]) => paid - reversed);
  invariant(weights.reduce((a, b) => a + b, 0n) >= amount, `${what} exceeds what is left of its disbursement`);
  return splitFen(amount, weights);
}

/** What a reimbursement settles per part: what is left of each (paid − reversed); asserts it adds up to `amount`. */
export function leftPerPart(disbursement: readonly Part[], amount: bigint, what: string): bigint[] {
  const left = disbursement.map(([, paid, reversed]) => paid - reversed);
  invariant(left.reduce((a, b) => a + b, 0n) === amount, `${what} is not what is left of its disbursement`);
  return left;
}

/** The parts of a funding or a reduction: one allocation, or the pool's channel shares (which must add up). */
export function sourceParts(source: FundingSource, amount: string): [string, bigint][] {
  if (source.kind === 'allocation') return [[source.allocationId, fenOf(amount)]];
  const parts = source.shares.map((share) => [share.allocationId, fenOf(share.amount)] as [string, bigint]);
  invariant(parts.reduce((sum, [, fen]) => sum + fen, 0n) === fenOf(amount), `pool shares do not add up to ${amount}`);
  return parts;
}
