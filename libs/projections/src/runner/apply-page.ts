import { invariant } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { decodeLedgerEvent, type LedgerEvent, type LogPlace } from '../events/ledger-event';
import type { Projection } from '../projection';
import { getRow, putRow, runAsync, runSync, type AsyncRowExecutor, type RowProgram, type SyncRowExecutor } from '../rows/row-ops';
import { table } from '../rows/table';

export interface CheckpointRow {
  readonly projection: string;
  readonly version: number;
  /** The last position applied; 0 before the first event. */
  readonly position: bigint;
}

/** One row per projection: written in the same transaction as the rows of the events it counts. */
export const checkpointTable = table<CheckpointRow>('projection_checkpoints', { projection: 'text', version: 'int', position: 'bigint' }, ['projection']);

/**
 * Fault injection for the crash tests: called inside the page transaction after a projection's
 * rows are written and before its checkpoint is. Throwing there must roll both back.
 */
export interface ProjectionFaults {
  afterRowsBeforeCheckpoint?(projection: string, lastPosition: bigint): void;
}

export interface ApplyOptions {
  readonly ignoredTypes: ReadonlySet<string>;
  readonly faults?: ProjectionFaults;
}

/** What one page did to one projection. */
export interface PageOutcome {
  /** Checkpoint after the page, per projection. */
  readonly checkpoints: ReadonlyMap<string, bigint>;
  /** Projections whose checkpoint is before the page (a gap): they were left for a catch-up. */
  readonly behind: readonly string[];
}

interface DecodedEvent {
  readonly place: LogPlace;
  readonly event: LedgerEvent | null;
}

/** The outcome of one page for one projection. */
type ProjectionStep =
  | { readonly kind: 'applied'; readonly last: bigint }
  | { readonly kind: 'current'; readonly position: bigint }
  | { readonly kind: 'behind'; readonly position: bigint };

function decodePage(page: readonly RecordedEvent[], options: ApplyOptions): DecodedEvent[] {
  return page.map((recorded, index) => {
    invariant(index === 0 || recorded.position === page[index - 1]!.position + 1n, `page has a hole before position ${recorded.position}`);
    return { place: { position: recorded.position, recordedAt: recorded.recordedAt }, event: decodeLedgerEvent(recorded, options.ignoredTypes) };
  });
}

/**
 * The rule that makes a crash harmless: a projection applies exactly the events that continue its
 * checkpoint (positions checkpoint+1, +2, … without a hole), and the runner writes the new
 * checkpoint in the same transaction. Events at or before the checkpoint were applied already and
 * are skipped; a page that starts after checkpoint+1 would skip events, so the projection is left
 * behind for a catch-up, never advanced over the hole.
 */
function* applyToProjection(projection: Projection, decoded: readonly DecodedEvent[]): RowProgram<ProjectionStep> {
  const stored = yield* getRow(checkpointTable, { projection: projection.name });
  invariant(stored !== undefined && stored.version === projection.version, `projection ${projection.name} is not installed at version ${projection.version}`);
  const todo = decoded.filter((d) => d.place.position > stored.position);
  if (todo.length === 0) return { kind: 'current', position: stored.position };
  if (todo[0]!.place.position !== stored.position + 1n) return { kind: 'behind', position: stored.position };
  for (const { place, event } of todo) if (event !== null) yield* projection.apply(event, place);
  return { kind: 'applied', last: todo[todo.length - 1]!.place.position };
}

function* writeCheckpoint(projection: Projection, position: bigint): RowProgram {
  yield* putRow(checkpointTable, { projection: projection.name, version: projection.version, position });
}

function outcomeOf(steps: ReadonlyMap<string, ProjectionStep>): PageOutcome {
  const checkpoints = new Map<string, bigint>();
  const behind: string[] = [];
  for (const [name, step] of steps) {
    checkpoints.set(name, step.kind === 'applied' ? step.last : step.position);
    if (step.kind === 'behind') behind.push(name);
  }
  return { checkpoints, behind };
}

export function applyPageSync(executor: SyncRowExecutor, projections: readonly Projection[], page: readonly RecordedEvent[], options: ApplyOptions): PageOutcome {
  const decoded = decodePage(page, options);
  const steps = new Map<string, ProjectionStep>();
  for (const projection of projections) {
    const step = runSync(applyToProjection(projection, decoded), executor);
    if (step.kind === 'applied') {
      options.faults?.afterRowsBeforeCheckpoint?.(projection.name, step.last);
      runSync(writeCheckpoint(projection, step.last), executor);
    }
    steps.set(projection.name, step);
  }
  return outcomeOf(steps);
}

export async function applyPageAsync(
  executor: AsyncRowExecutor & { flush(): Promise<void> },
  projections: readonly Projection[],
  page: readonly RecordedEvent[],
  options: ApplyOptions,
): Promise<PageOutcome> {
  const decoded = decodePage(page, options);
  const steps = new Map<string, ProjectionStep>();
  for (const projection of projections) {
    const step = await runAsync(applyToProjection(projection, decoded), executor);
    if (step.kind === 'applied') {
      if (options.faults?.afterRowsBeforeCheckpoint !== undefined) {
        await executor.flush(); // the rows are in the database, the checkpoint not yet
        options.faults.afterRowsBeforeCheckpoint(projection.name, step.last);
      }
      await runAsync(writeCheckpoint(projection, step.last), executor);
    }
    steps.set(projection.name, step);
  }
  await executor.flush();
  return outcomeOf(steps);
}

/** The stored checkpoints (0 for a projection never installed). */
export function* readCheckpoints(projections: readonly Projection[]): RowProgram<Map<string, bigint>> {
  const checkpoints = new Map<string, bigint>();
  for (const projection of projections) {
    const stored = yield* getRow(checkpointTable, { projection: projection.name });
    checkpoints.set(projection.name, stored?.position ?? 0n);
  }
  return checkpoints;
}

/** The stored version of each installed projection (absent: never installed). */
export function* storedVersions(projections: readonly Projection[]): RowProgram<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const projection of projections) {
    const stored = yield* getRow(checkpointTable, { projection: projection.name });
    if (stored !== undefined) versions.set(projection.name, stored.version);
  }
  return versions;
}
