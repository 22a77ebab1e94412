import { expectDomainError } from '../../testing';
import { RegionCode, regionCodeEdition } from './region-code';

describe('a region code', () => {
  it('keeps a village code whole and reads the three disclosure levels as its prefixes', () => {
    const village = RegionCode.of('513336100201');
    expect([village.level, village.county(), village.township(), village.village()]).toEqual(['village', '513336', '513336100', '513336100201']);
    expect(village.toString()).toBe('513336100201');
  });

  it('pads a county and a township to 12 digits and tells their level', () => {
    expect(RegionCode.of('513336')).toMatchObject({ code: '513336000000', level: 'county' });
    expect(RegionCode.of('513336100')).toMatchObject({ code: '513336100000', level: 'township' });
    expect(RegionCode.of('513336').toString()).toBe('513336');
  });

  it('tells whether a place lies within a prefix', () => {
    const village = RegionCode.village('513336100201');
    expect(village.isWithin('513336')).toBe(true);
    expect(village.isWithin('513336100')).toBe(true);
    expect(village.isWithin('513335')).toBe(false);
  });

  it.each(['51333', '5133361', '51333610020', 513336, '', '000000', '510000', 'abcdef', null])('refuses %p', (input) => {
    expectDomainError(() => RegionCode.of(input), 'REGION.INVALID');
  });

  it('takes a county only as 6 digits and a village only as a village-level code', () => {
    expect(RegionCode.county('513336').county()).toBe('513336');
    expectDomainError(() => RegionCode.county('513336100201'), 'REGION.INVALID');
    expectDomainError(() => RegionCode.village('513336100000'), 'REGION.INVALID');
    expectDomainError(() => RegionCode.village('513336'), 'REGION.INVALID');
  });

  it('names the edition facts are recorded against', () => {
    expect(regionCodeEdition).toMatch(/^\d{4}$/);
  });
});
