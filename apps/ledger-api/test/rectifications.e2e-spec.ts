import { beijingDateOf } from '../src/rectifications/beijing-date';
import { type Answer, LedgerUnderTest, tokens } from './support/ledger-under-test';

const rectifications = '/v1/rectifications';

const task = (taskId: string, deadline = '2019-07-31') => ({ taskId, description: '补充公示2019年到户产业项目', responsibleUnit: '香巴拉镇人民政府', deadline });

/** A finding in 渔洼仲村 (513336100201, 乡城县) with two tasks. */
const finding = (overrides: Record<string, unknown> = {}) => ({
  rectificationId: 'r-1',
  regionCode: '513336100201',
  problem: '村级公告栏未公示2019年到户产业项目',
  tasks: [task('t-1'), task('t-2')],
  fromWarning: 'w-2019-017',
  openedOn: '2019-06-01',
  ...overrides,
});

const evidence = (on: string, overrides: Record<string, unknown> = {}) => ({ evidence: '公示照片及村民签字表已归档', on, ...overrides });

describe('rectifications through HTTP (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;
  beforeAll(async () => (ledger = await LedgerUnderTest.start()));
  afterAll(() => ledger.stop());

  /** Posts as the inspector unless told, expects the refusal, and that the ledger did not move. */
  async function refused(path: string, body: unknown, status: number, code: string, token: string = tokens.inspector51): Promise<Answer> {
    const before = await ledger.position();
    const answer = await ledger.post(path, body, { token });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(await ledger.position()).toBe(before);
    return answer;
  }

  async function created(path: string, body: unknown, token: string = tokens.inspector51): Promise<Answer> {
    const answer = await ledger.post(path, body, { token });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 201, code: undefined });
    return answer;
  }

  describe('opening an item', () => {
    it('opens a finding with its tasks on its own stream', async () => {
      const answer = await created(rectifications, finding());
      expect(answer.body).toEqual({ id: 'r-1', position: 1, streams: [{ stream: 'rectification-r-1', revision: 0 }] });
    });

    it('opens on the Beijing date the request arrived when openedOn is left out', async () => {
      const today = beijingDateOf(new Date());
      const yesterday = beijingDateOf(new Date(Date.now() - 86_400_000));
      const undated = { ...finding({ rectificationId: 'r-today' }), openedOn: undefined };
      // A deadline before the opening date is refused: yesterday's is, today's is not.
      await refused(rectifications, { ...undated, tasks: [task('t-1', yesterday)] }, 422, 'RECTIFICATION.DATED_BACKWARDS');
      await created(rectifications, { ...undated, tasks: [task('t-1', today)] });
    });

    it.each([
      ['a task listed twice', { tasks: [task('t-1'), task('t-1')] }, 'RECTIFICATION.TASK_DUPLICATE'],
      ['a deadline before the item was opened', { tasks: [task('t-1', '2019-05-31')] }, 'RECTIFICATION.DATED_BACKWARDS'],
      ['a phone number in the problem', { problem: '举报人电话 13712345678' }, 'PII.FORBIDDEN'],
    ])('refuses %s (422), changing nothing', async (_case, override, code) => {
      await refused(rectifications, finding({ rectificationId: 'r-refused', ...override }), 422, code);
    });

    it('refuses an id used before (409)', async () => {
      await refused(rectifications, finding(), 409, 'RECTIFICATION.ALREADY_EXISTS');
    });

    it('names every bad field, tasks by their index (400)', async () => {
      const body = finding({ rectificationId: 'r-bad', regionCode: '513336100', tasks: [task('t-1', '2019-06-31'), { ...task('t 2'), responsibleUnit: '' }], openedOn: '06/01/2019' });
      const answer = await refused(rectifications, body, 400, 'VALIDATION.FAILED');
      const named = answer.body.errors.map((error: { field: string; rule: string }) => `${error.field}:${error.rule}`);
      expect(named).toEqual(
        expect.arrayContaining(['regionCode:REGION.INVALID', 'tasks.0.deadline:DATE.INVALID', 'tasks.1.taskId:FIELD.REQUIRED', 'tasks.1.responsibleUnit:isLength', 'openedOn:DATE.INVALID']),
      );
    });

    it('refuses an item without tasks (400)', async () => {
      const answer = await refused(rectifications, finding({ rectificationId: 'r-empty', tasks: [] }), 400, 'VALIDATION.FAILED');
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'tasks', rule: 'arrayMinSize' })]);
    });

    it('refuses a region that is not in the national set', async () => {
      await refused(rectifications, finding({ rectificationId: 'r-x', regionCode: '513336100999' }), 400, 'REGION.UNKNOWN');
    });

    it('keeps an inspector to its prefix, lets an admin open anywhere, and refuses finance', async () => {
      const langxi = finding({ rectificationId: 'r-langxi', regionCode: '341821001200' });
      await refused(rectifications, langxi, 403, 'AUTH.FORBIDDEN_REGION');
      await created(rectifications, langxi, tokens.admin);
      await refused(rectifications, finding({ rectificationId: 'r-f' }), 403, 'AUTH.FORBIDDEN_ROLE', tokens.finance513336);
    });
  });

  describe('closing tasks and the item', () => {
    const item = `${rectifications}/r-1`;

    it('closes a task, once', async () => {
      const answer = await created(`${item}/tasks/t-1/closure`, evidence('2019-07-10'));
      expect(answer.body).toMatchObject({ id: 't-1', streams: [{ stream: 'rectification-r-1', revision: 1 }] });
      await refused(`${item}/tasks/t-1/closure`, evidence('2019-07-11'), 422, 'RECTIFICATION.TASK_ALREADY_CLOSED');
    });

    it('refuses a task closed before the item was opened', async () => {
      await refused(`${item}/tasks/t-2/closure`, evidence('2019-05-01'), 422, 'RECTIFICATION.DATED_BACKWARDS');
    });

    it('answers 404 for a task or an item in the path that does not exist', async () => {
      await refused(`${item}/tasks/t-9/closure`, evidence('2019-07-10'), 404, 'RECTIFICATION.TASK_NOT_FOUND');
      await refused(`${rectifications}/r-none/tasks/t-1/closure`, evidence('2019-07-10'), 404, 'RECTIFICATION.NOT_FOUND');
      await refused(`${rectifications}/r-none/closure`, evidence('2019-07-10'), 404, 'RECTIFICATION.NOT_FOUND');
      await refused(`${rectifications}/r-none/reopening`, evidence('2019-07-10'), 404, 'RECTIFICATION.NOT_FOUND');
    });

    it('refuses to strike the item off while a task is open', async () => {
      await refused(`${item}/closure`, evidence('2019-07-20'), 422, 'RECTIFICATION.TASKS_OPEN');
    });

    it('answers a retried task closure with the first answer and appends nothing', async () => {
      const first = await ledger.post(`${item}/tasks/t-2/closure`, evidence('2019-07-15'), { token: tokens.inspector51, key: 'close-t-2' });
      expect(first.status).toBe(201);
      const position = await ledger.position();
      expect(await ledger.post(`${item}/tasks/t-2/closure`, evidence('2019-07-15'), { token: tokens.inspector51, key: 'close-t-2' })).toMatchObject({ status: 201, body: first.body });
      expect(await ledger.position()).toBe(position);
    });

    it('strikes the item off (销号) once every task is closed, once', async () => {
      expect((await created(`${item}/closure`, evidence('2019-07-20'))).body).toMatchObject({ id: 'r-1', streams: [{ stream: 'rectification-r-1', revision: 3 }] });
      await refused(`${item}/closure`, evidence('2019-07-21'), 422, 'RECTIFICATION.ALREADY_CLOSED');
    });

    it('refuses an inspector acting on an item outside its prefix, and finance', async () => {
      await refused(`${rectifications}/r-langxi/tasks/t-1/closure`, evidence('2019-07-10'), 403, 'AUTH.FORBIDDEN_REGION');
      await refused(`${item}/reopening`, evidence('2019-08-01'), 403, 'AUTH.FORBIDDEN_ROLE', tokens.finance513336);
    });

    it('validates the evidence and the date (400)', async () => {
      const answer = await refused(`${item}/closure`, { evidence: '', on: '2019-07-32' }, 400, 'VALIDATION.FAILED');
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['evidence', 'on']));
    });
  });

  describe('reopening (反弹)', () => {
    const item = `${rectifications}/r-1`;

    it('refuses to reopen an item that is open', async () => {
      await refused(`${rectifications}/r-today/reopening`, evidence('2099-01-01'), 422, 'RECTIFICATION.NOT_CLOSED');
    });

    it('refuses a task in the body that the item does not have (422, not 404: the path is fine)', async () => {
      await refused(`${item}/reopening`, evidence('2019-08-01', { taskIds: ['t-9'] }), 422, 'RECTIFICATION.TASK_NOT_FOUND');
      const answer = await refused(`${item}/reopening`, evidence('2019-08-01', { taskIds: [] }), 400, 'VALIDATION.FAILED');
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'taskIds', rule: 'arrayMinSize' })]);
    });

    it('reopens the named tasks only', async () => {
      await created(`${item}/reopening`, evidence('2019-08-01', { taskIds: ['t-2'] }));
      await refused(`${item}/tasks/t-1/closure`, evidence('2019-08-10'), 422, 'RECTIFICATION.TASK_ALREADY_CLOSED');
      await created(`${item}/tasks/t-2/closure`, evidence('2019-08-10'));
      await created(`${item}/closure`, evidence('2019-08-11'));
    });

    it('reopens every task when none is named', async () => {
      await created(`${item}/reopening`, evidence('2019-09-01'));
      await created(`${item}/tasks/t-1/closure`, evidence('2019-09-10'));
      await refused(`${item}/closure`, evidence('2019-09-11'), 422, 'RECTIFICATION.TASKS_OPEN');
    });

    it('scans the evidence of a reopening, which becomes the reason, for personal data', async () => {
      await created(`${item}/tasks/t-2/closure`, evidence('2019-09-10'));
      await created(`${item}/closure`, evidence('2019-09-11'));
      await refused(`${item}/reopening`, evidence('2019-10-01', { evidence: '群众来电 13612345678 反映' }), 422, 'PII.FORBIDDEN');
    });
  });
});
