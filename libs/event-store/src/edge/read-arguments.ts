import { formatRecordedAt } from '../canonical/canonical-event';
import type { ReadAllOptions, ReadDirection, ReadStreamOptions, SubscribeToAllOptions } from '../port/event-store';
import { isStreamName } from '../port/identifiers';
import { StoreError } from '../port/store-error';

/** Read options after validation, with defaults applied. `undefined` bounds mean "none given". */
export interface StreamReadArguments {
  readonly stream: string;
  readonly fromRevision: bigint | undefined;
  readonly direction: ReadDirection;
  readonly maxCount: number;
  readonly asOfPosition: bigint | undefined;
}

export interface AllReadArguments {
  readonly fromPosition: bigint;
  readonly maxCount: number;
  readonly asOfPosition: bigint | undefined;
}

const firstPosition = 1n;

export function streamReadArguments(stream: string, options: ReadStreamOptions): StreamReadArguments {
  assertStream(stream);
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') invalid("direction must be 'forwards' or 'backwards'");
  return {
    stream,
    fromRevision: optionalNonNegative(options.fromRevision, 'fromRevision'),
    direction,
    maxCount: maxCountOf(options.maxCount),
    asOfPosition: optionalNonNegative(options.asOfPosition, 'asOfPosition'),
  };
}

export function allReadArguments(options: ReadAllOptions): AllReadArguments {
  return {
    fromPosition: optionalNonNegative(options.fromPosition, 'fromPosition') ?? firstPosition,
    maxCount: maxCountOf(options.maxCount),
    asOfPosition: optionalNonNegative(options.asOfPosition, 'asOfPosition'),
  };
}

export function subscriptionFromPosition(options: SubscribeToAllOptions): bigint {
  return optionalNonNegative(options.fromPosition, 'fromPosition') ?? firstPosition;
}

/** The moment as stored text; refuses what the log cannot hold (invalid Date, year > 9999). */
export function momentArgument(moment: Date): string {
  if (!(moment instanceof Date)) invalid('moment must be a Date');
  try {
    return formatRecordedAt(moment);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return invalid(error.message);
  }
}

export function assertStream(stream: string): void {
  if (!isStreamName(stream)) invalid('stream name must look like category-id', { stream: String(stream) });
}

function optionalNonNegative(value: bigint | undefined, name: string): bigint | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'bigint' || value < 0n) invalid(`${name} must be a bigint ≥ 0`);
  return value;
}

function maxCountOf(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) invalid('maxCount must be an integer ≥ 0');
  return maxCount;
}

function invalid(message: string, details: Record<string, string> = {}): never {
  throw new StoreError('STORE.INVALID_ARGUMENT', message, details);
}
