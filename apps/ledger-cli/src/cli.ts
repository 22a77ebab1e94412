import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { DataDirLocked } from '../../ledger-api/src/imports/data-dir-lock';
import type { ImportStatus } from '../../ledger-api/src/imports/import-job';
import { importOffline, OfflineImportRefused } from '../../ledger-api/src/imports/offline-import';
import { type ProgressOutput, ProgressLine } from '../../ledger-api/src/imports/progress-line';
import { EdgeError } from '../../ledger-api/src/http/edge-error';
import { type ImportArgs, parseArgs, usage, UsageError } from './args';
import { auditUsage, runAuditCommand } from './audit-commands';
import { rebuildUsage, runRebuildCommand } from './rebuild/rebuild.command';
import { ImportRequestRefused, importRemote, probeLedger } from './remote-import';

/** Errors printed after a failed import; the rest are counted (GET /v1/imports/{id} lists up to 1,000). */
export const errorsPrintedMax = 50;

export interface CliIo {
  readonly stdout: ProgressOutput;
  /** The progress line and every complaint go here. */
  readonly stderr: ProgressOutput;
  readonly env: NodeJS.ProcessEnv;
}

/** Exit codes: 0 imported, 1 refused or failed, 2 the command line is wrong. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const audited = await runAuditCommand(argv, io);
  if (audited !== undefined) return audited;
  const rebuilt = await runRebuildCommand(argv, io);
  if (rebuilt !== undefined) return rebuilt;
  let args;
  try {
    args = parseArgs(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout.write(`${usage}\n\n${rebuildUsage}\n\n${auditUsage}\n`);
    return 0;
  }
  return runImport(args, io);
}

async function runImport(args: ImportArgs, io: CliIo): Promise<number> {
  if (args.token === undefined) {
    io.stderr.write('import needs a bearer token: --token TOKEN or LEDGER_TOKEN (the demo tokens are in the README)\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(args.file);
  } catch (error) {
    io.stderr.write(`cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const line = new ProgressLine(io.stderr, basename(args.file));
  const progress = (status: ImportStatus): void => line.update(status);
  try {
    const probe = await probeLedger(args.url);
    let status: ImportStatus;
    if (probe.running === true) {
      io.stderr.write(`posting to the ledger at ${args.url}\n`);
      status = await importRemote({ url: args.url, token: args.token, file: args.file, bytes, ...(args.kind === undefined ? {} : { kind: args.kind }), progress });
    } else if (probe.running === 'other') {
      io.stderr.write(`${probe.reason}; give the ledger's address with --url\n`);
      return 1;
    } else {
      const dataDir = resolve(args.dataDir);
      io.stderr.write(`no ledger answers at ${args.url} (${probe.reason}); importing into ${dataDir} in this process\n`);
      const upload = { name: basename(args.file), bytes, ...(args.kind === undefined ? {} : { kind: args.kind }) };
      status = await importOffline({ dataDir, token: args.token, upload, progress, env: io.env });
    }
    line.finish(status);
    return report(status, io);
  } catch (error) {
    line.abandon();
    return complain(error, io);
  }
}

function report(status: ImportStatus, io: CliIo): number {
  if (status.status === 'done') {
    const posted = status.rows - status.skipped;
    const already = status.skipped > 0 ? `, ${status.skipped} posted by an earlier import of this file` : '';
    const position = status.position === null ? '' : `, ledger position ${status.position}`;
    io.stdout.write(`imported ${status.rows} ${status.kind} rows: ${posted} posted${already}${position} (import ${status.importId})\n`);
    return 0;
  }
  io.stdout.write(`nothing imported: ${status.errorCount} error${status.errorCount === 1 ? '' : 's'} (import ${status.importId})\n`);
  for (const error of status.errors.slice(0, errorsPrintedMax)) {
    const where = `${error.file === undefined ? '' : `${error.file} `}row ${error.row}${error.field === '' ? '' : `, ${error.field}`}`;
    io.stdout.write(`  ${where}: ${error.rule} ${error.message}\n`);
  }
  if (status.errorCount > errorsPrintedMax) io.stdout.write(`  … and ${status.errorCount - errorsPrintedMax} more\n`);
  return 1;
}

function complain(error: unknown, io: CliIo): number {
  if (error instanceof ImportRequestRefused || error instanceof EdgeError) {
    const [code, detail, errors] =
      error instanceof EdgeError ? [error.code, error.message, error.errors] : [error.problem.code ?? String(error.status), error.problem.detail ?? '', error.problem.errors ?? []];
    io.stderr.write(`refused: ${code} ${detail}\n`);
    for (const { field, rule, message } of errors) io.stderr.write(`  ${field}: ${rule} ${message}\n`);
    return 1;
  }
  if (error instanceof DataDirLocked || error instanceof OfflineImportRefused) {
    io.stderr.write(`refused: ${error.message}\n`);
    return 1;
  }
  io.stderr.write(`import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
