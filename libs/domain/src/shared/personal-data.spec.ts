import { assertNoPersonalData, findPersonalData, isResidentId, maskName, passesLuhn } from './personal-data';
import { expectDomainError } from '../../testing';

// Test numbers: a resident ID built with a valid check digit for a made-up birth date, a Luhn-valid
// test card number (the well-known 4111… test PAN) and a mobile number in a reserved-looking range.
const residentId = '11010519491231002X';
const card = '4111111111111111';
const mobile = '13800138000';

describe('personal data in free text', () => {
  it('recognises a resident ID only with a valid check digit', () => {
    expect(isResidentId(residentId)).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false);
  });

  it('recognises a card number only when it passes Luhn', () => {
    expect(passesLuhn(card)).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });

  it.each([
    [`付款给 ${residentId} 本人`, 'resident_id'],
    [`身份证号${residentId.toLowerCase()}`, 'resident_id'],
    [`联系电话:${mobile}`, 'mobile_phone'],
    [`账号 ${card}。`, 'bank_card'],
  ])('finds it in %s', (text, kind) => {
    expect(findPersonalData(text)).toBe(kind);
  });

  it.each([
    '乡城县青德镇仲德村道路硬化工程',
    '金额 12345678.90 元',
    `凭证号 ${mobile}5`, // 12 digits: not a mobile number
    `${card}1234`, // 20 digits: not a card
    '110105194912310021', // bad check digit, and fails Luhn
  ])('does not flag %s', (text) => {
    expect(findPersonalData(text)).toBeNull();
  });

  it('refuses with PII.FORBIDDEN naming the field', () => {
    const error = expectDomainError(() => assertNoPersonalData({ payee: '乡城县农业农村局', purpose: `转账至 ${card}` }), 'PII.FORBIDDEN');
    expect(error.details).toEqual({ field: 'purpose', kind: 'bank_card' });
  });

  it('scans every entry of a list field and skips unset ones', () => {
    expect(() => assertNoPersonalData({ reason: undefined, targets: ['覆盖贫困户 120 户'] })).not.toThrow();
    expectDomainError(() => assertNoPersonalData({ targets: ['ok', `电话 ${mobile}`] }), 'PII.FORBIDDEN');
  });
});

describe('names on public lists', () => {
  it.each([
    ['卓玛次仁', '卓*次仁'],
    ['张三', '张*'],
    ['王', '*'],
    ['  李四光 ', '李*光'],
    ['𠀋小明', '𠀋*明'],
  ])('masks the second character of %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
