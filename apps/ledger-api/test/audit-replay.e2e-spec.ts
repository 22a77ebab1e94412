import { setTimeout as sleep } from 'node:timers/promises';
import { openCheckpointNote } from '../src/audit/testing/independent-checks';
import { type Answer, LedgerUnderTest, tokens } from './support/ledger-under-test';

/*
 * Replay for inspectors through real HTTP: a stream as the ledger knew it at a past moment of
 * recording time, and the global log filtered by region and type, each with the signed
 * checkpoint that covers it. 乡城县 (513336) receives an allocation in two receipts, a moment is
 * noted between them; 郎溪县 (341821) records an allocation of its own.
 */

const allocation = (overrides: Record<string, unknown>) => ({
  countyCode: '513336',
  fundType: 'special',
  sourceLevel: 'central',
  fiscalYear: 2019,
  amount: '500000.00',
  documentNo: '川财农〔2019〕8号',
  allocatedOn: '2019-03-01',
  ...overrides,
});

const stream = 'allocation-alloc-2019';

/** The instant in China's offset, as an inspector would type it. */
function inBeijing(moment: Date): string {
  const local = new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 23);
  return `${local}+08:00`;
}

describe('replay as of a moment, through HTTP (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;
  let verifierKey: string;
  let beforeAll_: Date;
  let between: Date;

  const asInspector = (path: string): Promise<Answer> => ledger.get(path, tokens.inspector51);

  async function created(path: string, body: unknown, token: string = tokens.finance513336): Promise<void> {
    expect((await ledger.post(path, body, { token })).status).toBe(201);
  }

  async function refused(path: string, status: number, code: string, field?: string, token: string = tokens.inspector51): Promise<void> {
    const answer = await ledger.get(path, token);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    if (field !== undefined) expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
  }

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    beforeAll_ = new Date();
    await sleep(5);
    await created('/v1/allocations', allocation({ allocationId: 'alloc-2019' }));
    await created('/v1/allocations/alloc-2019/receipts', { receiptId: 'rcpt-1', amount: '300000.00', receivedOn: '2019-03-20', voucherNo: '513336-2019-000001' });
    between = new Date();
    // recordedAt has milliseconds: what is recorded after this pause is recorded after `between`.
    await sleep(5);
    await created('/v1/allocations/alloc-2019/receipts', { receiptId: 'rcpt-2', amount: '200000.00', receivedOn: '2019-03-18', voucherNo: '513336-2019-000002' });
    await created('/v1/allocations', allocation({ allocationId: 'alloc-langxi', countyCode: '341821' }), tokens.finance341821);
    verifierKey = await (await fetch(`${ledger.url}/v1/audit/verifier-key`)).text();
  });
  afterAll(() => ledger.stop());

  describe('GET /v1/audit/streams/{stream}', () => {
    it('shows the stream as recorded up to the moment, with the position and recording time it reflects and a covering checkpoint', async () => {
      const answer = await asInspector(`/v1/audit/streams/${stream}?asOf=${encodeURIComponent(between.toISOString())}`);
      expect(answer.status).toBe(200);
      const body = answer.body;
      expect(body).toMatchObject({ stream, asOf: between.toISOString(), asOfPosition: 3, nextRevision: null });
      expect(body.events.map((event: { revision: number; type: string }) => [event.revision, event.type])).toEqual([
        [0, 'FundsAllocated'],
        [1, 'FundsReceived'],
      ]);
      expect(new Date(body.asOfRecordedAt).getTime()).toBeLessThanOrEqual(between.getTime());
      const checkpoint = openCheckpointNote(body.checkpoint.note, verifierKey);
      expect(checkpoint.size).toBeGreaterThanOrEqual(3n);
      expect(Number(checkpoint.size)).toBe(body.checkpoint.size);
    });

    it('keeps the business date (received on) and the recording time apart', async () => {
      const { events } = (await asInspector(`/v1/audit/streams/${stream}`)).body;
      const [, first, second] = events;
      expect([first.data.receivedOn, second.data.receivedOn]).toEqual(['2019-03-20', '2019-03-18']);
      // Received earlier, recorded later: the order of the log is recording time.
      expect(second.recordedAt > first.recordedAt).toBe(true);
      expect(second.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });

    it('reads the same moment written with China’s offset', async () => {
      const answer = await asInspector(`/v1/audit/streams/${stream}?asOf=${encodeURIComponent(inBeijing(between))}`);
      expect(answer.body).toMatchObject({ asOf: between.toISOString(), asOfPosition: 3 });
    });

    it('shows it as of a position, as of now, and as of a moment before the ledger began', async () => {
      expect((await asInspector(`/v1/audit/streams/${stream}?asOfPosition=1`)).body.events).toHaveLength(1);
      expect((await asInspector(`/v1/audit/streams/${stream}`)).body).toMatchObject({ asOf: null, asOfPosition: 6 });
      const early = (await asInspector(`/v1/audit/streams/${stream}?asOf=${encodeURIComponent(beforeAll_.toISOString())}`)).body;
      expect(early).toMatchObject({ asOfPosition: 0, asOfRecordedAt: null, events: [] });
    });

    it('pages by revision', async () => {
      const first = (await asInspector(`/v1/audit/streams/${stream}?limit=2`)).body;
      expect({ shown: first.events.length, next: first.nextRevision }).toEqual({ shown: 2, next: 2 });
      const rest = (await asInspector(`/v1/audit/streams/${stream}?limit=2&fromRevision=2`)).body;
      expect({ revisions: rest.events.map((event: { revision: number }) => event.revision), next: rest.nextRevision }).toEqual({ revisions: [2], next: null });
    });

    it('is for inspectors (and admins): 401 without a token, 403 for finance', async () => {
      expect((await ledger.get(`/v1/audit/streams/${stream}`)).status).toBe(401);
      await refused(`/v1/audit/streams/${stream}`, 403, 'AUTH.FORBIDDEN_ROLE', undefined, tokens.finance513336);
      expect((await ledger.get(`/v1/audit/streams/${stream}`, tokens.admin)).status).toBe(200);
    });

    it.each([
      ['a moment without an offset', '?asOf=2019-04-01T12:00', 'asOf'],
      ['an impossible date', '?asOf=2019-02-30T12:00:00Z', 'asOf'],
      ['both a moment and a position', `?asOf=2019-04-01T12:00Z&asOfPosition=1`, 'asOfPosition'],
      ['a page of nothing', '?limit=0', 'limit'],
      ['a negative revision', '?fromRevision=-1', 'fromRevision'],
    ])('refuses %s (400 naming %s)', async (_case, query, field) => {
      await refused(`/v1/audit/streams/${stream}${query}`, 400, 'VALIDATION.FAILED', field);
    });

    it('answers 404 for a stream never written and a position the log has not reached; 400 for a malformed name', async () => {
      await refused('/v1/audit/streams/allocation-none', 404, 'AUDIT.STREAM_NOT_FOUND');
      await refused(`/v1/audit/streams/${stream}?asOfPosition=7`, 404, 'AUDIT.BEYOND_TREE');
      await refused('/v1/audit/streams/no%20stream', 400, 'VALIDATION.FAILED', 'stream');
    });
  });

  describe('GET /v1/audit/log', () => {
    it('lists the whole log by position with the checkpoint that covers it', async () => {
      const body = (await asInspector('/v1/audit/log')).body;
      expect(body).toMatchObject({ from: 1, to: 6, region: null, type: null, next: null });
      expect(body.events.map((event: { position: number }) => event.position)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(openCheckpointNote(body.checkpoint.note, verifierKey).size).toBe(6n);
    });

    it('filters by a region prefix of the recording office and by type', async () => {
      const langxi = (await asInspector('/v1/audit/log?region=341821')).body;
      expect(langxi.events.map((event: { stream: string }) => event.stream)).toEqual(['allocation-alloc-langxi']);
      const sichuan = (await asInspector('/v1/audit/log?region=51')).body;
      expect(sichuan.events).toHaveLength(5);
      const receipts = (await asInspector('/v1/audit/log?type=FundsReceived&region=513336')).body;
      expect(receipts.events.map((event: { data: { receiptId: string } }) => event.data.receiptId)).toEqual(['rcpt-1', 'rcpt-2']);
    });

    it('pages by position', async () => {
      const first = (await asInspector('/v1/audit/log?limit=2&to=5')).body;
      expect({ positions: first.events.map((event: { position: number }) => event.position), next: first.next, to: first.to }).toEqual({ positions: [1, 2], next: 3, to: 5 });
      const last = (await asInspector('/v1/audit/log?from=5&type=FundsReceived')).body;
      expect({ positions: last.events.map((event: { position: number }) => event.position), next: last.next }).toEqual({ positions: [], next: null });
      expect(openCheckpointNote(first.checkpoint.note, verifierKey).size).toBeGreaterThanOrEqual(2n);
    });

    it('is for inspectors', async () => {
      await refused('/v1/audit/log', 403, 'AUTH.FORBIDDEN_ROLE', undefined, tokens.finance513336);
    });

    it.each([
      ['to before from', '?from=4&to=3', 'to'],
      ['position 0', '?from=0', 'from'],
      ['a region that is no prefix', '?region=51333', 'region'],
      ['a malformed type', '?type=no%20type', 'type'],
      ['a page too large', '?limit=501', 'limit'],
    ])('refuses %s (400 naming %s)', async (_case, query, field) => {
      await refused(`/v1/audit/log${query}`, 400, 'VALIDATION.FAILED', field);
    });

    it('answers 404 from a position the log has not reached', async () => {
      await refused('/v1/audit/log?from=7', 404, 'AUDIT.BEYOND_TREE');
    });
  });
});
