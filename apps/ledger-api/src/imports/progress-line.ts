import type { ImportStatus } from './import-job';

/** Where a progress line goes: stderr, or a test's buffer. A TTY gets one line redrawn in place; anything else a line per step. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Redraws of the line per second at most: a terminal redrawn faster only flickers. */
const redrawsPerSecondMax = 10;
const barWidth = 24;

type Step = 'reading' | 'deciding' | 'posting' | 'done' | 'failed';

function stepOf(status: ImportStatus): { step: Step; count: number } {
  if (status.status === 'done' || status.status === 'failed') return { step: status.status, count: status.done };
  if (status.status === 'posting') return { step: 'posting', count: status.done };
  return status.checked < status.rows ? { step: 'reading', count: status.checked } : { step: 'deciding', count: status.decided };
}

const number = new Intl.NumberFormat('en-US');

/**
 * The progress of one import as a single line: the step (reading and validating the rows,
 * deciding them, posting them), rows done of the total, and the rate of the current step.
 */
export class ProgressLine {
  private step: Step | undefined;
  private stepStartedMs = 0;
  private stepStartCount = 0;
  private lastDrawMs = 0;
  private drawn = false;
  private readonly startedMs: number;

  constructor(
    private readonly out: ProgressOutput,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {
    this.startedMs = now();
  }

  update(status: ImportStatus): void {
    const { step, count } = stepOf(status);
    const at = this.now();
    const newStep = step !== this.step;
    if (newStep) {
      this.step = step;
      this.stepStartedMs = at;
      this.stepStartCount = count;
    }
    if (this.out.isTTY === true) {
      if (!newStep && at - this.lastDrawMs < 1000 / redrawsPerSecondMax) return;
      this.lastDrawMs = at;
      this.out.write(`\r${this.render(step, count, status.rows, at)}\x1b[K`);
      this.drawn = true;
    } else if (newStep && step !== 'done' && step !== 'failed') {
      this.out.write(`${this.render(step, count, status.rows, at)}\n`);
    }
  }

  /** The last line, then a line break: the next output starts on its own line. */
  finish(status: ImportStatus): void {
    const { step, count } = stepOf(status);
    // The rate of the whole import, from the first update to the last.
    this.stepStartedMs = this.startedMs;
    this.stepStartCount = 0;
    const line = this.render(step, count, status.rows, this.now());
    this.out.write(this.out.isTTY === true ? `\r${line}\x1b[K\n` : `${line}\n`);
    this.drawn = false;
  }

  /** Ends a drawn line without a final status (an error is about to be printed). */
  abandon(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  private render(step: Step, count: number, total: number, at: number): string {
    const filled = total === 0 ? barWidth : Math.round((count / total) * barWidth);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`;
    const seconds = (at - this.stepStartedMs) / 1000;
    const rate = seconds > 0 ? `  ${number.format(Math.round((count - this.stepStartCount) / seconds))} rows/s` : '';
    return `${this.label}  ${step.padEnd(8)} ${bar} ${number.format(count)}/${number.format(total)} rows${rate}`;
  }
}
