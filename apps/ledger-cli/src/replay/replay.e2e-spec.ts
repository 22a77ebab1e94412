import { setTimeout as sleep } from 'node:timers/promises';
import { LedgerUnderTest, tokens } from '../../../ledger-api/test/support/ledger-under-test';
import { runCli } from '../cli';
import { capturedIo, postAllocations } from '../testing/captured-io';

/*
 * `replay --as-of`: the metrics as the ledger knew them at a moment of recording time. Figures are
 * taken at a moment, more is posted (some of it back-dated to before that moment in business time),
 * and the replay as of the moment still gives the figures taken then.
 */

/** The instant with China's offset and no seconds' fraction lost: what an inspector types. */
function inBeijing(moment: Date): string {
  return `${new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

describe('npm run ledger -- replay', () => {
  let ledger: LedgerUnderTest;
  const post = (path: string, body: unknown) => ledger.post(path, body, { token: tokens.finance513336 });

  async function replay(...argv: string[]): Promise<{ code: number; answer: any; err: string }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back
    const io = capturedIo();
    const code = await runCli(['replay', '--data-dir', ledger.dataDir, ...argv], io);
    return { code, answer: code === 0 ? JSON.parse(io.out()) : undefined, err: io.err() };
  }

  beforeAll(async () => (ledger = await LedgerUnderTest.start()));
  afterAll(() => ledger.stop());

  it('gives, as of a past moment, the figures the ledger gave at that moment, whatever was posted since', async () => {
    await postAllocations(post, ['r-1', 'r-2']);
    const moment = new Date();
    // The figures the ledger itself serves at that moment (its inline read model).
    const served = (await ledger.get('/v1/metrics?region=513336', tokens.inspector51)).body;
    const then = await replay('--as-of', inBeijing(moment), '--region', '513336');
    expect(then.code).toBe(0);
    expect(then.answer).toMatchObject({ asOf: moment.toISOString(), asOfPosition: 6 });
    expect(new Date(then.answer.asOfRecordedAt).getTime()).toBeLessThanOrEqual(moment.getTime());
    expect(then.answer.metrics).toEqual([expect.objectContaining({ region: '513336', asOfPosition: 6, amounts: expect.objectContaining({ allocated: '2000000.00', received: '1200000.00' }) })]);
    const { amounts, rates, projects, figures } = then.answer.metrics[0];
    expect({ amounts, rates, projects, figures }).toEqual({ amounts: served.amounts, rates: served.rates, projects: served.projects, figures: served.figures });

    await sleep(5);
    // Later postings, one of them for the same fiscal year and dated (business time) before the moment.
    await postAllocations(post, ['r-3'], { voucherFrom: 3 });
    await postAllocations(post, ['r-4'], { fiscalYear: 2018 });

    const again = await replay('--as-of', inBeijing(moment), '--region', '513336');
    expect(again.answer).toEqual(then.answer);
    const now = await replay('--as-of', new Date().toISOString(), '--region', '513336');
    expect(now.answer.metrics[0]).toMatchObject({ asOfPosition: 12, amounts: expect.objectContaining({ allocated: '4000000.00' }) });
  });

  it('filters by fiscal year, and gives every county with figures when no region is named', async () => {
    await postAllocations((path, body) => ledger.post(path, body, { token: tokens.finance341821 }), ['langxi-1'], { county: '341821' });
    const year = await replay('--as-of', new Date().toISOString(), '--region', '513336', '--fiscal-year', '2018');
    expect(year.answer.metrics[0]).toMatchObject({ fiscalYear: 2018, amounts: expect.objectContaining({ allocated: '1000000.00' }) });
    const all = await replay('--as-of', new Date().toISOString());
    expect(all.answer.metrics.map((metrics: { region: string }) => metrics.region)).toEqual(['341821', '513336']);
  });

  it('answers an empty ledger before its first event: position 0', async () => {
    const early = await replay('--as-of', '2019-04-01T12:00+08:00', '--region', '513336');
    expect(early.answer).toMatchObject({ asOf: '2019-04-01T04:00:00.000Z', asOfPosition: 0, asOfRecordedAt: null });
    expect(early.answer.metrics[0].amounts.allocated).toBe('0.00');
  });

  it.each([
    ['no --as-of', []],
    ['a moment without an offset', ['--as-of', '2019-04-01T12:00']],
    ['a year that is not one', ['--as-of', '2019-04-01T12:00Z', '--fiscal-year', '17']],
    ['a region that is not a code', ['--as-of', '2019-04-01T12:00Z', '--region', '5133']],
  ])('is a usage error (exit 2) with %s', async (_case, argv) => {
    expect((await replay(...argv)).code).toBe(2);
  });
});
