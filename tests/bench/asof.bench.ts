import { rmSync } from 'node:fs';
import { metricsProjection, queryMetricsAsOf, rebuildAll, SqliteReadModel } from '@ledger/projections';
import { benchEvents, countyCode, countyCount, generateLedger, thousands } from './generated-ledger';

/**
 * A county's metrics as the ledger knew them at a random past position (`GET /v1/metrics?asOfPosition=`
 * without HTTP), over the generated log of the rebuild bench (1,000,000 events, BENCH_EVENTS),
 * projected by a rebuild of the metrics first. Latency p50/p95 over `queries` random (county, position, filter)
 * triples drawn from a fixed seed. Target p95 < 200 ms.
 */
const queries = 200;
const p95TargetMs = 200;

export async function runAsOfBench(): Promise<void> {
  const wanted = benchEvents();
  console.log(`asof bench: generating ${thousands.format(wanted)} events and projecting them …`);
  const ledger = await generateLedger(wanted);
  const readModel = SqliteReadModel.onStore(ledger.store);
  try {
    // Only the metrics answer this question: the other projections are not built (see bench/rebuild).
    const report = await rebuildAll(ledger.store, readModel, [metricsProjection()]);
    console.log(`generated ${thousands.format(ledger.events)} events (${(ledger.elapsedMs / 1000).toFixed(1)} s), projected in ${(report.elapsedMs / 1000).toFixed(1)} s`);
    const random = seeded(20241123);
    const head = Number(report.position);
    const filters = [{}, { fiscalYear: 2024 }, { fundType: 'integrated' }, { sourceLevel: 'provincial', until: '2024-06-30' }];
    const latencies: number[] = [];
    for (let i = 0; i < queries + 10; i++) {
      const position = BigInt(1 + Math.floor(random() * head));
      const region = countyCode(Math.floor(random() * countyCount));
      const filter = { region, ...filters[i % filters.length] };
      const started = process.hrtime.bigint();
      await queryMetricsAsOf(readModel.db, position, filter);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (i >= 10) latencies.push(ms); // the first ten warm the page cache and the statements
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    console.log(`county metrics as of a random position, ${queries} queries: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`);
    console.log(`p95 target < ${p95TargetMs} ms ${at(0.95) < p95TargetMs ? 'ok' : 'MISSED'}`);
  } finally {
    await ledger.store.close();
    rmSync(ledger.dir, { recursive: true, force: true });
  }
}

/** mulberry32: a fixed sequence, so two runs ask the same questions. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
