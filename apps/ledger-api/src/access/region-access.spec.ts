import type { EdgeError } from '../http/edge-error';
import type { Principal } from './principal';
import { assertRegionAccess } from './region-access';

const county: Principal = { id: 'finance-513336', role: 'finance', regionPrefix: '513336' };
const province: Principal = { id: 'inspector-51', role: 'inspector', regionPrefix: '51' };
const township: Principal = { id: 'finance-513336100', role: 'finance', regionPrefix: '513336100' };
const country: Principal = { id: 'admin', role: 'admin', regionPrefix: '' };

function refusalCode(principal: Principal, regionCode: string): string | null {
  try {
    assertRegionAccess(principal, regionCode);
    return null;
  } catch (error: unknown) {
    return (error as EdgeError).code;
  }
}

describe('region access', () => {
  it.each([
    [county, '513336'],
    [county, '513336100'],
    [county, '513336100001'],
    [province, '513336'],
    [province, '510104001001'],
    [township, '513336100001'],
    [country, '341821'],
  ])('lets %j act for %s', (principal, regionCode) => {
    expect(refusalCode(principal, regionCode)).toBeNull();
  });

  it.each([
    [county, '341821'],
    [county, '513337100001'],
    [province, '341821'],
    [township, '513336'],
    [township, '513336101001'],
  ])('refuses %j for %s with AUTH.FORBIDDEN_REGION', (principal, regionCode) => {
    expect(refusalCode(principal, regionCode)).toBe('AUTH.FORBIDDEN_REGION');
  });
});
