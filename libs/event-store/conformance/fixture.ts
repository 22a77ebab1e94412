import type { Clock, EventStore } from '../src/port/event-store';
import { newEventId } from '../src/port/identifiers';
import type { JsonValue } from '../src/port/json';
import type { EventMetadata, NewEvent } from '../src/port/recorded-event';
import { StoreError, type StoreErrorCode } from '../src/port/store-error';

export interface ConformanceStoreOptions {
  /** The store's clock; the suite steps it to test recordedAt and positionAt. */
  readonly clock?: Clock;
}

export interface ConformanceSubject {
  readonly store: EventStore;
  /** Closes the store and removes whatever it created (files, directories). */
  dispose(): Promise<void>;
}

/** Makes a fresh, empty store: one per test. */
export type ConformanceFactory = (options?: ConformanceStoreOptions) => Promise<ConformanceSubject>;

/** Registers beforeEach/afterEach that give every test of the enclosing describe a fresh store. */
export function freshStore(factory: ConformanceFactory): () => EventStore {
  let subject: ConformanceSubject | undefined;
  beforeEach(async () => {
    subject = await factory();
  });
  afterEach(async () => {
    await subject?.dispose();
    subject = undefined;
  });
  return () => {
    if (subject === undefined) throw new Error('the store exists only inside a test');
    return subject.store;
  };
}

/** Runs `test` against a store made with these options, disposing it afterwards. */
export async function withStore(
  factory: ConformanceFactory,
  options: ConformanceStoreOptions,
  test: (store: EventStore) => Promise<void>,
): Promise<void> {
  const subject = await factory(options);
  try {
    await test(subject.store);
  } finally {
    await subject.dispose();
  }
}

export function anEvent(data: JsonValue = { amount: '100.00' }, type = 'Tested', metadata?: EventMetadata): NewEvent {
  return metadata === undefined ? { eventId: newEventId(), type, data } : { eventId: newEventId(), type, data, metadata };
}

export function events(count: number, type = 'Tested'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => anEvent({ index }, type));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Awaits `action` and asserts it failed with a StoreError of this code; returns the error. */
export async function expectStoreError(action: Promise<unknown> | (() => unknown), code: StoreErrorCode): Promise<StoreError> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe(code);
    return error as StoreError;
  }
  throw new Error(`expected StoreError ${code}, but it succeeded`);
}

/** A clock the test moves by hand. */
export function steppedClock(start: Date): Clock & { set(moment: Date): void; advance(ms: number): void } {
  let now = start.getTime();
  const clock = (): Date => new Date(now);
  return Object.assign(clock, {
    set: (moment: Date) => {
      now = moment.getTime();
    },
    advance: (ms: number) => {
      now += ms;
    },
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
