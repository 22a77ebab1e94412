import type { Kysely } from 'kysely';
import { consistentReadAttemptsMax } from '../limits';
import type { ReadModelSchema } from './read-schema';
import { sqlInteger } from '../shared/fen';
import { ProjectionError } from '../shared/projection-error';

/**
 * Runs a read of several queries against a consistent state of the named projections and says
 * which log position it reflects: the lowest of their checkpoints. Appends may commit between two
 * queries (inline on SQLite they commit on the very connection the reads use, so a transaction
 * cannot be held open across awaits; on PostgreSQL a page may commit meanwhile), so the
 * checkpoints are read before and after the work, and the work is done again if they moved.
 * A read model that keeps moving through every attempt answers PROJECTION.BEHIND (retry).
 */
export async function readConsistently<T>(
  db: Kysely<ReadModelSchema>,
  projections: readonly string[],
  work: () => Promise<T>,
): Promise<{ readonly value: T; readonly position: bigint }> {
  for (let attempt = 1; ; attempt++) {
    const before = await checkpointOf(db, projections);
    const value = await work();
    const after = await checkpointOf(db, projections);
    if (after.key === before.key) return { value, position: before.position };
    if (attempt >= consistentReadAttemptsMax) {
      throw new ProjectionError('PROJECTION.BEHIND', `the read model moved during ${consistentReadAttemptsMax} attempts to read it`, {
        position: after.position.toString(),
      });
    }
  }
}

/** The lowest checkpoint of the named projections (what their rows reflect together), and all of them as a key. */
export async function checkpointOf(db: Kysely<ReadModelSchema>, projections: readonly string[]): Promise<{ position: bigint; key: string }> {
  const rows = await db.selectFrom('projection_checkpoints').select(['projection', 'position']).where('projection', 'in', [...projections]).execute();
  const found = new Map(rows.map((row) => [row.projection, sqlInteger(row.position)]));
  const missing = projections.filter((name) => !found.has(name));
  if (missing.length > 0) throw new ProjectionError('PROJECTION.NOT_INSTALLED', `projections not installed: ${missing.join(', ')}`);
  const positions = projections.map((name) => found.get(name)!);
  return { position: positions.reduce((min, p) => (p < min ? p : min)), key: positions.join(',') };
}
