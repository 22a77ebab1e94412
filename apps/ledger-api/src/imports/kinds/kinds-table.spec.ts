import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importKinds } from './import-kinds';
import { renderKindsTable } from './kinds-table';

describe('the README of imports', () => {
  it('lists every kind with the columns its DTO has today', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const table = /<!-- kinds-table:start -->\n([\s\S]*?)\n<!-- kinds-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(renderKindsTable(importKinds));
  });
});
