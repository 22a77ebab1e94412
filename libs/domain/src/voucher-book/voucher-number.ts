import { refuse } from '../shared/domain-error';
import { requiredText } from '../shared/reference-data';

/** Voucher numbers are the treasury's codes, e.g. "记-2024-000123"; short, and never scanned for personal data. */
export const voucherNoLengthMax = 64;

/**
 * Validates a voucher number. Numbers are compared exactly, so a number with surrounding blanks
 * is refused rather than trimmed: "0001 " and "0001" would otherwise be two vouchers.
 */
export function voucherNumber(input: unknown): string {
  const text = requiredText(input, 'voucherNo', voucherNoLengthMax);
  if (text.trim() !== text) refuse('FIELD.REQUIRED', 'voucherNo has surrounding blanks', { field: 'voucherNo' });
  return text;
}
