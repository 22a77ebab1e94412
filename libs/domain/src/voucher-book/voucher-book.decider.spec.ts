import { deciderSpec, expectDomainError } from '../../testing';
import { county, voucherBookOf, voucherUsed } from '../../testing/money-fixtures';
import { InvariantViolation } from '../shared/domain-error';
import type { VoucherBookCommand } from './voucher-book.commands';
import { voucherBookDecider } from './voucher-book.decider';
import { voucherNumber } from './voucher-number';

const { given } = deciderSpec(voucherBookDecider);

const use = (voucherNo: string, date = '2024-05-01'): VoucherBookCommand => ({
  type: 'UseVoucherNumber',
  data: { county, fiscalYear: 2024, voucherNo, kind: 'disbursement', referenceId: 'ref-2', stream: 'project-p-0', date },
});

describe("a county's voucher book for 2024", () => {
  it('records each number with its posting order, date and what it posted', () => {
    given().when(use('付-001')).then({ ...voucherUsed('付-001'), data: { ...voucherUsed('付-001').data, referenceId: 'ref-2' } });
    given(voucherUsed('付-001')).when(use('付-002')).then(voucherUsed('付-002', 'disbursement', 2));
  });

  it('refuses a number used before, whatever it posted', () => {
    given(voucherUsed('付-001', 'receipt')).when(use('付-001')).thenThrows('VOUCHER.DUPLICATE');
  });

  it('takes numbers out of order and dated backwards: those are warnings, not refusals', () => {
    given(voucherUsed('付-009', 'disbursement', 1, '2024-06-01'))
      .when(use('付-003', '2024-05-01'))
      .then(voucherUsed('付-003', 'disbursement', 2, '2024-05-01'));
  });

  it('refuses a voucher dated in another year', () => {
    given().when(use('付-001', '2025-01-02')).thenThrows('DATE.INVALID');
  });

  it('stops on a replay that uses a number twice or skips a posting', () => {
    expect(() => voucherBookOf(voucherUsed('付-001'), voucherUsed('付-001', 'disbursement', 2))).toThrow(InvariantViolation);
    expect(() => voucherBookOf(voucherUsed('付-001', 'disbursement', 2))).toThrow(InvariantViolation);
  });
});

describe('a voucher number', () => {
  it('is kept exactly as written', () => {
    expect(voucherNumber('记-2024-000123')).toBe('记-2024-000123');
  });

  it.each(['', ' 0001', '0001 ', 'x'.repeat(65), 42])('refuses %p', (input) => {
    expectDomainError(() => voucherNumber(input), typeof input === 'string' && input.length > 64 ? 'FIELD.TOO_LONG' : 'FIELD.REQUIRED');
  });
});
