import type { DomainEvent } from '../shared/decider';
import type { BusinessDate } from '../shared/business-date';

/** One line of the task, responsibility and deadline lists (任务清单、责任清单、时限清单). */
export interface RectificationTask {
  readonly taskId: string;
  readonly description: string;
  /** A unit (县农业农村局, 青德镇人民政府), never a person. */
  readonly responsibleUnit: string;
  readonly deadline: BusinessDate;
}

export type RectificationOpened = DomainEvent<
  'RectificationOpened',
  {
    readonly rectificationId: string;
    /** 6 digits for a county, 12 for a township or village. */
    readonly regionCode: string;
    readonly problem: string;
    readonly tasks: readonly RectificationTask[];
    /** The warning the finding came from, when it came from one. */
    readonly fromWarning?: string;
    readonly openedOn: BusinessDate;
    readonly regionCodeEdition: string;
  }
>;

export type RectificationTaskClosed = DomainEvent<
  'RectificationTaskClosed',
  { readonly rectificationId: string; readonly taskId: string; readonly evidence: string; readonly on: BusinessDate }
>;

/** 销号: the item is struck off the ledger. */
export type RectificationClosed = DomainEvent<
  'RectificationClosed',
  { readonly rectificationId: string; readonly evidence: string; readonly on: BusinessDate }
>;

/** The problem came back (反弹): the item and the named tasks are open again until closed with new evidence. */
export type RectificationReopened = DomainEvent<
  'RectificationReopened',
  { readonly rectificationId: string; readonly reason: string; readonly taskIds: readonly string[]; readonly on: BusinessDate }
>;

export type RectificationEvent = RectificationOpened | RectificationTaskClosed | RectificationClosed | RectificationReopened;
