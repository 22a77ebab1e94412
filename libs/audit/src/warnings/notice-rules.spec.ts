import type { LedgerEvent } from '@ledger/projections';
import * as e from '@ledger/projections/testing';
import { dayPasses, warningsHarness, type WarningsHarness } from './testing/warnings-harness';

const allocations2024 = { kind: 'allocations' as const, county: e.county, fiscalYear: 2024 };

/** A village board notice of p-1 from `publishedOn` to `postedUntil`. */
function board(noticeId: string, publishedOn: string, postedUntil: string): LedgerEvent {
  const notice = e.noticePublished(noticeId, { kind: 'project', projectId: 'p-1' }, publishedOn, 'village', e.villageA) as Extract<LedgerEvent, { type: 'NoticePublished' }>;
  return { ...notice, data: { ...notice.data, postedUntil } };
}

describe('the disclosure rules (15 working days, boards at least 10 days)', () => {
  let w: WarningsHarness;
  beforeEach(async () => (w = await warningsHarness()));
  afterEach(() => w.close());

  describe('NOTICE.MISSING and NOTICE.LATE for an allocation (2024-02-01: due by Thursday 2024-02-22)', () => {
    it('shows MISSING from the day after the deadline, as the county’s dates pass it', async () => {
      await w.given(e.allocated('a-1', '1000.00'), dayPasses('2024-02-22'));
      expect(await w.subjects('NOTICE.MISSING')).toEqual([]);
      await w.given(dayPasses('2024-02-23'));
      expect(await w.warnings({ rule: 'NOTICE.MISSING' })).toEqual([
        expect.objectContaining({ subject: { stream: 'allocation-a-1', id: 'a-1' }, raisedOn: '2024-02-23', clearedOn: null, details: expect.objectContaining({ deadline: '2024-02-22' }) }),
      ]);
    });

    it('turns MISSING into LATE on the day a late notice is published; MISSING still shows for the dates before', async () => {
      await w.given(e.allocated('a-1', '1000.00'), e.noticePublished('n-1', allocations2024, '2024-03-20'));
      expect(await w.warnings({ rule: 'NOTICE.LATE' })).toEqual([
        expect.objectContaining({ subject: { stream: 'allocation-a-1', id: 'a-1' }, severity: 'low', raisedOn: '2024-03-20', evidence: [1, 2], details: expect.objectContaining({ publishedOn: '2024-03-20' }) }),
      ]);
      expect(await w.subjects('NOTICE.MISSING')).toEqual([]);
      expect(await w.subjects('NOTICE.MISSING', { on: '2024-03-19' })).toEqual(['a-1']);
      expect(await w.subjects('NOTICE.LATE', { on: '2024-03-19' })).toEqual([]);
    });

    it('raises nothing for a notice on the deadline, and ignores a notice published before the allocation', async () => {
      await w.given(e.noticePublished('n-0', allocations2024, '2024-01-15'), e.allocated('a-1', '1000.00'), e.noticePublished('n-1', allocations2024, '2024-02-22'), dayPasses('2024-12-31'));
      expect(await w.warnings({ rule: 'NOTICE.MISSING' })).toEqual([]);
      expect(await w.warnings({ rule: 'NOTICE.LATE' })).toEqual([]);
    });

    it('judges each allocation by its own first notice as earlier notices arrive out of order', async () => {
      const march = e.allocated('a-2', '500.00', { allocatedOn: '2024-03-01' });
      await w.given(e.allocated('a-1', '1000.00'), march, e.noticePublished('n-late', allocations2024, '2024-04-30'));
      expect((await w.subjects('NOTICE.LATE')).sort()).toEqual(['a-1', 'a-2']);
      await w.given(e.noticePublished('n-feb', allocations2024, '2024-02-15'));
      expect(await w.warnings({ rule: 'NOTICE.LATE' })).toEqual([expect.objectContaining({ subject: { stream: 'allocation-a-2', id: 'a-2' }, evidence: [2, 3], details: expect.objectContaining({ publishedOn: '2024-04-30' }) })]);
      await w.given(e.noticePublished('n-apr', allocations2024, '2024-04-01'));
      expect(await w.warnings({ rule: 'NOTICE.LATE' })).toEqual([expect.objectContaining({ subject: { stream: 'allocation-a-2', id: 'a-2' }, evidence: [2, 5], details: expect.objectContaining({ publishedOn: '2024-04-01' }) })]);
      await w.given(e.noticePublished('n-mar', allocations2024, '2024-03-10'), e.allocated('a-3', '200.00', { allocatedOn: '2024-03-01' }));
      expect(await w.subjects('NOTICE.LATE')).toEqual([]);
      expect(await w.subjects('NOTICE.MISSING', { on: '2024-12-31' })).toEqual([]);
    });

    it('judges by dates whatever the order: a notice recorded before its allocation still discloses it', async () => {
      await w.given(e.noticePublished('n-1', allocations2024, '2024-02-10'), e.allocated('a-1', '1000.00'), dayPasses('2024-12-31'));
      expect(await w.subjects('NOTICE.MISSING')).toEqual([]);
    });
  });

  describe('NOTICE.MISSING and NOTICE.LATE for an approved project', () => {
    it('counts a project notice at any level and date, and raises LATE for one after the deadline', async () => {
      await w.given(e.listed('p-1'), e.approved('p-1', '2024-02-01'), board('n-p1', '2024-03-01', '2024-03-20'));
      expect(await w.warnings({ rule: 'NOTICE.LATE' })).toEqual([expect.objectContaining({ subject: { stream: 'project-p-1', id: 'p-1' }, region: e.villageA })]);
    });

    it('raises nothing for a notice posted before approval (入库公示)', async () => {
      await w.given(e.listed('p-1'), board('n-p1', '2024-01-15', '2024-01-30'), e.approved('p-1', '2024-02-01'), dayPasses('2024-12-31'));
      expect(await w.subjects('NOTICE.LATE')).toEqual([]);
      expect(await w.subjects('NOTICE.MISSING')).toEqual([]);
    });
  });

  describe('NOTICE.TOO_SHORT', () => {
    it('raises on a board notice up 5 days (2017-08-02 → 2017-08-06, both counted)', async () => {
      await w.given(e.listed('p-1'), board('n-short', '2017-08-02', '2017-08-06'));
      expect(await w.warnings({ rule: 'NOTICE.TOO_SHORT' })).toEqual([
        expect.objectContaining({ subject: { stream: 'notice-n-short', id: 'n-short' }, region: e.villageA, raisedOn: '2017-08-02', details: expect.objectContaining({ daysPosted: 5, boardPostingDaysMin: 10 }) }),
      ]);
    });

    it('raises nothing on a board notice up exactly 10 days, nor on a county web notice', async () => {
      await w.given(e.listed('p-1'), board('n-ten', '2017-08-02', '2017-08-11'));
      const county = e.noticePublished('n-web', allocations2024, '2024-02-10') as Extract<LedgerEvent, { type: 'NoticePublished' }>;
      await w.given({ ...county, data: { ...county.data, postedUntil: '2024-02-11' } });
      expect(await w.subjects('NOTICE.TOO_SHORT')).toEqual([]);
    });

    it('raises on a board notice withdrawn before its tenth day, from the withdrawal', async () => {
      await w.given(e.listed('p-1'), board('n-1', '2017-08-02', '2017-08-20'), { type: 'NoticeWithdrawn', data: { noticeId: 'n-1', on: '2017-08-05', reason: '公示内容有误' } });
      expect(await w.warnings({ rule: 'NOTICE.TOO_SHORT' })).toEqual([expect.objectContaining({ raisedOn: '2017-08-05', details: expect.objectContaining({ daysPosted: 4, withdrawnOn: '2017-08-05' }) })]);
    });
  });
});
