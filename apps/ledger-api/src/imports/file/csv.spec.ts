import { CsvSyntaxError, csvColumnsMax, parseCsv } from './csv';

describe('reading CSV (RFC 4180)', () => {
  it('splits fields on commas and records on LF, CRLF or a lone CR', () => {
    expect(parseCsv('a,b\n1,2\r\n3,4\r5,6')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
      { row: 4, cells: ['5', '6'] },
    ]);
  });

  it('takes quoted fields with commas, doubled quotes and line breaks, numbering rows as a spreadsheet shows them', () => {
    const records = parseCsv('name,purpose\n"乡城县, 交通局","修路 ""通村""\n第二期"\nnext,row\n');
    expect(records).toEqual([
      { row: 1, cells: ['name', 'purpose'] },
      { row: 2, cells: ['乡城县, 交通局', '修路 "通村"\n第二期'] },
      { row: 3, cells: ['next', 'row'] },
    ]);
  });

  it('keeps empty fields, including a trailing one, and skips empty lines without renumbering the rest', () => {
    expect(parseCsv('a,,c,\n\nx,y,z,w\n')).toEqual([
      { row: 1, cells: ['a', '', 'c', ''] },
      { row: 3, cells: ['x', 'y', 'z', 'w'] },
    ]);
  });

  it('reads nothing from an empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n')).toEqual([]);
  });

  it.each([
    ['an unclosed quote', 'a,b\n1,"2\n', 2],
    ['text after a closing quote', 'a,b\n"1"x,2\n', 2],
  ])('refuses %s, naming the row', (_what, text, row) => {
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
    expect(() => parseCsv(text)).toThrow(new RegExp(`^row ${row}:`));
  });

  it(`refuses a record of more than ${csvColumnsMax} columns`, () => {
    expect(() => parseCsv(','.repeat(csvColumnsMax))).toThrow(/more than/);
    expect(parseCsv(','.repeat(csvColumnsMax - 1))[0]?.cells).toHaveLength(csvColumnsMax);
  });
});
