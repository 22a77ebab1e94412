import type { TableFormat } from './file/read-table';
import type { ImportRowError } from './kinds/row-reader';

/** Errors an import lists; past this, `errorCount` tells how many there were. */
export const importErrorsListedMax = 1_000;

export type ImportStatusName = 'validating' | 'posting' | 'done' | 'failed';

export interface ImportFileStatus {
  readonly name: string;
  readonly kind: string;
  readonly sha256: string;
  /** `utf-8-bom`, `utf-8`, `gb18030` (a CSV's encoding) or `xlsx`. */
  readonly format: TableFormat;
  readonly rows: number;
}

/** An import's error, naming its file when the import holds several (the demo county). */
export type ImportError = ImportRowError & { readonly file?: string };

/** What `GET /v1/imports/{id}` answers, and what the CLI's progress bar draws. */
export interface ImportStatus {
  readonly importId: string;
  /** The kind of the file, or the kinds joined with `,` for an import of several files. */
  readonly kind: string;
  readonly status: ImportStatusName;
  readonly rows: number;
  /** Rows validated so far: DTO rules and region codes (all of them before anything is decided). */
  readonly checked: number;
  /** Rows decided so far by their route's handler against the staged ledger (all of them before anything is posted). */
  readonly decided: number;
  /** Rows posted, or found posted by an earlier import of the same file (`skipped`). */
  readonly done: number;
  /** Rows an earlier import of the same file had posted already: not posted again. */
  readonly skipped: number;
  readonly errors: readonly ImportError[];
  readonly errorCount: number;
  /** The ledger position after the import's last event; null until it is done (or when it posted nothing). */
  readonly position: number | null;
  readonly files: readonly ImportFileStatus[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** The mutable record of one import in this process; `status()` is its snapshot. */
export class ImportJob {
  state: ImportStatusName = 'validating';
  checked = 0;
  decided = 0;
  done = 0;
  skipped = 0;
  position: number | null = null;
  finishedAt: string | null = null;
  private readonly errors: ImportError[] = [];
  private errorCount = 0;

  constructor(
    readonly importId: string,
    readonly principalId: string,
    readonly files: readonly ImportFileStatus[],
    readonly startedAt: string,
  ) {}

  get rows(): number {
    return this.files.reduce((sum, file) => sum + file.rows, 0);
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  addErrors(errors: readonly ImportError[]): void {
    this.errorCount += errors.length;
    this.errors.push(...errors.slice(0, Math.max(0, importErrorsListedMax - this.errors.length)));
  }

  finish(state: 'done' | 'failed', at: string): void {
    this.state = state;
    this.finishedAt = at;
  }

  status(): ImportStatus {
    return {
      importId: this.importId,
      kind: [...new Set(this.files.map((file) => file.kind))].join(','),
      status: this.state,
      rows: this.rows,
      checked: this.checked,
      decided: this.decided,
      done: this.done,
      skipped: this.skipped,
      errors: [...this.errors],
      errorCount: this.errorCount,
      position: this.position,
      files: this.files,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
    };
  }
}
