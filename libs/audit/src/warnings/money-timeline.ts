import { invariant } from '@ledger/domain';
import { type LogPlace, getRow, putRow, type RowProgram, fenOf, yuanOf } from '@ledger/projections';
import { addDays } from './dates';
import { detailItemsMax, evidencePositionsMax, timelineDaysMax } from './limits';
import { putWarning } from './warning-rows';
import type { WarningSubject } from './warning-id';
import { warningsTables as t } from './warnings.tables';

/**
 * SPENDING.ABOVE_RECEIVED, SPENDING.ABOVE_ALLOCATED and FUNDS.IDLE, judged on business dates.
 *
 * A holder of money (an allocation, a county's pool of a year, a project's funding line) keeps
 * its movements by date: allocated (FundsAllocated, AllocationReduced), received (FundsReceived,
 * ReceiptReversed; for a pool ChannelFundsPooled/Unpooled; for a line ProjectFunded,
 * FundingReduced) and used (FundsAssigned, FundsPooled, FundsClawedBack less AssignmentReturned and
 * FundsUnpooled; for a pool PoolFundingDrawn less PoolFundingReturned; for a line FundsDisbursed
 * less DisbursementReversed). The deciders refuse to use more than is held *in the order facts
 * are recorded*; history is often recorded out of date order (imports go file by file), so the
 * rules look at dates instead:
 *
 * - ABOVE_RECEIVED: at the end of some day, more had been used than received by then (spent or
 *   assigned ahead of the money: 先支后收). Raised on that day; evidence: that day's uses.
 * - ABOVE_ALLOCATED (allocations): more used by the end of a day than allocated by then.
 * - IDLE (allocations and pools): money in (a receipt, or money given back) that was not used
 *   within `idleFundDaysMax` days of its date, first in first out: in i is idle when what was used
 *   up to date(i) + N is less than everything in up to and including i. Raised on date(i) + N + 1,
 *   and it stays raised: money that sat idle is a finding even once it is spent.
 *
 * A same-day reversal and repost (红字冲销) nets out: a day is judged at its end. Money in on one
 * day counts as one receipt for IDLE (its details list days).
 */

export type Measure = 'allocated' | 'received' | 'used';

/**
 * One business day of a holder: `[date, allocated, receivedIn, receivedOut, used, returned,
 * inPositions, usePositions]`, fen as decimal text (allocated signed, the others ≥ 0), positions
 * of the day's money in (receipts, returns) and uses, the first `evidencePositionsMax` of each.
 * Movements of one day are summed: the rules judge a day at its end, so the row grows with the
 * days a holder moved money on, not with the movements.
 */
type Day = [string, string, string, string, string, string, number[], number[]];

export interface MoneyHolder {
  /** The timeline's key: `allocation:{id}`, `pool:{county}:{year}`, `line:{projectId}:{fundingId}`. */
  readonly key: string;
  readonly subject: WarningSubject;
  readonly county: string;
  readonly region: string;
  /** Whether FUNDS.IDLE is judged for this holder (allocations and pools, not funding lines). */
  readonly idle: boolean;
  /** Whether ABOVE_ALLOCATED is judged (allocations). */
  readonly allocated: boolean;
}

export interface Movement {
  readonly on: string;
  readonly measure: Measure;
  readonly amount: string;
  readonly sign: 1n | -1n;
}

/** Column of a day that a movement adds to (its amount, always ≥ 0 but for `allocated`). */
function columnOf(movement: Movement): 1 | 2 | 3 | 4 | 5 {
  if (movement.measure === 'allocated') return 1;
  if (movement.measure === 'received') return movement.sign === 1n ? 2 : 3;
  return movement.sign === 1n ? 4 : 5;
}

/** Records a movement of the holder and judges its three rules again. */
export function* moneyMoved(holder: MoneyHolder, movement: Movement, place: LogPlace, idleFundDaysMax: number): RowProgram {
  const row = yield* getRow(t.timelines, { holder: holder.key });
  const days: Day[] = row === undefined ? [] : (JSON.parse(row.entries) as Day[]);
  let index = days.findIndex(([on]) => on >= movement.on);
  if (index === -1 || days[index]![0] !== movement.on) {
    invariant(days.length < timelineDaysMax, `${holder.key}: money moved on more than ${timelineDaysMax} days`);
    index = index === -1 ? days.length : index;
    days.splice(index, 0, [movement.on, '0', '0', '0', '0', '0', [], []]);
  }
  const day = days[index]!;
  const column = columnOf(movement);
  const fen = column === 1 ? movement.sign * fenOf(movement.amount) : fenOf(movement.amount);
  day[column] = (BigInt(day[column]) + fen).toString();
  const positions = column === 2 || column === 5 ? day[6] : column === 4 ? day[7] : null;
  if (positions !== null && positions.length < evidencePositionsMax) positions.push(Number(place.position));
  yield* putRow(t.timelines, { holder: holder.key, entries: JSON.stringify(days) });
  const parsed = days.map(dayOf);
  yield* judgeAbove(holder, 'SPENDING.ABOVE_RECEIVED', firstDayAbove(parsed, 'received'), place);
  if (holder.allocated) yield* judgeAbove(holder, 'SPENDING.ABOVE_ALLOCATED', firstDayAbove(parsed, 'allocated'), place);
  if (holder.idle) yield* judgeIdle(holder, idleReceipts(parsed, idleFundDaysMax), idleFundDaysMax, place);
}

interface DayTotals {
  readonly on: string;
  readonly allocated: bigint;
  /** Received less receipts reversed that day. */
  readonly received: bigint;
  /** Used less given back that day. */
  readonly used: bigint;
  /** Money in that day (received, given back), and out (used, receipts reversed): for first in, first out. */
  readonly moneyIn: bigint;
  readonly moneyOut: bigint;
  readonly inPositions: readonly number[];
  readonly usePositions: readonly number[];
}

function dayOf([on, allocated, receivedIn, receivedOut, used, returned, inPositions, usePositions]: Day): DayTotals {
  const [a, ri, ro, u, r] = [allocated, receivedIn, receivedOut, used, returned].map(BigInt) as [bigint, bigint, bigint, bigint, bigint];
  return { on, allocated: a, received: ri - ro, used: u - r, moneyIn: ri + r, moneyOut: u + ro, inPositions, usePositions };
}

interface DayAbove {
  readonly on: string;
  readonly used: bigint;
  readonly base: bigint;
  readonly uses: readonly bigint[];
}

/** The first day at whose end more was used than `base` (received or allocated) by then. */
export function firstDayAbove(days: readonly DayTotals[], base: 'received' | 'allocated'): DayAbove | null {
  let used = 0n;
  let held = 0n;
  for (const day of days) {
    used += day.used;
    held += day[base];
    if (used > held) return { on: day.on, used, base: held, uses: day.usePositions.map(BigInt) };
  }
  return null;
}

function* judgeAbove(holder: MoneyHolder, rule: 'SPENDING.ABOVE_RECEIVED' | 'SPENDING.ABOVE_ALLOCATED', day: DayAbove | null, place: LogPlace): RowProgram {
  const base = rule === 'SPENDING.ABOVE_RECEIVED' ? 'received' : 'allocated';
  yield* putWarning(
    {
      rule,
      subject: holder.subject,
      county: holder.county,
      region: holder.region,
      holds: day !== null,
      raisedOn: day?.on ?? '0000-01-01',
      clearedOn: null,
      evidence: day?.uses ?? [],
      details: day === null ? {} : { on: day.on, used: yuanOf(day.used), [base]: yuanOf(day.base) },
    },
    place,
  );
}

export interface IdleReceipt {
  readonly on: string;
  readonly deadline: string;
  readonly amount: bigint;
  readonly unusedAtDeadline: bigint;
  readonly positions: readonly number[];
}

/** The days money came in (received, or given back) that was not used within `days` days, first in first out. */
export function idleReceipts(totals: readonly DayTotals[], days: number): IdleReceipt[] {
  const idle: IdleReceipt[] = [];
  let cumulativeIn = 0n;
  let cumulativeOut = 0n;
  let next = 0;
  for (const day of totals) {
    if (day.moneyIn === 0n) continue;
    cumulativeIn += day.moneyIn;
    const deadline = addDays(day.on, days);
    // Deadlines ascend with the days, so the outs are summed once, in one pass.
    for (; next < totals.length && totals[next]!.on <= deadline; next++) cumulativeOut += totals[next]!.moneyOut;
    if (cumulativeOut < cumulativeIn) {
      const unused = cumulativeIn - cumulativeOut;
      idle.push({ on: day.on, deadline, amount: day.moneyIn, unusedAtDeadline: unused < day.moneyIn ? unused : day.moneyIn, positions: day.inPositions });
    }
  }
  return idle;
}

function* judgeIdle(holder: MoneyHolder, idle: readonly IdleReceipt[], days: number, place: LogPlace): RowProgram {
  const first = idle[0];
  yield* putWarning(
    {
      rule: 'FUNDS.IDLE',
      subject: holder.subject,
      county: holder.county,
      region: holder.region,
      holds: first !== undefined,
      raisedOn: first === undefined ? '0000-01-01' : addDays(first.deadline, 1),
      clearedOn: null,
      evidence: idle.flatMap((receipt) => receipt.positions.map(BigInt)),
      details:
        first === undefined
          ? {}
          : {
              idleFundDaysMax: days,
              count: idle.length,
              receipts: idle.slice(0, detailItemsMax).map((r) => ({ on: r.on, amount: yuanOf(r.amount), deadline: r.deadline, unusedAtDeadline: yuanOf(r.unusedAtDeadline) })),
            },
    },
    place,
  );
}
