/** CSV as the demo writes it: UTF-8 with BOM, LF, header row; quoted only when needed (RFC 4180). */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean;
export type CsvRow = Readonly<Record<string, CsvValue>>;

function cell(value: CsvValue): string {
  const text = String(value);
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly CsvRow[]): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const v = row[c];
          if (v === undefined) throw new Error(`row has no column ${c}: ${JSON.stringify(row)}`);
          return cell(v);
        })
        .join(','),
    );
  }
  return `${BOM}${lines.join('\n')}\n`;
}

/** Parses RFC 4180 CSV (optional BOM; LF or CRLF); refuses malformed quoting. Returns the raw records. */
export function parseCsvRecords(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let fieldStarted = false;
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') throw new Error(`character after closing quote at ${i}`);
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (fieldStarted && field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      record.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Header + rows as objects; every row must have exactly the header's number of fields. */
export function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const records = parseCsvRecords(text);
  const header = records[0];
  if (!header) throw new Error('empty CSV');
  const rows = records.slice(1).map((r, n) => {
    if (r.length !== header.length) throw new Error(`row ${n + 2} has ${r.length} fields, header has ${header.length}`);
    const row: Record<string, string> = {};
    header.forEach((c, i) => (row[c] = r[i] as string));
    return row;
  });
  return { columns: header, rows };
}
