import type { ImportStatus } from './import-job';
import { ProgressLine } from './progress-line';

function status(overrides: Partial<ImportStatus>): ImportStatus {
  return {
    importId: 'i-1',
    kind: 'allocations',
    status: 'validating',
    rows: 100_000,
    checked: 0,
    decided: 0,
    done: 0,
    skipped: 0,
    errors: [],
    errorCount: 0,
    position: null,
    files: [],
    startedAt: '',
    finishedAt: null,
    ...overrides,
  };
}

function output(isTTY: boolean) {
  const written: string[] = [];
  return { written, out: { isTTY, write: (text: string) => written.push(text) } };
}

describe('the progress line', () => {
  it('redraws one line on a terminal: the step, rows done of the total, and the rate of the step', () => {
    let now = 0;
    const { written, out } = output(true);
    const line = new ProgressLine(out, 'loans.csv', () => now);
    line.update(status({ status: 'posting', checked: 100_000, decided: 100_000, done: 0 }));
    now = 2_000;
    line.update(status({ status: 'posting', checked: 100_000, decided: 100_000, done: 40_000 }));
    expect(written.at(-1)).toBe(`\rloans.csv  posting  [##########..............] 40,000/100,000 rows  20,000 rows/s\x1b[K`);
    expect(written.every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true);
  });

  it('redraws at most ten times a second within a step', () => {
    let now = 0;
    const { written, out } = output(true);
    const line = new ProgressLine(out, 'f', () => now);
    for (let checked = 0; checked < 1_000; checked += 10) {
      now += 1;
      line.update(status({ checked }));
    }
    expect(written.length).toBeLessThanOrEqual(1 + Math.ceil(100 / 100));
  });

  it('writes a line per step elsewhere (a log, CI), and ends with the whole import’s rate', () => {
    let now = 0;
    const { written, out } = output(false);
    const line = new ProgressLine(out, 'f', () => now);
    line.update(status({ checked: 10 }));
    line.update(status({ checked: 20 }));
    line.update(status({ checked: 100_000, decided: 5 }));
    line.update(status({ status: 'posting', checked: 100_000, decided: 100_000 }));
    now = 4_000;
    line.finish(status({ status: 'done', checked: 100_000, decided: 100_000, done: 100_000 }));
    expect(written.map((text) => text.split(/ +/)[1])).toEqual(['reading', 'deciding', 'posting', 'done']);
    expect(written.at(-1)).toMatch(/100,000\/100,000 rows {2}25,000 rows\/s\n$/);
  });
});
