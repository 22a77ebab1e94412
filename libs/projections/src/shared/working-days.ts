import { businessDate, invariant, type BusinessDate } from '@ledger/domain';
import { noticeDeadlineWorkingDaysMax } from '../limits';

/**
 * The date `workingDays` working days after `date`, counting from the next day: 15 working days
 * from Thursday 2024-02-01 is Thursday 2024-02-22. Working days are Monday to Friday; public
 * holidays and the make-up working weekends (调休) are not modelled (the domain has no holiday
 * calendar yet: when it does, it is *local* configuration and belongs here).
 */
export function addWorkingDays(date: BusinessDate, workingDays: number): BusinessDate {
  invariant(Number.isInteger(workingDays) && workingDays >= 0 && workingDays <= noticeDeadlineWorkingDaysMax, `working days ${workingDays} outside 0..${noticeDeadlineWorkingDaysMax}`);
  const msPerDay = 86_400_000;
  let moment = Date.parse(`${businessDate(date)}T00:00:00Z`);
  let left = workingDays;
  while (left > 0) {
    moment += msPerDay;
    const weekday = new Date(moment).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(moment).toISOString().slice(0, 10);
}
