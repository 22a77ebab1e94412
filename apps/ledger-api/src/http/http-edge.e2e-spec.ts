import { Body, Controller, type LoggerService, Module, Param, Post } from '@nestjs/common';
import { IsIn, IsString } from 'class-validator';
import { DomainError } from '@ledger/domain';
import { StoreError } from '@ledger/event-store';
import { unexpectedErrorDetail } from './error-answer';
import { HttpEdgeModule } from './http-edge.module';
import { SubjectInPath } from './subject-in-path';
import { problemOf, startTestApp, type TestApp } from './testing/test-app';
import { IsBusinessDate, IsEntityId, IsFundType, IsPositiveMoney, IsRegionCode } from './validation/domain-value.decorators';
import { NestedArray, NestedObject } from './validation/nested.decorators';

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

const refusals = ['project-missing', 'funding-missing', 'exceeded', 'pii', 'reused', 'conflict', 'store-closed', 'bug'] as const;
type Refusal = (typeof refusals)[number];

class Disbursement {
  @IsIn(refusals)
  refusal!: Refusal;
}

/** What a decider, the store or a bug would throw, on demand. */
function thrown(refusal: Refusal): unknown {
  switch (refusal) {
    case 'project-missing':
      return new DomainError('PROJECT.NOT_FOUND', 'no project p-404');
    case 'funding-missing':
      return new DomainError('FUNDING.NOT_FOUND', 'no funding f-404 on project p-1');
    case 'exceeded':
      return new DomainError('PROJECT.FUNDING_EXCEEDED', '150.00 exceeds the 100.00 available');
    case 'pii':
      return new DomainError('PII.FORBIDDEN', 'payee contains a resident id', { field: 'payee' });
    case 'reused':
      return new DomainError('DISBURSEMENT.ALREADY_EXISTS', 'd-1 was recorded with other content');
    case 'conflict':
      return new StoreError('STORE.REVISION_CONFLICT', 'project-p-1: expected revision 3, found 4');
    case 'store-closed':
      return new StoreError('STORE.CLOSED', 'the store at /var/lib/ledger was closed');
    case 'bug':
      return new TypeError("Cannot read properties of undefined (reading 'fundingAvailable') at /srv/app/handler.ts:12");
  }
}

@Controller()
class EdgeProbeController {
  @Post('plans')
  plan(@Body() plan: Plan): { amount: string; isPlan: boolean } {
    return { amount: plan.amount, isPlan: plan instanceof Plan };
  }

  @Post('projects/:projectId/disbursements')
  @SubjectInPath('PROJECT.NOT_FOUND')
  disburse(@Param('projectId') _projectId: string, @Body() body: Disbursement): never {
    throw thrown(body.refusal);
  }
}

@Module({ imports: [HttpEdgeModule], controllers: [EdgeProbeController] })
class EdgeProbeModule {}

/** Keeps what the filter logs, to show that a stack goes to the log and not to the caller. */
class LogCapture implements LoggerService {
  readonly errors: string[] = [];
  log(): void {}
  warn(): void {}
  error(...parts: unknown[]): void {
    this.errors.push(parts.map(String).join('\n'));
  }
}

const validPlan = {
  amount: '1000.00',
  countyCode: '513336',
  fundType: 'special',
  source: { allocationId: 'a-1' },
  tasks: [{ title: 'repair the road', deadline: '2024-06-30' }],
};

describe('the HTTP edge, through real HTTP', () => {
  let app: TestApp;
  const logs = new LogCapture();

  beforeAll(async () => {
    app = await startTestApp(EdgeProbeModule, logs);
  });
  afterAll(async () => {
    await app.close();
  });

  function post(path: string, body: string): Promise<Response> {
    return fetch(`${app.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  }
  const disburse = (refusal: Refusal): Promise<Response> => post('/projects/p-1/disbursements', JSON.stringify({ refusal }));

  it('hands a valid body to the route as its DTO', async () => {
    const response = await post('/plans', JSON.stringify(validPlan));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ amount: '1000.00', isPlan: true });
  });

  it('answers bad fields with a 400 problem naming each, nested ones by dotted path', async () => {
    const body = { ...validPlan, amount: 12.5, countyCode: '51333', tasks: [{ title: 'x', deadline: '2023-02-30' }], extra: true };
    const response = await post('/plans', JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      status: 400,
      title: 'Bad Request',
      detail: expect.any(String),
      instance: '/plans',
      code: 'VALIDATION.FAILED',
      errors: [
        { field: 'extra', rule: 'FIELD.UNKNOWN', message: expect.any(String) },
        { field: 'amount', rule: 'MONEY.INVALID', message: expect.any(String) },
        { field: 'countyCode', rule: 'REGION.INVALID', message: expect.any(String) },
        { field: 'tasks.0.deadline', rule: 'DATE.INVALID', message: expect.any(String) },
      ],
    });
  });

  it('answers a malformed JSON body with a 400 VALIDATION.FAILED problem', async () => {
    const response = await post('/plans', '{"amount": "1.00",');
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'VALIDATION.FAILED', instance: '/plans', errors: [] });
  });

  it('answers a body above the parser limit with 413 REQUEST.TOO_LARGE', async () => {
    const response = await post('/plans', JSON.stringify({ ...validPlan, padding: 'x'.repeat(200_000) }));
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('answers an unknown route with a 404 ROUTE.NOT_FOUND problem, query left out of the instance', async () => {
    const response = await fetch(`${app.url}/nowhere?token=abc`);
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ code: 'ROUTE.NOT_FOUND', title: 'Not Found', instance: '/nowhere' });
  });

  it('answers a NOT_FOUND for the id in the path with 404', async () => {
    const response = await disburse('project-missing');
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ code: 'PROJECT.NOT_FOUND', detail: 'no project p-404', instance: '/projects/p-1/disbursements' });
  });

  it('answers a NOT_FOUND for an id in the body of the same route with 422', async () => {
    const response = await disburse('funding-missing');
    expect(response.status).toBe(422);
    expect(await problemOf(response)).toMatchObject({ code: 'FUNDING.NOT_FOUND' });
  });

  it('answers a domain refusal with 422, naming the field the domain names', async () => {
    const exceeded = await disburse('exceeded');
    expect(exceeded.status).toBe(422);
    expect(await problemOf(exceeded)).toMatchObject({ code: 'PROJECT.FUNDING_EXCEEDED', title: 'Unprocessable Entity', errors: [] });
    expect(await problemOf(await disburse('pii'))).toMatchObject({ code: 'PII.FORBIDDEN', errors: [{ field: 'payee', rule: 'PII.FORBIDDEN' }] });
  });

  it('answers a reused business id and a revision conflict with 409', async () => {
    const reused = await disburse('reused');
    expect(reused.status).toBe(409);
    expect(await problemOf(reused)).toMatchObject({ code: 'DISBURSEMENT.ALREADY_EXISTS' });
    const conflict = await disburse('conflict');
    expect(conflict.status).toBe(409);
    expect(await problemOf(conflict)).toMatchObject({ code: 'STORE.REVISION_CONFLICT' });
  });

  it.each([
    ['store-closed', 'STORE.CLOSED', '/var/lib/ledger'],
    ['bug', 'INTERNAL', 'fundingAvailable'],
  ] as const)('answers %s with a 500 %s problem that keeps its internals in the log', async (refusal, code, internal) => {
    const response = await disburse(refusal);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code, detail: unexpectedErrorDetail, errors: [] });
    expect(text).not.toContain(internal);
    expect(text).not.toContain(' at ');
    expect(logs.errors.join('\n')).toContain(internal);
  });
});
