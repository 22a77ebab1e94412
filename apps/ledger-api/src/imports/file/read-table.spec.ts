import ExcelJS from 'exceljs';
import { importRowsMax, readTable, UnreadableTable } from './read-table';

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('first'));
  workbook.addWorksheet('second').addRow(['not read']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading an import file as a table', () => {
  it('reads a CSV: its header, and its rows numbered from 2', async () => {
    const table = await readTable(Buffer.from('\uFEFFa,b\n1,2\n'));
    expect(table).toEqual({ format: 'utf-8-bom', header: ['a', 'b'], rows: [{ row: 2, cells: ['1', '2'] }] });
  });

  it('reads the first worksheet of an XLSX: values as Excel holds them, formulas by their result, rich text as text', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['id', 'year', 'amount', 'on', 'flag', 'text', 'sum']);
      sheet.addRow(['a-1', 2017, 2500.5, new Date(Date.UTC(2017, 5, 1)), true, { richText: [{ text: '川财' }, { text: '农' }] }, { formula: '1+1', result: 2 }]);
      sheet.addRow([]);
      sheet.addRow(['a-2']);
    });
    const table = await readTable(bytes);
    expect(table.format).toBe('xlsx');
    expect(table.header).toEqual(['id', 'year', 'amount', 'on', 'flag', 'text', 'sum']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['a-1', 2017, 2500.5, new Date(Date.UTC(2017, 5, 1)), true, '川财农', 2] },
      { row: 4, cells: ['a-2'] },
    ]);
  });

  it('refuses a file without a header row', async () => {
    await expect(readTable(Buffer.from(''))).rejects.toThrow(UnreadableTable);
    await expect(readTable(Buffer.from('\n\na,b\n'))).rejects.toMatchObject({ rule: 'IMPORT.HEADER_MISSING' });
  });

  it('refuses a ZIP that is not a workbook, and text that is not CSV', async () => {
    await expect(readTable(Buffer.from('PK\x03\x04 not really a zip'))).rejects.toThrow(/XLSX/);
    await expect(readTable(Buffer.from('a,b\n"1,2\n'))).rejects.toMatchObject({ rule: 'IMPORT.FILE_UNREADABLE' });
  });

  it(`refuses more than ${importRowsMax} data rows`, async () => {
    await expect(readTable(Buffer.from(`a\n${'1\n'.repeat(importRowsMax + 1)}`))).rejects.toMatchObject({ rule: 'IMPORT.TOO_MANY_ROWS' });
  });
});
