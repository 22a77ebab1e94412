import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditError, AuditInvariantViolation, type LocalLogReport, verifyLocalLog } from '@ledger/audit';
import { sqliteFileName } from '@ledger/event-store';
import Database from 'better-sqlite3';
import { acquireDataDirLock } from '../../../ledger-api/src/imports/data-dir-lock';
import { CannotCheck } from '../command-options';

/**
 * What a check of a ledger file found: the library's report, or a refusal before the walk (the
 * audit tables missing or of another version: `AUDIT.SCHEMA_MISMATCH`; an impossible state the
 * library stopped at: `AUDIT.INVARIANT`).
 */
export type FileReport = LocalLogReport | { readonly ok: false; readonly problem: { readonly code: string; readonly position: bigint | null; readonly detail: string } };

/**
 * Verifies a ledger file as it is on disk: every event's leaf hash from its envelope columns, the
 * tree node by node, every checkpoint's signature and root (libs/audit `verifyLocalLog`). The file
 * is opened read-only, so the check cannot change the evidence, and in one read transaction, so
 * it sees one state of it. A file without the audit tables (never served by this build, or
 * stripped of them) fails with its code, as tampering would.
 */
export function verifyLedgerFile(file: string): FileReport {
  if (!existsSync(file)) throw new CannotCheck(`${file} does not exist`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.transaction(() => verifyLocalLog(db))();
  } catch (error: unknown) {
    if (error instanceof AuditError) return { ok: false, problem: { code: error.code, position: null, detail: error.message } };
    if (error instanceof AuditInvariantViolation) return { ok: false, problem: { code: 'AUDIT.INVARIANT', position: null, detail: error.message } };
    throw error;
  } finally {
    db.close();
  }
}

/**
 * The ledger of a data directory, verified offline: under the directory's lock (so that no ledger
 * starts writing it meanwhile; a running ledger is checked with `verify --url` instead).
 */
export function verifyDataDir(dataDir: string): FileReport {
  const file = join(dataDir, sqliteFileName);
  if (!existsSync(file)) throw new CannotCheck(`no ledger in ${dataDir} (${sqliteFileName} is missing)`);
  const lock = acquireDataDirLock(dataDir, 'ledger verify');
  try {
    return verifyLedgerFile(file);
  } finally {
    lock.release();
  }
}

/** One line for a report: what was verified, or the first bad position and why. */
export function describeReport(what: string, report: FileReport): string {
  if (report.ok) {
    return `verified ${what}: ${report.size} events, root ${report.rootHash.toString('base64')}, ${report.checkpointsVerified} signed checkpoints`;
  }
  const { code, position, detail } = report.problem;
  const where = position === null ? '' : ` at position ${position}`;
  return `${what} FAILED verification: ${code}${where}: ${detail}`;
}
