/**
 * RFC 4180 CSV, as county finance systems and spreadsheets write it: fields separated by `,`,
 * records by CRLF or LF, a field quoted with `"` when it holds `,`, `"` (written `""`) or a line
 * break. Records are numbered as a spreadsheet shows them (the header is row 1), so a quoted
 * line break does not shift the numbers of the rows after it.
 */

/** Columns a record may have: the widest command body has a dozen fields; this leaves room and bounds a hostile file. */
export const csvColumnsMax = 200;

export interface CsvRecord {
  /** 1-based, as a spreadsheet shows it: the header is row 1. */
  readonly row: number;
  readonly cells: readonly string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(`row ${row}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const quote = 0x22;
const comma = 0x2c;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * Every record of `text` (already decoded, without a BOM). A record with a single empty field (an
 * empty line) is skipped, as spreadsheets leave them at the end; it still counts as a row.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let row = 1;
  let at = 0;
  const length = text.length;
  while (at <= length) {
    const field = readField(text, at, row);
    cells.push(field.value);
    if (cells.length > csvColumnsMax) throw new CsvSyntaxError(row, `more than ${csvColumnsMax} columns`);
    at = field.next;
    const terminator = at < length ? text.charCodeAt(at) : -1;
    if (terminator === comma) {
      at += 1;
      continue;
    }
    // End of record: a line break (CRLF, LF or a lone CR) or the end of the text.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ row, cells });
    cells = [];
    row += 1;
    if (terminator === -1) break;
    at += terminator === carriageReturn && text.charCodeAt(at + 1) === lineFeed ? 2 : 1;
    if (at === length) break;
  }
  return records;
}

/** One field starting at `at`; `next` is the index of the character after it (a separator, a line break or the end). */
function readField(text: string, at: number, row: number): { value: string; next: number } {
  if (text.charCodeAt(at) !== quote) {
    let end = at;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === comma || code === lineFeed || code === carriageReturn) break;
      end += 1;
    }
    return { value: text.slice(at, end), next: end };
  }
  const parts: string[] = [];
  let from = at + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close === -1) throw new CsvSyntaxError(row, 'a quoted field is not closed');
    parts.push(text.slice(from, close));
    if (text.charCodeAt(close + 1) === quote) {
      parts.push('"');
      from = close + 2;
      continue;
    }
    const next = close + 1;
    const after = next < text.length ? text.charCodeAt(next) : -1;
    if (after !== -1 && after !== comma && after !== lineFeed && after !== carriageReturn) {
      throw new CsvSyntaxError(row, 'a closing quote must end its field');
    }
    return { value: parts.join(''), next };
  }
}
