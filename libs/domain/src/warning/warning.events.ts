import type { BusinessDate } from '../shared/business-date';
import type { DomainEvent } from '../shared/decider';
import type { WarningRule } from './warning-rules';

/**
 * What an inspector recorded about a warning, on its own stream `warning-{warningId}`. A warning
 * itself is not an event: the warnings projection raises it from the facts. These events carry
 * the rule and region the warning had when the inspector acted, so the public log reads on its own.
 */
interface WarningNote {
  readonly warningId: string;
  readonly rule: WarningRule;
  /** The warning's region: 6 digits for a county, 12 for a village. */
  readonly regionCode: string;
  /** What the inspector found or did; scanned for personal data like every free text of the log. */
  readonly note: string;
  readonly on: BusinessDate;
}

/** 已查看: an inspector has seen the warning and is looking into it. */
export type WarningAcknowledged = DomainEvent<'WarningAcknowledged', WarningNote>;

/** 已处理: an inspector found the warning explained or dealt with. Final. */
export type WarningResolved = DomainEvent<'WarningResolved', WarningNote>;

export type WarningEvent = WarningAcknowledged | WarningResolved;
