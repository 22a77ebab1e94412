import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import type { Principal } from '../access/principal';
import { EntityIndex } from '../commands/entity-index';
import { EdgeError } from '../http/edge-error';
import { answerFor, isServerStatus } from '../http/error-answer';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { RegionDirectory } from '../regions/region-directory';
import { EVENT_STORE } from '../store/event-store.module';
import { readTable, type Table, UnreadableTable } from './file/read-table';
import { type ImportError, ImportJob, type ImportStatus } from './import-job';
import type { ImportKind } from './kinds/import-kind';
import { findImportKind, importKinds, kindFromFileName } from './kinds/import-kinds';
import { type ReadRow, RowReader } from './kinds/row-reader';
import { importCorrelationId, ImportRecords, rowIdempotencyKey } from './posting/import-records';
import { batchesOf, postBatches } from './posting/post-batches';
import { WriteGate } from './posting/write-gate';
import { StagedEntityIndex } from './staging/staged-entity-index';
import { StagedHandlers } from './staging/staged-handlers';
import { type RowRef, StagedLedger } from './staging/staged-ledger';

/** Finished imports whose status `GET /v1/imports/{id}` still answers; older ones are forgotten (the events stay, of course). */
export const importJobsKeptMax = 100;

/** Rows handled between two turns of the event loop, so that the API keeps answering (progress included) during an import. */
const rowsPerTurn = 200;

/** A file as it arrives: its name (`01-allocations.csv`), its bytes, and the kind when the form said it. */
export interface ImportUpload {
  readonly name: string;
  readonly bytes: Buffer;
  readonly kind?: string;
}

/** A file read as a table of a known kind, its header checked: what an import job is made of. */
export interface PreparedFile {
  readonly name: string;
  readonly sha256: string;
  readonly kind: ImportKind;
  readonly table: Table;
  readonly reader: RowReader;
}

type ValidRow = Extract<ReadRow, { ok: true }>;

interface PendingRow {
  readonly file: PreparedFile;
  readonly read: ValidRow;
  readonly ref: RowRef;
}

export type ImportProgress = (status: ImportStatus) => void;

/**
 * Bulk import: every row of every file is validated (the routes' DTOs, region codes), then decided
 * by the routes' own handlers against a staged copy of the ledger (staging/), and only when no row
 * is refused is anything appended, in batches that keep the order of the events, with the import
 * as the only writer. See README.md in this folder for the design and its limits.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger('Imports');
  private readonly jobs = new Map<string, ImportJob>();
  /** Imports run one after another: two at once would decide against each other's unposted rows. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly index: EntityIndex,
    private readonly regions: RegionDirectory,
    private readonly handlers: StagedHandlers,
    private readonly records: ImportRecords,
    private readonly gate: WriteGate,
  ) {}

  /**
   * Reads the file as a table of its kind and checks its header. Refuses what is not an import at
   * all (400: no kind, an unknown kind, unreadable bytes, a wrong header) or not this principal's
   * to post (403), before any row is looked at.
   */
  async prepare(principal: Principal, upload: ImportUpload): Promise<PreparedFile> {
    const kind = this.kindOf(upload);
    if (principal.role !== 'admin' && !kind.roles.includes(principal.role)) {
      throw new EdgeError('AUTH.FORBIDDEN_ROLE', `importing ${kind.kind} needs the role ${kind.roles.join(' or ')}; ${principal.id} is ${principal.role}`);
    }
    let table: Table;
    try {
      table = await readTable(upload.bytes);
    } catch (error) {
      if (!(error instanceof UnreadableTable)) throw error;
      throw refused(`${upload.name}: ${error.message}`, [{ field: 'file', rule: error.rule, message: error.message }]);
    }
    const reader = new RowReader(kind, table.header, this.regionExists());
    if (reader.headerErrors.length > 0) {
      const errors = reader.headerErrors.map(({ field, rule, message }) => ({ field, rule, message: `header (row 1): ${message}` }));
      throw refused(`${upload.name}: the header does not match the columns of ${kind.kind} (${kind.route})`, errors);
    }
    return { name: upload.name, sha256: createHash('sha256').update(upload.bytes).digest('hex'), kind, table, reader };
  }

  /** Queues an import of the files, in order, all or nothing; `finished` settles with its last status. */
  start(principal: Principal, files: readonly PreparedFile[], progress: ImportProgress = () => undefined): { job: ImportJob; finished: Promise<ImportStatus> } {
    const job = new ImportJob(
      randomUUID(),
      principal.id,
      files.map(({ name, kind, sha256, table }) => ({ name, kind: kind.kind, sha256, format: table.format, rows: table.rows.length })),
      new Date().toISOString(),
    );
    this.keep(job);
    const finished = this.queue.then(() => this.run(job, principal, files, progress));
    this.queue = finished;
    return { job, finished };
  }

  /** Prepares and imports the files as one import, for the CLI and the demo county. */
  async importFiles(principal: Principal, uploads: readonly ImportUpload[], progress?: ImportProgress): Promise<ImportStatus> {
    const files: PreparedFile[] = [];
    for (const upload of uploads) files.push(await this.prepare(principal, upload));
    return this.start(principal, files, progress).finished;
  }

  /** The import, if this principal may see it: its own, or any for an admin. */
  find(importId: string, principal: Principal): ImportJob | undefined {
    const job = this.jobs.get(importId);
    return job !== undefined && (job.principalId === principal.id || principal.role === 'admin') ? job : undefined;
  }

  /** Whether a region code exists, remembered per file: 100,000 rows name a few hundred villages at most. */
  private regionExists(): (code: string) => boolean {
    const known = new Map<string, boolean>();
    return (code) => {
      let exists = known.get(code);
      if (exists === undefined) {
        exists = this.regions.find(code) !== null;
        known.set(code, exists);
      }
      return exists;
    };
  }

  private kindOf(upload: ImportUpload): ImportKind {
    const name = upload.kind ?? kindFromFileName(upload.name);
    if (name === undefined) {
      throw refused(`say the kind of ${upload.name}: a kind field, or a file name like 01-allocations.csv`, [
        { field: 'kind', rule: 'FIELD.REQUIRED', message: 'the kind is neither given nor in the file name' },
      ]);
    }
    const kind = findImportKind(name);
    if (kind === undefined) {
      const known = importKinds.map((known) => known.kind).join(', ');
      throw refused(`no import kind ${JSON.stringify(name)}`, [{ field: 'kind', rule: 'IMPORT.KIND_UNKNOWN', message: `one of ${known}` }]);
    }
    return kind;
  }

  private keep(job: ImportJob): void {
    this.jobs.set(job.importId, job);
    for (const [id, kept] of this.jobs) {
      if (this.jobs.size <= importJobsKeptMax) break;
      if (kept.finishedAt !== null) this.jobs.delete(id);
    }
  }

  private async run(job: ImportJob, principal: Principal, files: readonly PreparedFile[], progress: ImportProgress): Promise<ImportStatus> {
    const notify = (): void => progress(job.status());
    try {
      notify();
      const pending = await this.validate(job, principal, files, notify);
      if (!job.hasErrors) await this.decideAndPost(job, principal, files, pending, notify);
    } catch (error) {
      this.logger.error(`import ${job.importId} failed unexpectedly`, error instanceof Error ? error.stack : String(error));
      job.addErrors([{ row: 0, field: '', rule: 'INTERNAL', message: 'the import met an unexpected error; it is logged under its importId' }]);
    }
    job.finish(job.hasErrors ? 'failed' : 'done', new Date().toISOString());
    notify();
    return job.status();
  }

  /** Every row through its DTO and the region codes; rows an earlier import of the file posted are skipped. */
  private async validate(job: ImportJob, principal: Principal, files: readonly PreparedFile[], notify: () => void): Promise<PendingRow[]> {
    const pending: PendingRow[] = [];
    for (const file of files) {
      const postedThrough = this.records.postedThroughRow(principal.id, file.sha256);
      for (const row of file.table.rows) {
        const read = await file.reader.read(row);
        if (!read.ok) job.addErrors(this.located(read.errors, file, files));
        else if (read.row <= postedThrough) job.skipped += 1;
        else pending.push({ file, read, ref: { ordinal: pending.length, row: read.row, file: file.name } });
        job.checked += 1;
        if (job.checked % rowsPerTurn === 0) await this.turn(notify);
      }
    }
    job.done = job.skipped;
    return pending;
  }

  /**
   * Decides every pending row, then posts them as the only writer. If anything was appended while
   * the rows were decided, they are decided again with the gate held: the posted events are then
   * exactly the ones decided, on exactly the state they were decided on.
   */
  private async decideAndPost(job: ImportJob, principal: Principal, files: readonly PreparedFile[], pending: readonly PendingRow[], notify: () => void): Promise<void> {
    let staged = await this.decide(job, principal, files, pending, notify);
    if (job.hasErrors) return;
    job.state = 'posting';
    notify();
    this.gate.hold({ principalId: principal.id, keyPrefixes: files.map((file) => rowIdempotencyKey(file.sha256, 0).slice(0, -1)) });
    try {
      if ((await this.store.headPosition()) !== staged.basePosition) {
        job.state = 'validating';
        staged = await this.decide(job, principal, files, pending, notify);
        if (job.hasErrors) return;
        job.state = 'posting';
      }
      await this.post(job, staged, notify);
    } finally {
      this.gate.release();
    }
  }

  private async decide(job: ImportJob, principal: Principal, files: readonly PreparedFile[], pending: readonly PendingRow[], notify: () => void): Promise<StagedLedger> {
    const base = await this.store.headPosition();
    const index = new StagedEntityIndex(this.index);
    const ledger = new StagedLedger(this.store, base, index);
    const execute = this.handlers.forStaging(ledger, index);
    job.decided = job.skipped;
    try {
      for (const [ordinal, { file, read, ref }] of pending.entries()) {
        const origin = { principalId: principal.id, idempotencyKey: rowIdempotencyKey(file.sha256, read.row), requestId: importCorrelationId(file.sha256) };
        try {
          await ledger.forRow(ref, () => execute(file.kind.command(origin, principal, read.body, read.path)));
        } catch (error) {
          job.addErrors(this.located(this.refusalOf(error, read.row, file.kind), file, files));
        }
        job.decided += 1;
        if ((ordinal + 1) % rowsPerTurn === 0) await this.turn(notify);
      }
    } finally {
      index.close();
    }
    return ledger;
  }

  private async post(job: ImportJob, staged: StagedLedger, notify: () => void): Promise<void> {
    let lastOrdinal = -1;
    let lastTurn = Date.now();
    const batches = batchesOf(staged.staged);
    try {
      const position = await postBatches(this.store, batches, async (batch, _position) => {
        for (const unit of batch.units) {
          if (unit.ref.ordinal === lastOrdinal) continue;
          lastOrdinal = unit.ref.ordinal;
          job.done += 1;
        }
        // Posting runs synchronously inside the store; give the event loop a turn now and then.
        if (Date.now() - lastTurn > 20) {
          await this.turn(notify);
          lastTurn = Date.now();
        }
      });
      job.done = job.rows;
      job.position = staged.staged.length === 0 ? null : Number(position);
    } catch (error) {
      const at = batches.find((batch) => batch.units.some((unit) => unit.ref.ordinal > lastOrdinal))?.units[0]?.ref;
      const { code, detail } = answerFor(error);
      this.logger.error(`import ${job.importId} stopped while posting`, error instanceof Error ? error.stack : String(error));
      job.addErrors([
        {
          row: at?.row ?? 0,
          ...(at === undefined ? {} : { file: at.file }),
          field: '',
          rule: code,
          message: `${detail} (posting stopped here; the rows before are posted: import the same file again to post the rest)`,
        },
      ]);
    }
  }

  /** A row's refusal as the route would have answered it: its code, and its fields when it names them. */
  private refusalOf(error: unknown, row: number, kind: ImportKind): ImportError[] {
    const answer = answerFor(error);
    if (isServerStatus(answer.status)) {
      this.logger.error(`row ${row} of a ${kind.kind} import met an unexpected error`, error instanceof Error ? error.stack : String(error));
    }
    if (answer.errors.length > 0) return answer.errors.map(({ field, rule, message }) => ({ row, field, rule, message }));
    const field = error instanceof SubjectNotFoundInPath && kind.path.length === 1 ? kind.path[0]! : '';
    return [{ row, field, rule: answer.code, message: answer.detail }];
  }

  /** Names the file in each error when the import holds several. */
  private located(errors: readonly ImportError[], file: PreparedFile, files: readonly PreparedFile[]): ImportError[] {
    return files.length === 1 ? [...errors] : errors.map((error) => ({ ...error, file: file.name }));
  }

  private async turn(notify: () => void): Promise<void> {
    notify();
    await nextTurn();
  }
}

function refused(message: string, errors: { field: string; rule: string; message: string }[]): EdgeError {
  return new EdgeError('VALIDATION.FAILED', message, { errors });
}
