import { appendConformance } from './append.conformance';
import { envelopeConformance } from './envelope.conformance';
import type { ConformanceFactory } from './fixture';
import { idempotencyConformance } from './idempotency.conformance';
import { readConformance } from './read.conformance';
import { subscriptionConformance } from './subscription.conformance';

export type { ConformanceFactory, ConformanceStoreOptions, ConformanceSubject } from './fixture';

/**
 * The behaviour every EventStore adapter must show. Call it from the adapter's spec with a
 * factory that makes a fresh, empty store (honouring `options.clock`) and disposes it.
 */
export function describeEventStoreConformance(name: string, factory: ConformanceFactory): void {
  describe(`${name} conforms to the EventStore port`, () => {
    describe('append', () => appendConformance(factory));
    describe('idempotency', () => idempotencyConformance(factory));
    describe('envelope', () => envelopeConformance(factory));
    describe('reads', () => readConformance(factory));
    describe('subscribeToAll', () => subscriptionConformance(factory));
  });
}
