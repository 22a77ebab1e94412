import { referenceRootOfLeafHashes, referenceVerifyConsistency } from '../../../libs/audit/testing/rfc9162-reference';
import { isIncluded, leafHashOf, type OpenedCheckpoint, openCheckpointNote } from '../src/audit/testing/independent-checks';
import { LedgerUnderTest, tokens } from './support/ledger-under-test';

/*
 * The transparency log through real HTTP, checked the way an outsider would: every note's
 * signature with node:crypto, every proof with the RFC 9162 reference of libs/audit/testing.
 * The story: 乡城县 (513336) receives an allocation, lists, approves, funds and pays a road
 * project, and publishes a notice of it: seven appends, some of them writing two streams at once.
 */

const asFinance = { token: tokens.finance513336 };

interface Raw {
  readonly status: number;
  readonly type: string | null;
  readonly position: string | null;
  readonly text: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back in assertions
}

describe('the transparency log routes (real server, real SQLite file)', () => {
  let ledger: LedgerUnderTest;
  let verifierKey: string;
  /** Positions after each append: checkpoints are cut at exactly these sizes. */
  const appendEnds: number[] = [];

  async function get(path: string): Promise<Raw> {
    const response = await fetch(`${ledger.url}${path}`);
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), position: response.headers.get('x-ledger-position'), text, json: () => JSON.parse(text) };
  }

  async function created(path: string, body: unknown): Promise<void> {
    const answer = await ledger.post(path, body, asFinance);
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: 201, code: undefined });
    appendEnds.push(answer.body.position as number);
  }

  /** Every leaf of the log, read through the entries route, hashed here. */
  async function leafHashes(): Promise<Buffer[]> {
    const { entries } = (await get('/v1/audit/entries?start=0')).json();
    return entries.map((entry: { leaf: string }) => leafHashOf(Buffer.from(entry.leaf, 'base64')));
  }

  async function latest(): Promise<OpenedCheckpoint> {
    return openCheckpointNote((await get('/v1/audit/checkpoint')).text, verifierKey);
  }

  async function refusedWith(path: string, status: number, code: string, field?: string): Promise<void> {
    const answer = await get(path);
    expect(answer.type).toBe('application/problem+json');
    expect({ status: answer.status, code: answer.json().code }).toEqual({ status, code });
    if (field !== undefined) expect(answer.json().errors).toEqual([expect.objectContaining({ field })]);
  }

  beforeAll(async () => {
    ledger = await LedgerUnderTest.start();
    const allocation = { countyCode: '513336', fundType: 'special', sourceLevel: 'central', fiscalYear: 2024, documentNo: '川财农〔2024〕12号', allocatedOn: '2024-03-01' };
    await created('/v1/allocations', { ...allocation, allocationId: 'alloc-road', amount: '1000000.00' });
    await created('/v1/allocations/alloc-road/receipts', { receiptId: 'rcpt-road', amount: '800000.00', receivedOn: '2024-03-20', voucherNo: '513336-2024-000001' });
    const listing = { projectId: 'p-road', name: '渔洼仲村通村公路硬化', category: 'infrastructure', villageCode: '513336100201', fiscalYear: 2024, plannedInvestment: '600000.00' };
    await created('/v1/projects', { ...listing, implementingUnit: '乡城县交通运输局', performanceTargets: ['硬化路面 4.2 公里'], povertyLinkage: '改善群众出行条件', householdLevel: false, listedOn: '2024-03-25' });
    await created('/v1/projects/p-road/approval', { on: '2024-04-01', documentNo: '乡府发〔2024〕3号' });
    await created('/v1/projects/p-road/fundings', { fundingId: 'fund-road', source: { allocationId: 'alloc-road' }, amount: '300000.00', fundedOn: '2024-04-10' });
    const payment = { disbursementId: 'disb-road', fundingId: 'fund-road', amount: '100000.00', payee: '乡城县交通运输局', voucherNo: '513336-2024-000002', paidOn: '2024-05-01', purpose: '路基工程进度款' };
    await created('/v1/projects/p-road/disbursements', payment);
    const notice = { noticeId: 'n-road', level: 'village', regionCode: '513336100201', subject: { kind: 'project', projectId: 'p-road' }, channel: 'board', publishedOn: '2024-05-02', postedUntil: '2024-05-12' };
    await created('/v1/notices', notice);
    verifierKey = (await get('/v1/audit/verifier-key')).text;
  });
  afterAll(() => ledger.stop());

  describe('GET /v1/audit/checkpoint', () => {
    it('serves the latest checkpoint as a signed note (text/plain) covering the whole log, whose root the entries give', async () => {
      const answer = await get('/v1/audit/checkpoint');
      expect({ status: answer.status, type: answer.type }).toEqual({ status: 200, type: 'text/plain; charset=utf-8' });
      const checkpoint = openCheckpointNote(answer.text, verifierKey);
      expect(Number(checkpoint.size)).toBe(await ledger.position());
      expect(checkpoint.rootHash).toEqual(referenceRootOfLeafHashes(await leafHashes()));
    });

    it('keeps the checkpoint cut after every append: each past size is answered, with the root of that prefix', async () => {
      const leaves = await leafHashes();
      for (const size of appendEnds) {
        const answer = await get(`/v1/audit/checkpoint?size=${size}`);
        expect(answer.status).toBe(200);
        const checkpoint = openCheckpointNote(answer.text, verifierKey);
        expect({ size: Number(checkpoint.size), root: checkpoint.rootHash }).toEqual({ size, root: referenceRootOfLeafHashes(leaves.slice(0, size)) });
      }
    });

    it('answers any past size, one inside an append (never cut) too: signed now, the same bytes when asked again', async () => {
      const inside = appendEnds[1]! - 1; // the receipt wrote two events: the allocation's and the voucher book's
      expect(appendEnds).not.toContain(inside);
      const answer = await get(`/v1/audit/checkpoint?size=${inside}`);
      expect(answer.status).toBe(200);
      const checkpoint = openCheckpointNote(answer.text, verifierKey);
      expect({ size: Number(checkpoint.size), root: checkpoint.rootHash }).toEqual({ size: inside, root: referenceRootOfLeafHashes((await leafHashes()).slice(0, inside)) });
      expect((await get(`/v1/audit/checkpoint?size=${inside}`)).text).toBe(answer.text);
    });

    it('answers 404 for a size the log has not reached', async () => {
      await refusedWith(`/v1/audit/checkpoint?size=${(await ledger.position()) + 1}`, 404, 'AUDIT.BEYOND_TREE');
    });

    it.each([
      ['size=abc', 'size'],
      ['size=-1', 'size'],
      ['size=01', 'size'],
      ['sise=1', 'sise'],
    ])('refuses ?%s (400 VALIDATION.FAILED naming %s)', async (query, field) => {
      await refusedWith(`/v1/audit/checkpoint?${query}`, 400, 'VALIDATION.FAILED', field);
    });
  });

  describe('GET /v1/audit/verifier-key(s)', () => {
    it('serves the active key as name+id+key text, named by the log origin, and every key with the sizes it signed', async () => {
      const answer = await get('/v1/audit/verifier-key');
      expect(answer.type).toBe('text/plain; charset=utf-8');
      expect(answer.text).toMatch(/^ledger\.local\/[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
      const { keys } = (await get('/v1/audit/verifier-keys')).json();
      expect(keys).toEqual([
        expect.objectContaining({ verifierKey: answer.text, retiredAt: null, firstSize: 0, lastSize: await ledger.position(), keyName: answer.text.split('+')[0] }),
      ]);
    });
  });

  describe('GET /v1/audit/entries', () => {
    it('serves leaves start (inclusive) to end (exclusive): canonical bytes and the envelope, numbers as numbers', async () => {
      const answer = await get('/v1/audit/entries?start=1&end=3');
      expect(answer.status).toBe(200);
      const { entries } = answer.json();
      expect(entries.map((entry: { index: number }) => entry.index)).toEqual([1, 2]);
      const [receipt] = entries;
      expect(receipt.event).toMatchObject({ position: 2, stream: 'allocation-alloc-road', revision: 1, type: 'FundsReceived', schemaVersion: 1 });
      expect(receipt.event.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(receipt.event.data).toMatchObject({ receivedOn: '2024-03-20', amount: '800000.00' });
      const canonical = JSON.parse(Buffer.from(receipt.leaf, 'base64').toString('utf8'));
      expect(canonical).toEqual({ ...receipt.event, revision: '1', position: undefined });
    });

    it('stops at the end of the log, and starts at start alone', async () => {
      const size = await ledger.position();
      expect((await get(`/v1/audit/entries?start=${size - 2}&end=999999`)).json().entries).toHaveLength(2);
      expect((await get('/v1/audit/entries?start=0')).json().entries).toHaveLength(size);
    });

    it('answers 404 from a start the log has not reached, 400 for a bad range', async () => {
      await refusedWith(`/v1/audit/entries?start=${await ledger.position()}`, 404, 'AUDIT.BEYOND_TREE');
      await refusedWith('/v1/audit/entries?start=3&end=3', 400, 'VALIDATION.FAILED', 'end');
      await refusedWith('/v1/audit/entries?end=3', 400, 'VALIDATION.FAILED', 'start');
      await refusedWith('/v1/audit/entries?start=x', 400, 'VALIDATION.FAILED', 'start');
    });
  });

  describe('GET /v1/audit/proofs/inclusion', () => {
    it('proves every leaf in the latest signed tree, by the RFC 9162 §2.1.3.2 reference', async () => {
      const checkpoint = await latest();
      const { entries } = (await get('/v1/audit/entries?start=0')).json();
      for (const entry of entries) {
        const answer = await get(`/v1/audit/proofs/inclusion?index=${entry.index}&size=${checkpoint.size}`);
        const body = answer.json();
        const leaf = Buffer.from(entry.leaf, 'base64');
        expect({ status: answer.status, index: body.index, size: body.size, leafHash: body.leafHash }).toEqual({
          status: 200,
          index: entry.index,
          size: Number(checkpoint.size),
          leafHash: leafHashOf(leaf).toString('base64'),
        });
        expect(isIncluded(leaf, entry.index, body.proof, checkpoint)).toBe(true);
        expect(isIncluded(Buffer.concat([leaf, Buffer.from(' ')]), entry.index, body.proof, checkpoint)).toBe(false);
      }
    });

    it('proves a leaf in a past tree, against the checkpoint cut at that size', async () => {
      const size = appendEnds[2]!;
      const past = openCheckpointNote((await get(`/v1/audit/checkpoint?size=${size}`)).text, verifierKey);
      const { entries } = (await get('/v1/audit/entries?start=1&end=2')).json();
      const proof = (await get(`/v1/audit/proofs/inclusion?index=1&size=${size}`)).json().proof;
      expect(isIncluded(Buffer.from(entries[0].leaf, 'base64'), 1, proof, past)).toBe(true);
    });

    it('refuses an index outside the tree (400) and a size beyond the log (404)', async () => {
      const size = await ledger.position();
      await refusedWith(`/v1/audit/proofs/inclusion?index=3&size=3`, 400, 'VALIDATION.FAILED', 'index');
      await refusedWith(`/v1/audit/proofs/inclusion?index=0&size=0`, 400, 'VALIDATION.FAILED', 'size');
      await refusedWith(`/v1/audit/proofs/inclusion?index=0`, 400, 'VALIDATION.FAILED', 'size');
      await refusedWith(`/v1/audit/proofs/inclusion?index=0&size=${size + 1}`, 404, 'AUDIT.BEYOND_TREE');
    });
  });

  describe('GET /v1/audit/proofs/consistency', () => {
    it('proves every past checkpoint a prefix of the latest, by the RFC 9162 §2.1.4.2 reference', async () => {
      const newest = await latest();
      for (const size of appendEnds.slice(0, -1)) {
        const past = openCheckpointNote((await get(`/v1/audit/checkpoint?size=${size}`)).text, verifierKey);
        const answer = await get(`/v1/audit/proofs/consistency?from=${size}&to=${newest.size}`);
        const body = answer.json();
        expect({ status: answer.status, from: body.from, to: body.to }).toEqual({ status: 200, from: size, to: Number(newest.size) });
        const proof = body.proof.map((hash: string) => Buffer.from(hash, 'base64'));
        expect(referenceVerifyConsistency(past.size, newest.size, proof, past.rootHash, newest.rootHash)).toBe(true);
        expect(referenceVerifyConsistency(past.size, newest.size, proof, newest.rootHash, past.rootHash)).toBe(false);
      }
    });

    it('answers an empty proof from a size to itself', async () => {
      expect((await get('/v1/audit/proofs/consistency?from=3&to=3')).json()).toEqual({ from: 3, to: 3, proof: [] });
    });

    it('refuses from = 0 or from > to (400) and a to beyond the log (404)', async () => {
      await refusedWith('/v1/audit/proofs/consistency?from=0&to=3', 400, 'VALIDATION.FAILED', 'from');
      await refusedWith('/v1/audit/proofs/consistency?from=4&to=3', 400, 'VALIDATION.FAILED', 'from');
      await refusedWith('/v1/audit/proofs/consistency?from=1&to=x', 400, 'VALIDATION.FAILED', 'to');
      await refusedWith(`/v1/audit/proofs/consistency?from=1&to=${(await ledger.position()) + 1}`, 404, 'AUDIT.BEYOND_TREE');
    });
  });

  describe('GET /v1/audit/proof-bundles/notices/{noticeId}', () => {
    it('proves, offline, every event of the notice and of the project it discloses against one signed checkpoint', async () => {
      const answer = await get('/v1/audit/proof-bundles/notices/n-road');
      expect(answer.status).toBe(200);
      const bundle = answer.json();
      expect(bundle.streams).toEqual(['notice-n-road', 'project-p-road']);
      const checkpoint = openCheckpointNote(bundle.checkpoint.note, verifierKey);
      expect(Number(checkpoint.size)).toBe(bundle.checkpoint.size);
      const shown = bundle.events.map((event: { stream: string; type: string }) => `${event.stream} ${event.type}`);
      expect(shown).toEqual([
        'project-p-road ProjectListed',
        'project-p-road ProjectApproved',
        'project-p-road ProjectFunded',
        'project-p-road FundsDisbursed',
        'notice-n-road NoticePublished',
      ]);
      for (const event of bundle.events) {
        const leaf = Buffer.from(event.leaf, 'base64');
        expect(isIncluded(leaf, event.index, event.proof, checkpoint)).toBe(true);
        const canonical = JSON.parse(leaf.toString('utf8'));
        expect({ stream: canonical.stream, revision: canonical.revision }).toEqual({ stream: event.stream, revision: String(event.revision) });
      }
      const paid = JSON.parse(Buffer.from(bundle.events[3].leaf, 'base64').toString('utf8'));
      // The business date (paid on) and the recording time are both there, and distinct.
      expect(paid.data.paidOn).toBe('2024-05-01');
      expect(paid.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(paid.recordedAt.slice(0, 10)).not.toBe(paid.data.paidOn);
    });

    it('answers 404 NOTICE.NOT_FOUND for a notice never published, without a token', async () => {
      await refusedWith('/v1/audit/proof-bundles/notices/n-none', 404, 'NOTICE.NOT_FOUND');
    });
  });

  describe('GET /v1/audit/proof-bundles/regions/{code}', () => {
    it('proves, offline, every event behind a village view against a checkpoint of exactly the view’s position', async () => {
      const answer = await get('/v1/audit/proof-bundles/regions/513336100201?fiscalYear=2024');
      expect(answer.status).toBe(200);
      const bundle = answer.json();
      expect(bundle.view.projects.map((p: { projectId: string }) => p.projectId)).toEqual(['p-road']);
      expect(bundle.streams).toEqual(['project-p-road', 'allocation-alloc-road', 'notice-n-road']);
      const checkpoint = openCheckpointNote(bundle.checkpoint.note, verifierKey);
      expect(Number(checkpoint.size)).toBe(bundle.view.asOf.position);
      expect(answer.position).toBe(String(bundle.view.asOf.position));
      const shown = bundle.events.map((event: { stream: string; type: string }) => `${event.stream} ${event.type}`);
      expect(shown).toEqual([
        'allocation-alloc-road FundsAllocated',
        'allocation-alloc-road FundsReceived',
        'project-p-road ProjectListed',
        'project-p-road ProjectApproved',
        'allocation-alloc-road FundsAssigned',
        'project-p-road ProjectFunded',
        'project-p-road FundsDisbursed',
        'notice-n-road NoticePublished',
      ]);
      for (const event of bundle.events) expect(isIncluded(Buffer.from(event.leaf, 'base64'), event.index, event.proof, checkpoint)).toBe(true);
    });

    it('refuses a code that is no region (400) and a region not in the code set (404), without a token', async () => {
      await refusedWith('/v1/audit/proof-bundles/regions/51333', 400, 'VALIDATION.FAILED', 'code');
      await refusedWith('/v1/audit/proof-bundles/regions/519999', 404, 'REGION.NOT_FOUND');
    });
  });
});
