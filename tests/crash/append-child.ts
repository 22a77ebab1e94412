import { newEventId, openSqliteEventStore } from '@ledger/event-store';

/**
 * The process the crash test kills: appends two-stream writes to the store in `argv[2]` as fast
 * as it can and prints one line per acknowledged write, only after its append resolved.
 * stdout is a pipe, which Node writes synchronously on Linux: a printed line left the process.
 */
const eventsPerWrite = { allocation: 3, project: 2 };

async function appendForever(dataDir: string): Promise<never> {
  const store = openSqliteEventStore({ dataDir });
  for (let write = 0; ; write++) {
    const make = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ eventId: newEventId(), type: 'CrashTested', data: { write, index } }));
    const result = await store.append([
      { stream: `allocation-${write % 7}`, expectedRevision: 'any', events: make(eventsPerWrite.allocation) },
      { stream: `project-${write % 5}`, expectedRevision: 'any', events: make(eventsPerWrite.project) },
    ]);
    const acknowledged = result.events.map((event) => [event.eventId, event.position.toString()]);
    process.stdout.write(`${JSON.stringify({ write, events: acknowledged })}\n`);
  }
}

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: append-child.ts <dataDir>');
appendForever(dataDir).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
