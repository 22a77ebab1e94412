import type { WarningRule } from './warning-rules';

/**
 * The warning as the warnings projection shows it on the latest business date of its county,
 * looked up by the handler before deciding (the decider reads no read model, as it reads no
 * clock): null when no such warning holds then.
 */
export interface RaisedWarning {
  readonly warningId: string;
  readonly rule: WarningRule;
  readonly regionCode: string;
}

interface WarningNoteCommandData {
  readonly warningId: string;
  readonly note: string;
  readonly on: string;
  readonly raised: RaisedWarning | null;
}

export interface AcknowledgeWarning {
  readonly type: 'AcknowledgeWarning';
  readonly data: WarningNoteCommandData;
}

export interface ResolveWarning {
  readonly type: 'ResolveWarning';
  readonly data: WarningNoteCommandData;
}

export type WarningCommand = AcknowledgeWarning | ResolveWarning;
