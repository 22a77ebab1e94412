import { DomainError } from './domain-error';

/**
 * The audit log is public and can never be erased, so personal data must never enter an event.
 * Free-text fields (payee, purpose, reason, names, descriptions) are scanned for the three kinds of
 * number that identify a person; codes and voucher numbers are not scanned. A number only counts
 * when it stands alone between non-digits, and only when its checksum holds, so ordinary figures
 * (amounts, document numbers) are not mistaken for one.
 */
export type PersonalDataKind = 'resident_id' | 'mobile_phone' | 'bank_card';

const residentIdPattern = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;
const mobilePattern = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/;
const cardPattern = /(?<![0-9])[0-9]{16,19}(?![0-9])/g;

/** GB 11643-1999 check digit: weighted sum of the first 17 digits mod 11. */
const residentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const residentIdCheckDigits = '10X98765432';

export function isResidentId(candidate: string): boolean {
  if (!/^[0-9]{17}[0-9Xx]$/.test(candidate)) return false;
  const sum = residentIdWeights.reduce((acc, weight, i) => acc + weight * Number(candidate[i]), 0);
  return residentIdCheckDigits[sum % 11] === candidate[17]!.toUpperCase();
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The first kind of personal number found in `text`, or null. */
export function findPersonalData(text: string): PersonalDataKind | null {
  for (const match of text.matchAll(residentIdPattern)) if (isResidentId(match[0])) return 'resident_id';
  if (mobilePattern.test(text)) return 'mobile_phone';
  for (const match of text.matchAll(cardPattern)) if (passesLuhn(match[0])) return 'bank_card';
  return null;
}

/** Refuses with PII.FORBIDDEN naming the first free-text field that carries a personal number. */
export function assertNoPersonalData(fields: Readonly<Record<string, string | undefined | readonly string[]>>): void {
  for (const [field, value] of Object.entries(fields)) {
    const texts = value === undefined ? [] : typeof value === 'string' ? [value] : value;
    for (const text of texts) {
      const kind = findPersonalData(text);
      if (kind) throw new DomainError('PII.FORBIDDEN', `${field} contains a ${kind.replace('_', ' ')}`, { field, kind });
    }
  }
}

/**
 * A name as the public may see it on a beneficiary list (三级公开): the second character masked
 * ("卓玛次仁" → "卓*次仁", "张三" → "张*"). A one-character name shows only its mask. Works on
 * code points, so a character outside the BMP counts as one.
 */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  return [characters[0], '*', ...characters.slice(2)].join('');
}
