import { deciderSpec, expectDomainError } from '../../testing';
import { fold } from '../shared/decider';
import { InvariantViolation } from '../shared/domain-error';
import type {
  CloseRectification,
  CloseRectificationTask,
  OpenRectification,
  ReopenRectification,
} from './rectification.commands';
import { rectificationDecider, rectificationTasksMax } from './rectification.decider';
import type { RectificationEvent, RectificationOpened, RectificationTask } from './rectification.events';
import type { OpenedRectification } from './rectification.state';

const spec = deciderSpec(rectificationDecider);
const id = 'r-1';

const tasks: RectificationTask[] = [
  { taskId: 't-1', description: '补齐项目资金公示', responsibleUnit: '县乡村振兴局', deadline: '2020-03-31' },
  { taskId: 't-2', description: '追回违规发放补助', responsibleUnit: '青德镇人民政府', deadline: '2020-05-31' },
];

function open(overrides: Partial<OpenRectification['data']> = {}): OpenRectification {
  return {
    type: 'OpenRectification',
    data: { rectificationId: id, regionCode: '513336', problem: '项目公示不及时', tasks, openedOn: '2020-01-15', ...overrides },
  };
}

function opened(overrides: Partial<RectificationOpened['data']> = {}): RectificationOpened {
  const { data } = open();
  return { type: 'RectificationOpened', data: { ...data, regionCodeEdition: '2023', ...overrides } };
}

const closeTask = (taskId: string, on = '2020-03-01'): CloseRectificationTask => ({
  type: 'CloseRectificationTask',
  data: { rectificationId: id, taskId, evidence: '公示照片及公告编号 GS-2020-014', on },
});
const taskClosed = (taskId: string, on = '2020-03-01'): RectificationEvent => ({ ...closeTask(taskId, on), type: 'RectificationTaskClosed' });

const close = (on = '2020-06-01'): CloseRectification => ({
  type: 'CloseRectification',
  data: { rectificationId: id, evidence: '县整改办销号审核意见', on },
});
const closed = (on = '2020-06-01'): RectificationEvent => ({ ...close(on), type: 'RectificationClosed' });

const reopen = (taskIds: string[] = ['t-2'], on = '2020-09-01'): ReopenRectification => ({
  type: 'ReopenRectification',
  data: { rectificationId: id, reason: '回头看发现问题反弹', taskIds, on },
});
const reopened = (taskIds: string[] = ['t-2'], on = '2020-09-01'): RectificationEvent => ({ ...reopen(taskIds, on), type: 'RectificationReopened' });

const allClosed = [opened(), taskClosed('t-1'), taskClosed('t-2', '2020-05-20')];

describe('opening a rectification item', () => {
  it('records the problem, its tasks, units and deadlines', () => {
    spec.given().when(open()).then(opened());
  });

  it('records the warning it came from and the region at any level', () => {
    spec
      .given()
      .when(open({ fromWarning: 'w-42', regionCode: '513336101201' }))
      .then(opened({ fromWarning: 'w-42', regionCode: '513336101201' }));
  });

  it('refuses an item without tasks', () => {
    spec.given().when(open({ tasks: [] })).thenThrows('RECTIFICATION.TASKS_REQUIRED');
  });

  it('refuses more tasks than one item can hold', () => {
    const many = Array.from({ length: rectificationTasksMax + 1 }, (_, i) => ({ ...tasks[0]!, taskId: `t-${i}` }));
    spec.given().when(open({ tasks: many })).thenThrows('FIELD.TOO_LONG');
  });

  it('refuses a task listed twice', () => {
    spec.given().when(open({ tasks: [tasks[0]!, tasks[0]!] })).thenThrows('RECTIFICATION.TASK_DUPLICATE');
  });

  it('refuses a deadline before the item was opened', () => {
    spec
      .given()
      .when(open({ tasks: [{ ...tasks[0]!, deadline: '2020-01-14' }] }))
      .thenThrows('RECTIFICATION.DATED_BACKWARDS');
  });

  it('refuses personal data in a task, naming the field', () => {
    const leaky = { ...tasks[1]!, responsibleUnit: '联系人电话 13800138000' };
    const error = expectDomainError(() => rectificationDecider.decide(open({ tasks: [tasks[0]!, leaky] }), { status: 'none' }), 'PII.FORBIDDEN');
    expect(error.details).toMatchObject({ field: 'tasks[1].responsibleUnit' });
  });

  it('refuses personal data in the problem', () => {
    spec.given().when(open({ problem: '向账户 4111111111111111 重复发放' })).thenThrows('PII.FORBIDDEN');
  });

  it.each([
    ['rectification id', { rectificationId: '' }, 'FIELD.REQUIRED'],
    ['problem', { problem: ' ' }, 'FIELD.REQUIRED'],
    ['region', { regionCode: '5133' }, 'REGION.INVALID'],
    ['opening date', { openedOn: '2020-13-01' }, 'DATE.INVALID'],
    ['warning id', { fromWarning: 'w 1' }, 'FIELD.REQUIRED'],
  ])('refuses an invalid %s', (_what, overrides, code) => {
    spec.given().when(open(overrides)).thenThrows(code);
  });

  it('refuses to open the same item twice', () => {
    spec.given(opened()).when(open()).thenThrows('RECTIFICATION.ALREADY_EXISTS');
  });
});

describe('closing a task', () => {
  it('records the evidence', () => {
    spec.given(opened()).when(closeTask('t-1')).then(taskClosed('t-1'));
  });

  it('refuses a task the item does not have', () => {
    spec.given(opened()).when(closeTask('t-9')).thenThrows('RECTIFICATION.TASK_NOT_FOUND');
  });

  it('refuses a task already closed', () => {
    spec.given(opened(), taskClosed('t-1')).when(closeTask('t-1')).thenThrows('RECTIFICATION.TASK_ALREADY_CLOSED');
  });

  it('refuses a closure dated before the item was opened', () => {
    spec.given(opened()).when(closeTask('t-1', '2020-01-14')).thenThrows('RECTIFICATION.DATED_BACKWARDS');
  });

  it('refuses on an item that does not exist or is closed', () => {
    spec.given().when(closeTask('t-1')).thenThrows('RECTIFICATION.NOT_FOUND');
    spec.given(...allClosed, closed()).when(closeTask('t-1')).thenThrows('RECTIFICATION.ALREADY_CLOSED');
  });

  it('refuses personal data in the evidence', () => {
    const command = closeTask('t-1');
    spec
      .given(opened())
      .when({ ...command, data: { ...command.data, evidence: '经办人身份证 11010519491231002X' } })
      .thenThrows('PII.FORBIDDEN');
  });
});

describe('closing the item (销号)', () => {
  it('is allowed once every task is closed', () => {
    spec.given(...allClosed).when(close()).then(closed());
  });

  it('is refused while a task is open', () => {
    spec.given(opened(), taskClosed('t-1')).when(close()).thenThrows('RECTIFICATION.TASKS_OPEN');
  });

  it('is refused before the last task was closed', () => {
    spec.given(...allClosed).when(close('2020-05-19')).thenThrows('RECTIFICATION.DATED_BACKWARDS');
  });

  it('is refused twice', () => {
    spec.given(...allClosed, closed()).when(close()).thenThrows('RECTIFICATION.ALREADY_CLOSED');
  });
});

describe('reopening an item', () => {
  it('reopens the item and the named tasks only', () => {
    spec.given(...allClosed, closed()).when(reopen()).then(reopened());
    const state = fold(rectificationDecider, [...allClosed, closed(), reopened()]) as OpenedRectification;
    expect(state.status).toBe('open');
    expect(state.closedOn).toBeNull();
    expect(state.tasks.get('t-1')?.closedOn).toBe('2020-03-01');
    expect(state.tasks.get('t-2')?.closedOn).toBeNull();
  });

  it('needs the reopened task closed again with new evidence, dated after reopening, before 销号', () => {
    const history = [...allClosed, closed(), reopened()];
    spec.given(...history).when(close('2020-10-01')).thenThrows('RECTIFICATION.TASKS_OPEN');
    spec.given(...history).when(closeTask('t-2', '2020-08-31')).thenThrows('RECTIFICATION.DATED_BACKWARDS');
    spec.given(...history, taskClosed('t-2', '2020-09-20')).when(close('2020-10-01')).then(closed('2020-10-01'));
  });

  it('refuses an item that is open', () => {
    spec.given(opened()).when(reopen()).thenThrows('RECTIFICATION.NOT_CLOSED');
  });

  it('refuses an item that does not exist', () => {
    spec.given().when(reopen()).thenThrows('RECTIFICATION.NOT_FOUND');
  });

  it('refuses without tasks, with unknown or repeated tasks, or dated before 销号', () => {
    const history = [...allClosed, closed()];
    spec.given(...history).when(reopen([])).thenThrows('RECTIFICATION.TASKS_REQUIRED');
    spec.given(...history).when(reopen(['t-9'])).thenThrows('RECTIFICATION.TASK_NOT_FOUND');
    spec.given(...history).when(reopen(['t-1', 't-1'])).thenThrows('RECTIFICATION.TASK_DUPLICATE');
    spec.given(...history).when(reopen(['t-1'], '2020-05-31')).thenThrows('RECTIFICATION.DATED_BACKWARDS');
  });

  it('refuses personal data in the reason', () => {
    const command = reopen();
    spec
      .given(...allClosed, closed())
      .when({ ...command, data: { ...command.data, reason: '举报人 13800138000 反映' } })
      .thenThrows('PII.FORBIDDEN');
  });
});

describe('the state of an item', () => {
  it('keeps every deadline and closure date, for the overdue warning', () => {
    const state = fold(rectificationDecider, [opened(), taskClosed('t-1')]) as OpenedRectification;
    expect([...state.tasks.values()].map((t) => [t.taskId, t.deadline, t.closedOn])).toEqual([
      ['t-1', '2020-03-31', '2020-03-01'],
      ['t-2', '2020-05-31', null],
    ]);
  });

  it('stops replaying impossible history', () => {
    expect(() => fold(rectificationDecider, [taskClosed('t-1')])).toThrow(InvariantViolation);
    expect(() => fold(rectificationDecider, [opened(), closed()])).toThrow(InvariantViolation);
    expect(() => fold(rectificationDecider, [opened(), taskClosed('t-1'), taskClosed('t-1')])).toThrow(InvariantViolation);
    expect(() => fold(rectificationDecider, [opened(), reopened()])).toThrow(InvariantViolation);
  });
});
