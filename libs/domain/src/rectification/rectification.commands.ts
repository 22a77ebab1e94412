import type { RectificationTask } from './rectification.events';

export interface OpenRectification {
  readonly type: 'OpenRectification';
  readonly data: {
    readonly rectificationId: string;
    readonly regionCode: string;
    readonly problem: string;
    readonly tasks: readonly RectificationTask[];
    readonly fromWarning?: string;
    readonly openedOn: string;
  };
}

export interface CloseRectificationTask {
  readonly type: 'CloseRectificationTask';
  readonly data: { readonly rectificationId: string; readonly taskId: string; readonly evidence: string; readonly on: string };
}

export interface CloseRectification {
  readonly type: 'CloseRectification';
  readonly data: { readonly rectificationId: string; readonly evidence: string; readonly on: string };
}

export interface ReopenRectification {
  readonly type: 'ReopenRectification';
  /** `taskIds`: the tasks whose problem came back; at least one, so that closing again needs new evidence. */
  readonly data: { readonly rectificationId: string; readonly reason: string; readonly taskIds: readonly string[]; readonly on: string };
}

export type RectificationCommand = OpenRectification | CloseRectificationTask | CloseRectification | ReopenRectification;
