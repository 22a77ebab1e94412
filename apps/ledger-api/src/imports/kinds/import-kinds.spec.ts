import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoCommandFiles, demoSeedsDir } from '../demo-county';
import { readTable } from '../file/read-table';
import { leafColumnsOf, shapeOf } from './dto-shape';
import { findImportKind, importKinds, kindFromFileName } from './import-kinds';
import { RowReader } from './row-reader';

describe('the import kinds', () => {
  it('have unique names and read their columns from the route’s DTO', () => {
    expect(new Set(importKinds.map((kind) => kind.kind)).size).toBe(importKinds.length);
    for (const kind of importKinds) {
      const columns = leafColumnsOf(shapeOf(kind.body)).map((leaf) => leaf.column);
      expect(columns.length).toBeGreaterThan(0);
      // A path id is a column of its own, never also a body field of the same kind.
      for (const id of kind.path) expect(columns).not.toContain(id);
      for (const column of [...(kind.requiredColumns ?? []), ...(kind.partyColumns ?? [])]) expect(columns).toContain(column);
    }
  });

  it('types each column as the route’s body does', () => {
    const projects = leafColumnsOf(shapeOf(findImportKind('projects')!.body));
    const typeOf = (column: string) => projects.find((leaf) => leaf.column === column)?.type;
    expect([typeOf('fiscalYear'), typeOf('householdLevel'), typeOf('performanceTargets'), typeOf('plannedInvestment')]).toEqual(['number', 'boolean', 'array', 'string']);
    const fundings = leafColumnsOf(shapeOf(findImportKind('fundings')!.body)).map(({ column, required }) => [column, required]);
    expect(fundings).toEqual(expect.arrayContaining([['source.allocationId', false], ['source.pool.countyCode', false], ['amount', true]]));
  });

  it.each([
    ['01-allocations.csv', 'allocations'],
    ['09-disbursement-reversals.csv', 'disbursement-reversals'],
    ['receipts.XLSX', 'receipts'],
    ['/tmp/exports/16-loan-overdue.csv', 'loan-overdue'],
    ['allocations 2017.csv', undefined],
    ['allocations.txt', undefined],
  ])('reads the kind of %s from its name', (name, kind) => {
    expect(kindFromFileName(name)).toBe(kind);
  });
});

const seeds = demoSeedsDir();
const describeSeeds = seeds !== undefined && existsSync(seeds) ? describe : describe.skip;

describeSeeds('the demo county’s files (seeds/demo/513336)', () => {
  it.each(seeds === undefined ? [] : demoCommandFiles(seeds))('%s is a known kind whose header matches', async (name) => {
    const kind = findImportKind(kindFromFileName(name) ?? '');
    expect(kind).toBeDefined();
    const table = await readTable(readFileSync(join(seeds!, name)));
    expect(new RowReader(kind!, table.header, () => true).headerErrors).toEqual([]);
  });
});
