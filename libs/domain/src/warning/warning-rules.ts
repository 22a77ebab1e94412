/**
 * The warning rules (预警) an inspector reads: one stable code per rule, grouped by what they watch.
 * Clients filter and match on these strings: never rename one. What each rule means precisely, and
 * on which dates it holds, is written beside its evaluation (libs/audit/src/warnings/README.md).
 */
export const warningRules = [
  'SPENDING.ABOVE_RECEIVED',
  'SPENDING.ABOVE_ALLOCATED',
  'FUNDS.IDLE',
  'PROJECT.NOT_IN_LIBRARY',
  'PROJECT.NO_TARGETS',
  'SPENDING.NEGATIVE_LIST',
  'HOUSEHOLD.PAID_TWICE',
  'LOAN.OUTSIDE_CAPS',
  'LOAN.COMPENSATED_EARLY',
  'NOTICE.MISSING',
  'NOTICE.LATE',
  'NOTICE.TOO_SHORT',
  'ASSET.NOT_REGISTERED',
  'RECTIFICATION.OVERDUE',
  'VOUCHER.GAP',
  'VOUCHER.OUT_OF_ORDER',
  'VOUCHER.DATED_BACKWARDS',
] as const;

export type WarningRule = (typeof warningRules)[number];

export const warningSeverities = ['high', 'medium', 'low'] as const;
export type WarningSeverity = (typeof warningSeverities)[number];

/**
 * How urgent each rule is. High: money may be lost or misused (spent ahead of its source, on a
 * forbidden purpose, twice to one household, compensated against the rules, a rectification left
 * undone). Medium: the books or the assets are not in order. Low: disclosure came, but late or short.
 */
export const warningSeverityOf: Readonly<Record<WarningRule, WarningSeverity>> = {
  'SPENDING.ABOVE_RECEIVED': 'high',
  'SPENDING.ABOVE_ALLOCATED': 'high',
  'FUNDS.IDLE': 'medium',
  'PROJECT.NOT_IN_LIBRARY': 'high',
  'PROJECT.NO_TARGETS': 'medium',
  'SPENDING.NEGATIVE_LIST': 'high',
  'HOUSEHOLD.PAID_TWICE': 'high',
  'LOAN.OUTSIDE_CAPS': 'medium',
  'LOAN.COMPENSATED_EARLY': 'high',
  'NOTICE.MISSING': 'medium',
  'NOTICE.LATE': 'low',
  'NOTICE.TOO_SHORT': 'low',
  'ASSET.NOT_REGISTERED': 'medium',
  'RECTIFICATION.OVERDUE': 'high',
  'VOUCHER.GAP': 'medium',
  'VOUCHER.OUT_OF_ORDER': 'medium',
  'VOUCHER.DATED_BACKWARDS': 'medium',
};

/**
 * Where an inspector's work on a warning stands: `open` (raised, nobody has looked), `acknowledged`
 * (WarningAcknowledged), `rectifying` (a rectification item opened from it is open), `resolved`
 * (WarningResolved, or every rectification item opened from it is closed).
 */
export const warningStates = ['open', 'acknowledged', 'rectifying', 'resolved'] as const;
export type WarningState = (typeof warningStates)[number];

export function isWarningRule(value: unknown): value is WarningRule {
  return typeof value === 'string' && (warningRules as readonly string[]).includes(value);
}
