import type { BusinessDate } from '../shared/business-date';
import type { WarningRule } from './warning-rules';

/** What the inspectors have recorded on one warning's stream. */
export interface NotedWarning {
  readonly status: 'acknowledged' | 'resolved';
  readonly warningId: string;
  readonly rule: WarningRule;
  readonly regionCode: string;
  readonly acknowledgedOn: BusinessDate | null;
  readonly resolvedOn: BusinessDate | null;
  /** The latest date on the stream: nothing is recorded before it. */
  readonly lastOn: BusinessDate;
}

export type WarningNoteState = { readonly status: 'none' } | NotedWarning;
