import { invariant, RegionCode, streams, type RectificationOpened } from '@ledger/domain';
import { type LogPlace, getRow, putRow, requireRow, type RowProgram } from '@ledger/projections';
import { addDays } from './dates';
import { putWarning } from './warning-rows';
import { warningsTables as t, type RectificationRow } from './warnings.tables';

/**
 * RECTIFICATION.OVERDUE, one warning per task (任务清单): a task still open the day after its
 * deadline. Raised on deadline + 1; a task closed after its deadline clears it on the closing
 * date (it was overdue until then); one closed by its deadline never raises it. A reopened task
 * (反弹) is open again: overdue from its deadline on, as the item's deadline list still says.
 * Subject: the item's stream, `{rectificationId}:{taskId}`.
 */

/** `[taskId, deadline, closedOn | null]`. */
type Task = [string, string, string | null];

export function* rectificationOpened(data: RectificationOpened['data'], place: LogPlace): RowProgram<RectificationRow> {
  invariant((yield* getRow(t.rectifications, { rectification_id: data.rectificationId })) === undefined, `rectification ${data.rectificationId} opened twice`);
  const item: RectificationRow = {
    rectification_id: data.rectificationId,
    county: RegionCode.of(data.regionCode).county(),
    region: data.regionCode,
    from_warning: data.fromWarning ?? null,
    tasks: JSON.stringify(data.tasks.map((task): Task => [task.taskId, task.deadline, null])),
    position: place.position,
  };
  yield* putRow(t.rectifications, item);
  for (const task of JSON.parse(item.tasks) as Task[]) yield* judgeTask(item, task, place);
  return item;
}

/** Sets the closing date of the named tasks (null: reopened) and judges them again. */
export function* tasksChanged(rectificationId: string, taskIds: readonly string[], closedOn: string | null, place: LogPlace): RowProgram<RectificationRow> {
  const before = yield* requireRow(t.rectifications, { rectification_id: rectificationId }, 'rectification task');
  const tasks = (JSON.parse(before.tasks) as Task[]).map((task): Task => (taskIds.includes(task[0]) ? [task[0], task[1], closedOn] : task));
  const item = { ...before, tasks: JSON.stringify(tasks) };
  yield* putRow(t.rectifications, item);
  for (const task of tasks) if (taskIds.includes(task[0])) yield* judgeTask(item, task, place);
  return item;
}

export function* rectificationOf(rectificationId: string): RowProgram<RectificationRow> {
  return yield* requireRow(t.rectifications, { rectification_id: rectificationId }, 'rectification');
}

function* judgeTask(item: RectificationRow, [taskId, deadline, closedOn]: Task, place: LogPlace): RowProgram {
  const late = closedOn === null || closedOn > deadline;
  yield* putWarning(
    {
      rule: 'RECTIFICATION.OVERDUE',
      subject: { stream: streams.rectification(item.rectification_id), id: `${item.rectification_id}:${taskId}` },
      county: item.county,
      region: item.region,
      holds: late,
      raisedOn: addDays(deadline, 1),
      clearedOn: closedOn,
      evidence: [item.position],
      details: { rectificationId: item.rectification_id, taskId, deadline, closedOn },
    },
    place,
  );
}
