import { assertNever, type Decider } from '../shared/decider';
import { invariant, refuse } from '../shared/domain-error';
import { businessDate, type BusinessDate } from '../shared/business-date';
import { entityId, requiredText } from '../shared/reference-data';
import { assertNoPersonalData } from '../shared/personal-data';
import { RegionCode, regionCodeEdition } from '../shared/region-code';
import type {
  CloseRectification,
  CloseRectificationTask,
  OpenRectification,
  RectificationCommand,
  ReopenRectification,
} from './rectification.commands';
import type {
  RectificationClosed,
  RectificationEvent,
  RectificationOpened,
  RectificationReopened,
  RectificationTask,
  RectificationTaskClosed,
} from './rectification.events';
import type { OpenedRectification, RectificationState, RectificationTaskState } from './rectification.state';

/**
 * Tasks on one item. Seed 002 broke 60 problems into 226 tasks (about 4 each); a hundred is far
 * above practice and keeps one event small enough to serve from the public log forever.
 */
export const rectificationTasksMax = 100;

function notBefore(on: BusinessDate, earliest: BusinessDate, field: string): void {
  if (on < earliest) refuse('RECTIFICATION.DATED_BACKWARDS', `${field} ${on} is before ${earliest}`, { field, on, earliest });
}

function existing(state: RectificationState, rectificationId: string): OpenedRectification {
  if (state.status === 'none') return refuse('RECTIFICATION.NOT_FOUND', `rectification ${rectificationId} does not exist`, { rectificationId });
  return state;
}

function stillOpen(state: RectificationState, rectificationId: string): OpenedRectification {
  const item = existing(state, rectificationId);
  if (item.status === 'closed') refuse('RECTIFICATION.ALREADY_CLOSED', `rectification ${item.rectificationId} is closed`, { rectificationId });
  return item;
}

function distinct(ids: readonly string[]): void {
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) refuse('RECTIFICATION.TASK_DUPLICATE', `task ${duplicate} is listed twice`, { taskId: duplicate });
}

function task(input: RectificationTask, openedOn: BusinessDate, i: number): RectificationTask {
  const field = `tasks[${i}]`;
  const taskId = entityId(input?.taskId, `${field}.taskId`);
  const description = requiredText(input.description, `${field}.description`);
  const responsibleUnit = requiredText(input.responsibleUnit, `${field}.responsibleUnit`);
  assertNoPersonalData({ [`${field}.description`]: description, [`${field}.responsibleUnit`]: responsibleUnit });
  const deadline = businessDate(input.deadline, `${field}.deadline`);
  notBefore(deadline, openedOn, `${field}.deadline`);
  return { taskId, description, responsibleUnit, deadline };
}

function open({ data }: OpenRectification, state: RectificationState): RectificationOpened[] {
  const rectificationId = entityId(data.rectificationId, 'rectificationId');
  if (state.status !== 'none') refuse('RECTIFICATION.ALREADY_EXISTS', `rectification ${rectificationId} already exists`, { rectificationId });
  const regionCode = RegionCode.of(data.regionCode).toString();
  const problem = requiredText(data.problem, 'problem');
  assertNoPersonalData({ problem });
  const openedOn = businessDate(data.openedOn, 'openedOn');
  if (!Array.isArray(data.tasks) || data.tasks.length === 0) refuse('RECTIFICATION.TASKS_REQUIRED', 'an item needs at least one task', {});
  if (data.tasks.length > rectificationTasksMax) {
    refuse('FIELD.TOO_LONG', `at most ${rectificationTasksMax} tasks per item`, { field: 'tasks', lengthMax: rectificationTasksMax });
  }
  const tasks = data.tasks.map((input, i) => task(input, openedOn, i));
  distinct(tasks.map((t) => t.taskId));
  const fromWarning = data.fromWarning === undefined ? {} : { fromWarning: entityId(data.fromWarning, 'fromWarning') };
  return [{ type: 'RectificationOpened', data: { rectificationId, regionCode, problem, tasks, ...fromWarning, openedOn, regionCodeEdition } }];
}

function evidenceText(input: unknown): string {
  const evidence = requiredText(input, 'evidence');
  assertNoPersonalData({ evidence });
  return evidence;
}

function closeTask({ data }: CloseRectificationTask, state: RectificationState): RectificationTaskClosed[] {
  const item = stillOpen(state, data.rectificationId);
  const current = item.tasks.get(data.taskId);
  if (!current) return refuse('RECTIFICATION.TASK_NOT_FOUND', `no task ${data.taskId} on this item`, { taskId: data.taskId });
  if (current.closedOn !== null) refuse('RECTIFICATION.TASK_ALREADY_CLOSED', `task ${current.taskId} is closed`, { taskId: current.taskId });
  const evidence = evidenceText(data.evidence);
  const on = businessDate(data.on, 'on');
  notBefore(on, item.roundStartedOn, 'on');
  return [{ type: 'RectificationTaskClosed', data: { rectificationId: item.rectificationId, taskId: current.taskId, evidence, on } }];
}

function close({ data }: CloseRectification, state: RectificationState): RectificationClosed[] {
  const item = stillOpen(state, data.rectificationId);
  const tasks = [...item.tasks.values()];
  const open = tasks.filter((t) => t.closedOn === null).map((t) => t.taskId);
  if (open.length > 0) refuse('RECTIFICATION.TASKS_OPEN', `${open.length} task(s) still open`, { taskIds: open });
  const evidence = evidenceText(data.evidence);
  const on = businessDate(data.on, 'on');
  const lastTaskClosedOn = tasks.reduce((latest, t) => (t.closedOn !== null && t.closedOn > latest ? t.closedOn : latest), item.roundStartedOn);
  notBefore(on, lastTaskClosedOn, 'on');
  return [{ type: 'RectificationClosed', data: { rectificationId: item.rectificationId, evidence, on } }];
}

function reopen({ data }: ReopenRectification, state: RectificationState): RectificationReopened[] {
  const item = existing(state, data.rectificationId);
  if (item.status !== 'closed') refuse('RECTIFICATION.NOT_CLOSED', `rectification ${item.rectificationId} is open`, {});
  const reason = requiredText(data.reason, 'reason');
  assertNoPersonalData({ reason });
  if (!Array.isArray(data.taskIds) || data.taskIds.length === 0) refuse('RECTIFICATION.TASKS_REQUIRED', 'name the tasks that reopen', {});
  const unknown = data.taskIds.find((taskId) => !item.tasks.has(taskId));
  if (unknown !== undefined) refuse('RECTIFICATION.TASK_NOT_FOUND', `no task ${unknown} on this item`, { taskId: unknown });
  distinct(data.taskIds);
  const on = businessDate(data.on, 'on');
  notBefore(on, item.closedOn ?? item.roundStartedOn, 'on');
  return [{ type: 'RectificationReopened', data: { rectificationId: item.rectificationId, reason, taskIds: [...data.taskIds], on } }];
}

function withTasks(item: OpenedRectification, taskIds: readonly string[], closedOn: BusinessDate | null): OpenedRectification {
  const tasks = new Map(item.tasks);
  for (const taskId of taskIds) {
    const current = tasks.get(taskId);
    invariant(current !== undefined, `rectification ${item.rectificationId} has no task ${taskId}`);
    invariant((current.closedOn === null) !== (closedOn === null), `task ${taskId} is already ${closedOn ? 'closed' : 'open'}`);
    tasks.set(taskId, { ...current, closedOn });
  }
  return { ...item, tasks };
}

function opened(event: RectificationOpened, state: RectificationState): OpenedRectification {
  invariant(state.status === 'none', `rectification ${event.data.rectificationId} opened twice`);
  const { rectificationId, regionCode, problem, openedOn } = event.data;
  const tasks = new Map<string, RectificationTaskState>(event.data.tasks.map((t) => [t.taskId, { ...t, closedOn: null }]));
  const fromWarning = event.data.fromWarning ?? null;
  return { status: 'open', rectificationId, regionCode, problem, fromWarning, openedOn, roundStartedOn: openedOn, closedOn: null, tasks };
}

function evolve(state: RectificationState, event: RectificationEvent): RectificationState {
  if (event.type === 'RectificationOpened') return opened(event, state);
  invariant(state.status !== 'none', `${event.type} on rectification ${event.data.rectificationId}, which was never opened`);
  switch (event.type) {
    case 'RectificationTaskClosed':
      invariant(state.status === 'open', `task closed on closed rectification ${state.rectificationId}`);
      return withTasks(state, [event.data.taskId], event.data.on);
    case 'RectificationClosed':
      invariant(state.status === 'open', `rectification ${state.rectificationId} closed twice`);
      invariant([...state.tasks.values()].every((t) => t.closedOn !== null), `rectification ${state.rectificationId} closed with open tasks`);
      return { ...state, status: 'closed', closedOn: event.data.on };
    case 'RectificationReopened':
      invariant(state.status === 'closed', `rectification ${state.rectificationId} reopened while open`);
      return { ...withTasks(state, event.data.taskIds, null), status: 'open', closedOn: null, roundStartedOn: event.data.on };
    default:
      return assertNever(event, 'rectification event');
  }
}

/** The rectification ledger (整改台账), one item per stream `rectification-{rectificationId}`. */
export const rectificationDecider: Decider<RectificationCommand, RectificationEvent, RectificationState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'OpenRectification':
        return open(command, state);
      case 'CloseRectificationTask':
        return closeTask(command, state);
      case 'CloseRectification':
        return close(command, state);
      case 'ReopenRectification':
        return reopen(command, state);
      default:
        return assertNever(command, 'rectification command');
    }
  },
  evolve,
};
