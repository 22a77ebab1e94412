import { plainToInstance } from 'class-transformer';
import { validate, type ValidatorOptions } from 'class-validator';
import { flattenValidationErrors, validationPipeOptions } from '../../http/validation/validation-pipe';
import type { Cell, TableRow } from '../file/read-table';
import { type DtoClass, type LeafColumn, leafColumnsOf, shapeOf } from './dto-shape';
import type { ImportKind, PathIds } from './import-kind';

/** One refusal of an import, located as a spreadsheet shows it: row 1 is the header. */
export interface ImportRowError {
  readonly row: number;
  /** The column (a dotted body field or a path id), or '' when no single column is at fault. */
  readonly field: string;
  /** A stable code: a validation rule (`MONEY.INVALID`, `isInt`), a domain or access code, or `IMPORT.*`. */
  readonly rule: string;
  readonly message: string;
}

/** Separator of array cells (`performanceTargets`), as the demo files and the README write it. */
export const arraySeparator = ' | ';

/** The same options the HTTP routes validate bodies with (validation-pipe.ts), minus the pipe's own. */
const { transform: _transform, transformOptions, exceptionFactory: _exceptionFactory, ...validatorOptions } = validationPipeOptions;

export type ReadRow = { readonly ok: true; readonly row: number; readonly body: object; readonly path: PathIds } | { readonly ok: false; readonly errors: ImportRowError[] };

/** A household reference as the beneficiary register writes it (seeds/demo/README.md): `hh-513336-0001`. */
const householdRefPattern = /^hh-[A-Za-z0-9_-]+$/;

/** A leaf column as a cell is read into it: a party column (see ImportKind.partyColumns) is text or `{householdRef}`. */
type ReaderColumn = Omit<LeafColumn, 'type'> & { readonly type: LeafColumn['type'] | 'party' };

interface PlannedColumn {
  readonly index: number;
  readonly leaf: ReaderColumn;
  readonly target: 'body' | 'path';
}

/**
 * Turns the rows of one kind's file into command bodies and path ids, validated exactly as the
 * route validates them (same DTO classes, same options), plus the existence of every region code.
 */
export class RowReader {
  private readonly columns: readonly PlannedColumn[];
  readonly headerErrors: readonly ImportRowError[];

  constructor(
    private readonly kind: ImportKind,
    header: readonly string[],
    private readonly regionExists: (code: string) => boolean,
  ) {
    const stated = new Set(kind.requiredColumns ?? []);
    const parties = new Set(kind.partyColumns ?? []);
    const bodyLeaves = leafColumnsOf(shapeOf(kind.body)).map((leaf) => ({
      ...leaf,
      required: leaf.required || stated.has(leaf.column),
      type: parties.has(leaf.column) ? ('party' as const) : leaf.type,
    }));
    const pathShape = kind.pathDto === undefined ? [] : leafColumnsOf(shapeOf(kind.pathDto));
    const pathLeaves: ReaderColumn[] = kind.path.map(
      (name) => pathShape.find((leaf) => leaf.column === name) ?? { column: name, path: [name], type: 'string', required: true, region: false },
    );
    const known = new Map<string, { leaf: ReaderColumn; target: 'body' | 'path' }>([
      ...bodyLeaves.map((leaf) => [leaf.column, { leaf, target: 'body' as const }] as const),
      ...pathLeaves.map((leaf) => [leaf.column, { leaf, target: 'path' as const }] as const),
    ]);
    const errors: ImportRowError[] = [];
    const columns: PlannedColumn[] = [];
    const seen = new Set<string>();
    header.forEach((name, index) => {
      const planned = known.get(name);
      if (seen.has(name)) errors.push(headerError(name, 'IMPORT.COLUMN_DUPLICATE', `column ${JSON.stringify(name)} appears twice`));
      else if (planned === undefined) errors.push(headerError(name, 'FIELD.UNKNOWN', `${this.kind.kind} has no column ${JSON.stringify(name)}`));
      else columns.push({ index, ...planned });
      seen.add(name);
    });
    for (const [name, { leaf }] of known) {
      if (leaf.required && !seen.has(name)) errors.push(headerError(name, 'IMPORT.COLUMN_MISSING', `${this.kind.kind} needs the column ${JSON.stringify(name)}`));
    }
    this.columns = columns;
    this.headerErrors = errors;
  }

  async read(tableRow: TableRow): Promise<ReadRow> {
    const body: Record<string, unknown> = {};
    const path: Record<string, string> = {};
    const unstated: Omit<ImportRowError, 'row'>[] = [];
    for (const { index, leaf, target } of this.columns) {
      const cell = tableRow.cells[index] ?? '';
      if (cell === '') {
        if (this.kind.requiredColumns?.includes(leaf.column)) unstated.push({ field: leaf.column, rule: 'FIELD.REQUIRED', message: `an import states ${leaf.column}` });
        continue;
      }
      if (target === 'path') path[leaf.column] = textOf(cell);
      else setAt(body, leaf.path, jsonOf(cell, leaf.type));
    }
    const checked = await validated(this.kind.body, body);
    const errors = [...(await this.pathErrors(path)), ...checked.errors, ...unstated].map((error) => ({ row: tableRow.row, ...error }));
    if (errors.length === 0) errors.push(...this.unknownRegions(body, path, tableRow.row));
    // The instance, as the route's pipe hands it to the controller (transform: true).
    return errors.length === 0 ? { ok: true, row: tableRow.row, body: checked.instance, path } : { ok: false, errors };
  }

  private async pathErrors(path: Record<string, string>): Promise<Omit<ImportRowError, 'row'>[]> {
    const missing = this.kind.path
      .filter((name) => path[name] === undefined)
      .map((name) => ({ field: name, rule: 'FIELD.REQUIRED', message: `${name} (the ${this.kind.route} path id) is required` }));
    if (missing.length > 0 || this.kind.pathDto === undefined) return missing;
    return (await validated(this.kind.pathDto, path)).errors;
  }

  private unknownRegions(body: Record<string, unknown>, path: Record<string, string>, row: number): ImportRowError[] {
    return this.columns
      .filter(({ leaf }) => leaf.region)
      .flatMap(({ leaf, target }) => {
        const value = target === 'path' ? path[leaf.column] : valueAt(body, leaf.path);
        if (typeof value !== 'string' || this.regionExists(value)) return [];
        return [{ row, field: leaf.column, rule: 'REGION.UNKNOWN', message: `${value} is not in the national region codes` }];
      });
  }
}

async function validated(dto: DtoClass, plain: object): Promise<{ instance: object; errors: Omit<ImportRowError, 'row'>[] }> {
  const instance = plainToInstance(dto, plain, transformOptions);
  return { instance, errors: flattenValidationErrors(await validate(instance, validatorOptions as ValidatorOptions)) };
}

function headerError(field: string, rule: string, message: string): ImportRowError {
  return { row: 1, field, rule, message };
}

/** A cell as text: XLSX numbers in their shortest exact form, dates as YYYY-MM-DD. */
function textOf(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * A cell as the JSON the route's body would carry. A cell that does not convert stays text, so the
 * field's own rule refuses it with its own code (`isInt`, `isBoolean`) rather than a code of ours.
 */
function jsonOf(cell: Cell, type: ReaderColumn['type']): unknown {
  switch (type) {
    case 'party':
      return householdRefPattern.test(textOf(cell)) ? { householdRef: textOf(cell) } : textOf(cell);
    case 'string':
      return textOf(cell);
    case 'number':
      return typeof cell === 'number' ? cell : typeof cell === 'string' && /^-?\d{1,15}$/.test(cell) ? Number(cell) : textOf(cell);
    case 'boolean':
      if (typeof cell === 'boolean') return cell;
      // Excel writes TRUE / FALSE into CSV; the demo files write true / false.
      return /^(true|false)$/i.test(textOf(cell)) ? textOf(cell).toLowerCase() === 'true' : textOf(cell);
    case 'array':
      return textOf(cell).split(arraySeparator);
  }
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function valueAt(source: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = source;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}
