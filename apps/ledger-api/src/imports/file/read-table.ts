import ExcelJS from 'exceljs';
import { CsvSyntaxError, parseCsv } from './csv';
import { decodeText, type TextEncodingName, UndecodableText } from './decode-text';

/**
 * Data rows one file may hold. Every row is validated and decided before the first is posted, so
 * an import holds all of them in memory at once: ~6.5 KB a row (measured: 100,000 allocations,
 * 650 MB resident). Split a larger file; each part is still all or nothing.
 */
export const importRowsMax = 100_000;

/**
 * What a cell may hold: text from CSV; from XLSX also numbers, booleans and dates, which the row's
 * DTO field type turns into JSON (row-shape.ts). An empty cell is ''.
 */
export type Cell = string | number | boolean | Date;

export interface TableRow {
  /** As a spreadsheet shows it: the header is row 1, the first data row 2. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

export type TableFormat = TextEncodingName | 'xlsx';

export interface Table {
  /** How the file was read: the text encoding of a CSV, or `xlsx`. */
  readonly format: TableFormat;
  readonly header: readonly string[];
  readonly rows: readonly TableRow[];
}

/** A file the importer cannot read as a table at all: answered 400 before anything else happens. */
export class UnreadableTable extends Error {
  constructor(
    message: string,
    readonly rule: string = 'IMPORT.FILE_UNREADABLE',
  ) {
    super(message);
    this.name = 'UnreadableTable';
  }
}

/** An XLSX file is a ZIP archive: it starts with a local file header, `PK\x03\x04`. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads a CSV (UTF-8 with or without BOM, or GB18030) or an XLSX workbook's first worksheet. */
export async function readTable(bytes: Buffer): Promise<Table> {
  const table = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if (table.header.length === 0 || table.header.every((name) => name === '')) throw new UnreadableTable('the file has no header row', 'IMPORT.HEADER_MISSING');
  if (table.rows.length > importRowsMax) {
    throw new UnreadableTable(`${table.rows.length} data rows; one import holds at most ${importRowsMax}`, 'IMPORT.TOO_MANY_ROWS');
  }
  return table;
}

function readCsv(bytes: Buffer): Table {
  let decoded: { text: string; encoding: TextEncodingName };
  let records: ReturnType<typeof parseCsv>;
  try {
    decoded = decodeText(bytes);
    records = parseCsv(decoded.text);
  } catch (error) {
    if (error instanceof UndecodableText || error instanceof CsvSyntaxError) throw new UnreadableTable(error.message);
    throw error;
  }
  const [header, ...rows] = records;
  // A header below blank lines is not a header: row 1 is.
  if (header === undefined || header.row !== 1) return { format: decoded.encoding, header: [], rows: [] };
  return { format: decoded.encoding, header: header.cells, rows };
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new UnreadableTable(`the file looks like XLSX but cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new UnreadableTable('the workbook has no worksheet');
  const header: string[] = [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    // row.values is 1-based and sparse: index 0 is always empty.
    const values = row.values as unknown[];
    for (let column = 1; column < values.length; column++) cells.push(cellOf(values[column]));
    if (rowNumber === 1) header.push(...cells.map((cell) => (typeof cell === 'string' ? cell : String(cell))));
    else if (cells.some((cell) => cell !== '')) rows.push({ row: rowNumber, cells });
  });
  return { format: 'xlsx', header: trimTrailingEmpty(header), rows };
}

function trimTrailingEmpty(header: string[]): string[] {
  let end = header.length;
  while (end > 0 && header[end - 1] === '') end -= 1;
  return header.slice(0, end);
}

/** An ExcelJS cell value as a Cell: formulas by their cached result, rich text and links by their text. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object['richText'])) return (object['richText'] as { text?: unknown }[]).map((part) => String(part.text ?? '')).join('');
    if ('result' in object) return cellOf(object['result']);
    if (typeof object['text'] === 'string') return object['text'];
    // A cell error (#N/A, #REF!): its code, which no field accepts, so the row is reported.
    if (typeof object['error'] === 'string') return object['error'];
  }
  return String(value);
}
