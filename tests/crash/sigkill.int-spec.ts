import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, openSqliteEventStore } from '@ledger/event-store';

/**
 * Kills a process that is appending to a SQLite store with SIGKILL (no cleanup, no final
 * flush) and checks the file it left: acknowledged appends are all there, positions are
 * gap-free, and no two-stream write is half there. A process kill leaves the OS page cache
 * intact, so this tests SQLite's atomic commit and the adapter's use of it, not fsync itself.
 */
const registerTs = join(__dirname, '..', 'support', 'register-ts.js');
const childScript = join(__dirname, 'append-child.ts');
const eventsPerWrite = 5;

interface Acknowledgement {
  readonly write: number;
  readonly events: readonly [string, string][];
}

describe('SQLite store killed with SIGKILL mid-stream', () => {
  it.each([40, 120, 250])('keeps every acknowledged write and no partial one (killed after %i acknowledgements)', async (killAfter) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
    try {
      const acknowledged = await runAndKill(dir, killAfter);
      expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
      const store = openSqliteEventStore({ dataDir: dir });
      try {
        expect(store.database.pragma('integrity_check', { simple: true })).toBe('ok');
        const log: RecordedEvent[] = [];
        for await (const event of store.readAll()) log.push(event);
        expect(log.map((event) => event.position)).toEqual(log.map((_, index) => BigInt(index + 1)));
        const stored = new Map(log.map((event) => [event.eventId, event.position.toString()]));
        const missing = acknowledged.flatMap((ack) => ack.events.filter(([eventId, position]) => stored.get(eventId) !== position));
        expect(missing).toEqual([]);
        const perWrite = new Map<number, number>();
        for (const event of log) {
          const { write } = event.data as { write: number };
          perWrite.set(write, (perWrite.get(write) ?? 0) + 1);
        }
        expect([...perWrite.values()].every((count) => count === eventsPerWrite)).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs the child until it has acknowledged `killAfter` writes, SIGKILLs it, returns the acks. */
function runAndKill(dir: string, killAfter: number): Promise<Acknowledgement[]> {
  const appender = spawn(process.execPath, ['--require', registerTs, childScript, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acknowledged: Acknowledgement[] = [];
  let pending = '';
  let stderr = '';
  appender.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  appender.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) acknowledged.push(JSON.parse(line) as Acknowledgement);
    if (acknowledged.length >= killAfter) appender.kill('SIGKILL');
  });
  return exited(appender).then((signal) => {
    if (signal !== 'SIGKILL') throw new Error(`child ended without being killed (${signal}): ${stderr}`);
    return acknowledged;
  });
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_, signal) => resolve(signal));
  });
}
