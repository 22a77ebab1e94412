import { sql } from 'kysely';
import type { Projection } from '../projection';
import { bigintText } from '../rows/row-ops';
import { normalizeRow, type AnyTableDef } from '../rows/table';
import type { ReadModel } from './read-model';

/**
 * A table's rows in primary-key order, each as one JSON line with its values in column order
 * (bigints as text): what a rebuild is compared with, byte for byte.
 */
export async function dumpTable(readModel: ReadModel, def: AnyTableDef): Promise<string[]> {
  const columns = def.columns.map((c) => c.name).join(', ');
  const query = sql.raw<Record<string, unknown>>(`SELECT ${columns} FROM ${def.name} ORDER BY ${def.primaryKey.join(', ')}`);
  const { rows } = await query.execute(readModel.db);
  return rows.map((raw) => {
    const row = normalizeRow<Record<string, unknown>>(def, raw);
    return JSON.stringify(def.columns.map((c) => row[c.name]), bigintText);
  });
}

/** Every table of a projection, by table name. */
export async function dumpProjection(readModel: ReadModel, projection: Projection): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const def of projection.tables) dump[def.name] = await dumpTable(readModel, def);
  return dump;
}
