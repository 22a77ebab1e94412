import type { WarningEvent, WarningState } from '@ledger/domain';
import { type LogPlace, getRow, putRow, type RowProgram } from '@ledger/projections';
import { warningsTables as t, type WorkflowRow } from './warnings.tables';

/**
 * The inspectors' side of a warning, folded from their facts whatever their order:
 * - `resolved`: an inspector resolved it (WarningResolved: final), or every rectification item
 *   opened from it (`RectificationOpened.fromWarning`) is closed (销号);
 * - `rectifying`: an item opened from it is open (reopening an item makes it rectifying again);
 * - `acknowledged`: an inspector acknowledged it;
 * - `open`: none of these.
 * A workflow row can exist before or without its warning (an item may name any warning id).
 */

type ItemStatus = 'open' | 'closed';

function emptyWorkflow(warningId: string, place: LogPlace): WorkflowRow {
  return {
    warning_id: warningId,
    state: 'open',
    acknowledged_on: null,
    acknowledged_note: null,
    resolved_on: null,
    resolved_note: null,
    rectifications: '{}',
    last_position: place.position,
  };
}

export function stateOf(row: Omit<WorkflowRow, 'state'>): WarningState {
  const items = Object.values(JSON.parse(row.rectifications) as Record<string, ItemStatus>);
  if (row.resolved_on !== null) return 'resolved';
  if (items.includes('open')) return 'rectifying';
  if (items.length > 0) return 'resolved';
  return row.acknowledged_on !== null ? 'acknowledged' : 'open';
}

function* updateWorkflow(warningId: string, place: LogPlace, change: (row: WorkflowRow) => WorkflowRow): RowProgram {
  const before = (yield* getRow(t.workflow, { warning_id: warningId })) ?? emptyWorkflow(warningId, place);
  const changed = change(before);
  yield* putRow(t.workflow, { ...changed, state: stateOf(changed), last_position: place.position });
}

export function* warningNoted(event: WarningEvent, place: LogPlace): RowProgram {
  const { warningId, note, on } = event.data;
  yield* updateWorkflow(warningId, place, (row) =>
    event.type === 'WarningAcknowledged' ? { ...row, acknowledged_on: on, acknowledged_note: note } : { ...row, resolved_on: on, resolved_note: note },
  );
}

export function* rectificationItemChanged(warningId: string, rectificationId: string, status: ItemStatus, place: LogPlace): RowProgram {
  yield* updateWorkflow(warningId, place, (row) => ({
    ...row,
    rectifications: JSON.stringify({ ...(JSON.parse(row.rectifications) as Record<string, ItemStatus>), [rectificationId]: status }),
  }));
}
