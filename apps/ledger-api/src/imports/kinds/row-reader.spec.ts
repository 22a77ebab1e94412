import { Allow, IsArray, IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';
import type { Principal } from '../../access/principal';
import type { CommandOrigin } from '../../commands/command-executor';
import { LedgerCommand } from '../../commands/ledger-command';
import { IsEntityId, IsPositiveMoney, IsRegionCode } from '../../http/validation/domain-value.decorators';
import { NestedObject } from '../../http/validation/nested.decorators';
import type { Cell } from '../file/read-table';
import { importKind } from './import-kind';
import { RowReader } from './row-reader';

class PoolRef {
  @IsRegionCode({ digits: 6 }) countyCode!: string;
  @IsInt() fiscalYear!: number;
}

class Source {
  @IsOptional() @IsEntityId() allocationId?: string;
  @IsOptional() @NestedObject(() => PoolRef) pool?: PoolRef;
}

class Body {
  @IsEntityId() fundingId!: string;
  @IsPositiveMoney() amount!: string;
  @IsInt() fiscalYear!: number;
  @IsBoolean() householdLevel!: boolean;
  @IsArray() @IsString({ each: true }) targets!: string[];
  @NestedObject(() => Source) source!: Source;
  @IsOptional() @Allow() payee?: string | { householdRef: string };
  @IsOptional() @IsString() listedOn?: string;
}

class Funding extends LedgerCommand<Body, { projectId: string }> {}

const kind = importKind({
  kind: 'fundings',
  route: 'POST /v1/projects/{projectId}/fundings',
  body: Body,
  path: ['projectId'],
  roles: ['finance'],
  partyColumns: ['payee'],
  requiredColumns: ['listedOn'],
  command: Funding,
});

const header = ['projectId', 'fundingId', 'amount', 'fiscalYear', 'householdLevel', 'targets', 'source.allocationId', 'source.pool.countyCode', 'source.pool.fiscalYear', 'payee', 'listedOn'];
const knownRegions = new Set(['513336']);
const reader = new RowReader(kind, header, (code) => knownRegions.has(code));

function row(values: Partial<Record<string, Cell>>, number = 2): { row: number; cells: Cell[] } {
  return { row: number, cells: header.map((name) => values[name] ?? '') };
}

const valid = { projectId: 'p-1', fundingId: 'f-1', amount: '100.00', fiscalYear: '2017', householdLevel: 'true', targets: 'roads | bridges', 'source.allocationId': 'a-1', listedOn: '2017-01-01' };

async function errorsOf(values: Partial<Record<string, Cell>>): Promise<[number, string, string][]> {
  const read = await reader.read(row(values, 7));
  if (read.ok) throw new Error('expected the row to be refused');
  return read.errors.map(({ row, field, rule }) => [row, field, rule]);
}

describe('reading a row of a kind', () => {
  it('turns cells into the JSON the route’s body takes: numbers, booleans, arrays, nested objects, parties; path ids apart', async () => {
    const read = await reader.read(row({ ...valid, payee: 'hh-513336-0001' }));
    expect(read).toMatchObject({ ok: true, row: 2, path: { projectId: 'p-1' } });
    if (!read.ok) return;
    expect(read.body).toBeInstanceOf(Body);
    expect(read.body).toEqual({
      fundingId: 'f-1',
      amount: '100.00',
      fiscalYear: 2017,
      householdLevel: true,
      targets: ['roads', 'bridges'],
      source: { allocationId: 'a-1' },
      payee: { householdRef: 'hh-513336-0001' },
      listedOn: '2017-01-01',
    });
  });

  it('takes a unit’s name as a party, Excel’s TRUE, XLSX numbers and dates', async () => {
    const cells = { ...valid, 'source.allocationId': '', 'source.pool.countyCode': '513336', 'source.pool.fiscalYear': 2017, householdLevel: 'FALSE', fiscalYear: 2017, payee: '乡城县交通运输局', listedOn: new Date(Date.UTC(2017, 0, 1)) };
    const read = await reader.read(row(cells));
    expect(read.ok && read.body).toMatchObject({ householdLevel: false, fiscalYear: 2017, payee: '乡城县交通运输局', source: { pool: { countyCode: '513336', fiscalYear: 2017 } }, listedOn: '2017-01-01' });
  });

  it('reports every rule a cell breaks, with the row and the column, as the route would', async () => {
    expect(await errorsOf({ ...valid, amount: '1.234', fiscalYear: '2017.5', householdLevel: 'yes' })).toEqual([
      [7, 'amount', 'MONEY.INVALID'],
      [7, 'fiscalYear', 'isInt'],
      [7, 'householdLevel', 'isBoolean'],
    ]);
  });

  it('needs every path id, and the columns an import must state', async () => {
    expect(await errorsOf({ ...valid, projectId: '', listedOn: '' })).toEqual([
      [7, 'projectId', 'FIELD.REQUIRED'],
      [7, 'listedOn', 'FIELD.REQUIRED'],
    ]);
  });

  it('checks that region codes exist, once the row is otherwise valid', async () => {
    expect(await errorsOf({ ...valid, 'source.allocationId': '', 'source.pool.countyCode': '999999', 'source.pool.fiscalYear': '2017' })).toEqual([
      [7, 'source.pool.countyCode', 'REGION.UNKNOWN'],
    ]);
  });
});

describe('the header of a kind’s file', () => {
  const headerRules = (names: string[]) => new RowReader(kind, names, () => true).headerErrors.map(({ row, field, rule }) => [row, field, rule]);

  it('may leave out optional columns and order the columns freely', () => {
    expect(headerRules(['listedOn', 'amount', 'fiscalYear', 'fundingId', 'projectId', 'householdLevel', 'targets', 'source.allocationId'])).toEqual([]);
  });

  it('names, at row 1, each unknown, repeated and missing column', () => {
    expect(headerRules(['projectId', 'fundingId', 'fundingId', 'amout', 'fiscalYear', 'householdLevel', 'targets'])).toEqual([
      [1, 'fundingId', 'IMPORT.COLUMN_DUPLICATE'],
      [1, 'amout', 'FIELD.UNKNOWN'],
      [1, 'amount', 'IMPORT.COLUMN_MISSING'],
      [1, 'listedOn', 'IMPORT.COLUMN_MISSING'],
    ]);
  });
});

describe('a kind’s command', () => {
  it('is the route’s own command class, with the body and the path', () => {
    const origin: CommandOrigin = { principalId: 'p', idempotencyKey: 'k', requestId: 'r' };
    const principal: Principal = { id: 'p', role: 'finance', regionPrefix: '513336' };
    const command = kind.command(origin, principal, { fundingId: 'f-1' }, { projectId: 'p-1' });
    expect(command).toBeInstanceOf(Funding);
    expect(command).toMatchObject({ origin, principal, body: { fundingId: 'f-1' }, path: { projectId: 'p-1' } });
  });
});
