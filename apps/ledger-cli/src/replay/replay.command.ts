import { resolve } from 'node:path';
import { DomainError } from '@ledger/domain';
import { ProjectionError } from '@ledger/projections';
import { parseMoment } from '../../../ledger-api/src/audit/moment';
import { UsageError } from '../args';
import type { CliIo } from '../cli';
import { CannotCheck, dataDirOption, exitCodes, parseOptions } from '../command-options';
import { replayMetrics } from './replay';

export const replayUsage = `  replay --as-of MOMENT [--region CODE] [--fiscal-year YYYY] [--fund-type T] [--source-level L]
         [--until YYYY-MM-DD] [--data-dir D]
                  the metrics as the ledger knew them at MOMENT (recording time, RFC 3339 with an
                  offset, e.g. 2019-04-01T12:00+08:00), as JSON on stdout with the log position and
                  recording time they reflect; --until bounds business dates; without --region,
                  every county; reads only, safe beside a running ledger`;

export async function runReplay(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv, { values: ['--as-of', '--region', '--fiscal-year', '--fund-type', '--source-level', '--until', '--data-dir'] });
  if (options.positional.length > 0) throw new UsageError(`replay takes no argument, not ${options.positional.join(' ')}`);
  const asOfText = options.values.get('--as-of');
  if (asOfText === undefined) throw new UsageError('replay needs --as-of MOMENT');
  const asOf = parseMoment(asOfText);
  if (asOf === undefined) throw new UsageError(`--as-of ${asOfText} is not an RFC 3339 moment with an offset, e.g. 2019-04-01T12:00+08:00`);
  const year = options.values.get('--fiscal-year');
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(`--fiscal-year ${year} is not a year`);
  const optional = (name: string, key: string) => (options.values.has(name) ? { [key]: options.values.get(name)! } : {});
  const filter = {
    ...optional('--region', 'region'),
    ...(year === undefined ? {} : { fiscalYear: Number(year) }),
    ...optional('--fund-type', 'fundType'),
    ...optional('--source-level', 'sourceLevel'),
    ...optional('--until', 'until'),
  };
  try {
    const answer = await replayMetrics({ dataDir: resolve(dataDirOption(options, io.env)), asOf, filter });
    io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return exitCodes.done;
  } catch (error: unknown) {
    if (error instanceof DomainError || error instanceof ProjectionError) {
      io.stderr.write(`refused: ${error.code} ${error.message}\n`);
      return exitCodes.usage;
    }
    if (error instanceof CannotCheck) {
      io.stderr.write(`cannot replay: ${error.message}\n`);
      return exitCodes.cannotCheck;
    }
    throw error;
  }
}
