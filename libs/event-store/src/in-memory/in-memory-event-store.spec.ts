import { describeEventStoreConformance } from '@ledger/event-store/conformance';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreConformance('InMemoryEventStore', async (options = {}) => {
  const store = new InMemoryEventStore({ clock: options.clock });
  return { store, dispose: () => store.close() };
});
