import { csvCell, csvRow } from './disclosure-csv';

describe('CSV cells of the disclosure export', () => {
  it('quote commas, quotes and line breaks (RFC 4180) and leave the rest as they are', () => {
    expect(csvRow(['乡城县', 'a,b', 'say "hi"', 'two\nlines', 12317, null])).toBe('乡城县,"a,b","say ""hi""","two\nlines",12317,');
  });

  it('keep a spreadsheet from running a cell as a formula, but leave negative numbers alone', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+86')).toBe("'+86");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('-12.50')).toBe('-12.50');
  });
});
