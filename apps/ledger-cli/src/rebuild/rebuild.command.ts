import { resolve } from 'node:path';
import { DataDirLocked } from '../../../ledger-api/src/imports/data-dir-lock';
import { projectionNames, rebuildOffline, RebuildRefused } from '../../../ledger-api/src/read-model/offline-rebuild';
import { RebuildProgressLine } from '../../../ledger-api/src/read-model/rebuild-progress';
import { UsageError } from '../args';
import type { CliIo } from '../cli';
import { dataDirOption, parseOptions } from '../command-options';

export const rebuildUsage = `Usage: npm run ledger -- rebuild [NAME] [--data-dir DIR]
  rebuild         empties the read models and applies the whole log again, from position 0,
                  with a progress line; offline: takes the data directory's lock like import
  NAME            one projection (${projectionNames.join(', ')}); all when omitted
  --data-dir DIR  the ledger to rebuild (default LEDGER_DATA_DIR, or ./.data); with
                  LEDGER_READ_DB set, the PostgreSQL read model is rebuilt
Exit codes: 0 rebuilt, 1 refused (data directory locked, no ledger) or failed, 2 the command line is wrong.`;

/** `rebuild [NAME] [--data-dir DIR]`; undefined when `argv` is another command (cli.ts handles it). */
export async function runRebuildCommand(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  if (argv[0] !== 'rebuild') return undefined;
  let name: string | undefined;
  let dataDir: string;
  try {
    const options = parseOptions(argv.slice(1), { values: ['--data-dir'] });
    if (options.positional.length > 1) throw new UsageError(`rebuild takes one projection name, not ${options.positional.length}`);
    name = options.positional[0];
    if (name !== undefined && !projectionNames.includes(name)) throw new UsageError(`no projection named ${name}; one of ${projectionNames.join(', ')}`);
    dataDir = resolve(dataDirOption(options, io.env));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${rebuildUsage}\n`);
    return 2;
  }
  const line = new RebuildProgressLine(io.stderr, `rebuild ${name ?? 'all'}`);
  try {
    const report = await rebuildOffline({ dataDir, ...(name === undefined ? {} : { name }), progress: (p) => line.update(p), env: io.env });
    line.finish(report);
    io.stdout.write(`rebuilt ${report.projections.join(', ')} in ${dataDir}: ${report.events} events, position ${report.position}\n`);
    return 0;
  } catch (error) {
    line.abandon();
    if (error instanceof DataDirLocked || error instanceof RebuildRefused) {
      io.stderr.write(`refused: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`rebuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
