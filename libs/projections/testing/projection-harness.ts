import type { LedgerEvent } from '../src/events/ledger-event';
import type { Projection } from '../src/projection';
import type { ReadModel } from '../src/read-model/read-model';
import { dumpTable } from '../src/read-model/dump';
import type { AnyTableDef } from '../src/rows/table';
import { recordedFrom } from './ledger-events';

/**
 * Given events → rows: applies events to projections in a read model as the runner would (one
 * page per `given`, with checkpoints), numbering positions on from the last call.
 */
export interface ProjectionHarness {
  readonly readModel: ReadModel;
  /** The position of the last event applied. */
  readonly position: bigint;
  given(...events: readonly (LedgerEvent | readonly LedgerEvent[])[]): Promise<void>;
  rows(def: AnyTableDef): Promise<unknown[][]>;
}

export async function projectionHarness(readModel: ReadModel, projections: readonly Projection[]): Promise<ProjectionHarness> {
  await readModel.install(projections);
  let position = (await readModel.checkpoints(projections)).values().next().value ?? 0n;
  return {
    readModel,
    get position() {
      return position;
    },
    async given(...events) {
      const flat = events.flat() as LedgerEvent[];
      if (flat.length === 0) return;
      await readModel.applyPage(projections, recordedFrom(position + 1n, flat), { ignoredTypes: new Set() });
      position += BigInt(flat.length);
    },
    async rows(def) {
      return (await dumpTable(readModel, def)).map((line) => JSON.parse(line) as unknown[]);
    },
  };
}
