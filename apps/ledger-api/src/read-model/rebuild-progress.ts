import type { ProjectionProgress, RebuildReport } from '@ledger/projections';
import type { ProgressOutput } from '../imports/progress-line';

const barWidth = 24;
/** A TTY line is redrawn at most this often; other outputs get a line per tenth of the log. */
const redrawsPerSecondMax = 10;
const number = new Intl.NumberFormat('en-US');

/** The progress of a rebuild as one line: events applied of the log, and the rate. */
export class RebuildProgressLine {
  private lastDrawMs = 0;
  private lastTenth = -1;
  private drawn = false;

  constructor(
    private readonly out: ProgressOutput,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {}

  update(progress: ProjectionProgress): void {
    const line = this.render(progress.events, Number(progress.head), progress.elapsedMs);
    if (this.out.isTTY === true) {
      const at = this.now();
      if (at - this.lastDrawMs < 1000 / redrawsPerSecondMax) return;
      this.lastDrawMs = at;
      this.out.write(`\r${line}\x1b[K`);
      this.drawn = true;
      return;
    }
    const tenth = Number(progress.head) === 0 ? 10 : Math.floor((progress.events * 10) / Number(progress.head));
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.out.write(`${line}\n`);
  }

  finish(report: RebuildReport): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
    const seconds = (report.elapsedMs / 1000).toFixed(1);
    this.out.write(
      `${this.label}  rebuilt ${report.projections.join(', ')}: ${number.format(report.events)} events to position ${report.position} in ${seconds} s (${number.format(report.eventsPerSecond)} events/s)\n`,
    );
  }

  abandon(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  private render(events: number, head: number, elapsedMs: number): string {
    const filled = head === 0 ? barWidth : Math.min(barWidth, Math.round((events / head) * barWidth));
    const rate = elapsedMs > 0 ? `  ${number.format(Math.round((events * 1000) / elapsedMs))} events/s` : '';
    return `${this.label}  [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${number.format(events)}/${number.format(head)} events${rate}`;
  }
}
