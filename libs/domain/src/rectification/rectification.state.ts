import type { BusinessDate } from '../shared/business-date';
import type { RectificationTask } from './rectification.events';

export interface RectificationTaskState extends RectificationTask {
  /** Null while the task is open; the warning rules compare `deadline` with today for open tasks. */
  readonly closedOn: BusinessDate | null;
}

export interface OpenedRectification {
  readonly status: 'open' | 'closed';
  readonly rectificationId: string;
  readonly regionCode: string;
  readonly problem: string;
  readonly fromWarning: string | null;
  readonly openedOn: BusinessDate;
  /** The day the item was opened or last reopened: nothing done for this round can be dated earlier. */
  readonly roundStartedOn: BusinessDate;
  readonly closedOn: BusinessDate | null;
  /** In the order the tasks were listed. */
  readonly tasks: ReadonlyMap<string, RectificationTaskState>;
}

export type RectificationState = { readonly status: 'none' } | OpenedRectification;
