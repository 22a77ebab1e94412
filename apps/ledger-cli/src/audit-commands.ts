import { UsageError } from './args';
import type { CliIo } from './cli';
import { exitCodes } from './command-options';
import { backupUsage, runBackup, runRestore } from './backup/backup.command';
import { replayUsage, runReplay } from './replay/replay.command';
import { runVerify, verifyUsage } from './verify/verify.command';

type AuditCommand = (argv: readonly string[], io: CliIo) => Promise<number>;

/** The commands of the transparency log, each in its own folder: checking, copying and replaying the ledger. */
const auditCommands: Readonly<Record<string, AuditCommand>> = { verify: runVerify, backup: runBackup, restore: runRestore, replay: runReplay };

export const auditUsage = `Usage: npm run ledger -- verify | backup | restore | replay …

${verifyUsage}
${backupUsage}
${replayUsage}

Exit codes: 0 done (verified), 1 failed its check or refused, 2 the command line is wrong,
3 could not check (ledger unreachable, file missing, data directory locked).`;

/** Runs `argv` if it names one of these commands; undefined for any other, which cli.ts handles. */
export async function runAuditCommand(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  const command = argv[0] === undefined || !Object.hasOwn(auditCommands, argv[0]) ? undefined : auditCommands[argv[0]];
  if (command === undefined) return undefined;
  try {
    return await command(argv.slice(1), io);
  } catch (error: unknown) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${auditUsage}\n`);
    return exitCodes.usage;
  }
}
