import { rmSync } from 'node:fs';
import { ledgerProjections } from '@ledger/audit';
import { rebuildAll, SqliteReadModel } from '@ledger/projections';
import { benchEvents, generateLedger, mib, rate, thousands } from './generated-ledger';

/**
 * Rebuild throughput: every projection rebuilt from position 0 over a generated log of 1,000,000
 * events (BENCH_EVENTS), into the tables of the store's own file as `npm run ledger -- rebuild`
 * does, against the floor of reading the same events raw from the store (`readAll`: pages,
 * JSON decoding, envelopes). Targets: rebuild/scan ≥ 0.2, peak RSS < 512 MiB.
 */
const ratioTarget = 0.2;
const rssTargetMiB = 512;

export async function runRebuildBench(): Promise<void> {
  const wanted = benchEvents();
  console.log(`rebuild bench: generating ${thousands.format(wanted)} events …`);
  const ledger = await generateLedger(wanted, (events) => {
    if (events % 100_000 < 6_500) process.stdout.write(`  generated ${thousands.format(events)}\r`);
  });
  console.log(`generated ${thousands.format(ledger.events)} events in ${(ledger.elapsedMs / 1000).toFixed(1)} s (${thousands.format(rate(ledger.events, ledger.elapsedMs))} events/s) in ${ledger.dir}`);
  try {
    let started = Date.now();
    let scanned = 0;
    for await (const _event of ledger.store.readAll()) scanned += 1;
    const scanMs = Date.now() - started;
    const scanRate = rate(scanned, scanMs);
    console.log(`scan (readAll)     ${thousands.format(scanned)} events in ${(scanMs / 1000).toFixed(1)} s: ${thousands.format(scanRate)} events/s`);

    started = Date.now();
    let lastPrintMs = 0;
    const report = await rebuildAll(ledger.store, SqliteReadModel.onStore(ledger.store), ledgerProjections(), (progress) => {
      if (progress.elapsedMs - lastPrintMs < 5_000) return;
      lastPrintMs = progress.elapsedMs;
      process.stdout.write(`  rebuilt ${thousands.format(progress.events)} of ${thousands.format(Number(progress.head))}\r`);
    });
    const rebuildMs = Date.now() - started;
    const rebuildRate = rate(report.events, rebuildMs);
    console.log(`rebuild (${report.projections.join(', ')})`);
    console.log(`                   ${thousands.format(report.events)} events in ${(rebuildMs / 1000).toFixed(1)} s: ${thousands.format(rebuildRate)} events/s`);
    const ratio = rebuildRate / scanRate;
    const rssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(`ratio rebuild/scan ${ratio.toFixed(3)}   target ≥ ${ratioTarget} ${ratio >= ratioTarget ? 'ok' : 'MISSED'}`);
    console.log(`peak RSS           ${mib(process.resourceUsage().maxRSS)}   target < ${rssTargetMiB} MiB ${rssMiB < rssTargetMiB ? 'ok' : 'MISSED'}`);
  } finally {
    await ledger.store.close();
    rmSync(ledger.dir, { recursive: true, force: true });
  }
}
