import type { ArgumentMetadata } from '@nestjs/common';
import { IsString } from 'class-validator';
import { EdgeError } from '../edge-error';
import { IsBusinessDate, IsEntityId, IsFundType, IsPositiveMoney, IsRegionCode } from './domain-value.decorators';
import { NestedArray, NestedObject } from './nested.decorators';
import { createValidationPipe, fieldErrorsMax } from './validation-pipe';

class Task {
  @IsString()
  title!: string;

  @IsBusinessDate()
  deadline!: string;
}

class Source {
  @IsEntityId()
  allocationId!: string;
}

class Plan {
  @IsPositiveMoney()
  amount!: string;

  @IsRegionCode({ digits: 6 })
  countyCode!: string;

  @IsFundType()
  fundType!: string;

  @NestedObject(() => Source)
  source!: Source;

  @NestedArray(() => Task)
  tasks!: Task[];
}

const asBody: ArgumentMetadata = { type: 'body', metatype: Plan, data: '' };
const validPlan = {
  amount: '1000.00',
  countyCode: '513336',
  fundType: 'special',
  source: { allocationId: 'a-1' },
  tasks: [{ title: 'repair the road', deadline: '2024-06-30' }],
};

/** The EdgeError the pipe throws for a body, or fails the test when it lets the body through. */
async function refusalOf(body: unknown): Promise<EdgeError> {
  const refusal: unknown = await createValidationPipe()
    .transform(body, asBody)
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  if (!(refusal instanceof EdgeError)) throw new Error(`expected an EdgeError, got ${String(refusal)}`);
  return refusal;
}

async function rulesByField(body: unknown): Promise<[string, string][]> {
  return (await refusalOf(body)).errors.map(({ field, rule }) => [field, rule]);
}

describe('the validation pipe', () => {
  it('lets a valid body through as an instance of its DTO, nested classes included', async () => {
    const plan: unknown = await createValidationPipe().transform(validPlan, asBody);
    expect(plan).toBeInstanceOf(Plan);
    expect(plan).toEqual(validPlan);
    expect((plan as Plan).tasks[0]).toBeInstanceOf(Task);
  });

  it('refuses with VALIDATION.FAILED naming every bad field, nested ones by dotted path', async () => {
    const refusal = await refusalOf({
      ...validPlan,
      amount: 12.5,
      countyCode: '51333',
      fundType: 'lottery',
      source: { allocationId: 'a 1' },
      tasks: [validPlan.tasks[0], { title: 7, deadline: '2023-02-29' }],
    });
    expect(refusal.code).toBe('VALIDATION.FAILED');
    expect(refusal.errors.map(({ field, rule }) => [field, rule])).toEqual([
      ['amount', 'MONEY.INVALID'],
      ['countyCode', 'REGION.INVALID'],
      ['fundType', 'FUND_TYPE.UNKNOWN'],
      ['source.allocationId', 'FIELD.REQUIRED'],
      ['tasks.1.title', 'isString'],
      ['tasks.1.deadline', 'DATE.INVALID'],
    ]);
    expect(refusal.message).toContain('amount, countyCode, fundType, source.allocationId, tasks.1.title, tasks.1.deadline');
  });

  it.each(['12.345', '-1', '1e3'])('refuses the amount %p', async (amount) => {
    expect(await rulesByField({ ...validPlan, amount })).toEqual([['amount', 'MONEY.INVALID']]);
  });

  it('never converts a JSON number into a string that would pass as money', async () => {
    expect(await rulesByField({ ...validPlan, amount: 1000 })).toEqual([['amount', 'MONEY.INVALID']]);
  });

  it('refuses unknown properties with FIELD.UNKNOWN, at any depth', async () => {
    expect(await rulesByField({ ...validPlan, payeeIdNumber: 'x', source: { allocationId: 'a-1', extra: 1 } })).toEqual([
      ['payeeIdNumber', 'FIELD.UNKNOWN'],
      ['source.extra', 'FIELD.UNKNOWN'],
    ]);
  });

  it('refuses a missing nested object, an array in its place, and a missing body', async () => {
    const { source: _source, ...withoutSource } = validPlan;
    expect(await rulesByField(withoutSource)).toEqual([['source', 'isObject']]);
    expect(await rulesByField({ ...validPlan, source: [validPlan.source] })).toEqual([['source', 'isObject']]);
    expect(await rulesByField({ ...validPlan, tasks: validPlan.tasks[0] })).toEqual([['tasks', 'isArray']]);
    expect((await rulesByField(undefined)).map(([field]) => field)).toEqual(['amount', 'countyCode', 'fundType', 'source', 'tasks']);
  });

  it('refuses a JSON array where an object is expected', async () => {
    expect(await rulesByField([validPlan])).toContainEqual(['0', 'FIELD.UNKNOWN']);
  });

  it('carries neither the refused value nor the object in its errors', async () => {
    const refusal = await refusalOf({ ...validPlan, amount: '110101199003070000' });
    expect(JSON.stringify(refusal.errors)).not.toContain('110101199003070000');
  });

  it(`lists at most ${fieldErrorsMax} field errors and says how many there were`, async () => {
    const tasks = Array.from({ length: fieldErrorsMax }, () => ({}));
    const refusal = await refusalOf({ ...validPlan, tasks });
    expect(refusal.errors).toHaveLength(fieldErrorsMax);
    expect(refusal.message).toMatch(new RegExp(`^${2 * fieldErrorsMax} field errors; the first ${fieldErrorsMax} are listed`));
  });
});
