import { DomainError, regionCodeEdition } from '@ledger/domain';
import { EdgeError } from '../http/edge-error';
import { RegionDirectory } from './region-directory';

describe('the region directory (national code set, 2023 edition)', () => {
  let regions: RegionDirectory;
  beforeAll(() => {
    regions = RegionDirectory.open();
  });
  afterAll(() => {
    regions.close();
  });

  it.each([
    ['513336', '乡城县', 'county'],
    ['513336000000', '乡城县', 'county'],
    ['341821', '郎溪县', 'county'],
    ['513336100', '香巴拉镇', 'township'],
    ['513336101000', '青德镇', 'township'],
    ['513336100001', '幸福社区居民委员会', 'village'],
  ])('knows %s as %s (%s)', (code, name, level) => {
    expect(regions.find(code)).toMatchObject({ name, level, edition: regionCodeEdition });
  });

  it('answers with the code as the set writes its level: 6, 9 or 12 digits', () => {
    expect(regions.find('513336000000')?.code).toBe('513336');
    expect(regions.find('513336100000')?.code).toBe('513336100');
    expect(regions.find('513336100001')?.code).toBe('513336100001');
  });

  it.each(['513399', '513336999', '513336100999', '513336999001'])('does not know the well-formed %s', (code) => {
    expect(regions.find(code)).toBeNull();
  });

  it('refuses a malformed code with the domain REGION.INVALID', () => {
    expect(() => regions.find('51333')).toThrow(DomainError);
    expect(() => regions.find('510000')).toThrow(expect.objectContaining({ code: 'REGION.INVALID' }));
  });

  describe('assertKnownRegion', () => {
    it('returns a known region', () => {
      expect(regions.assertKnownRegion('513336').name).toBe('乡城县');
    });

    it('refuses an unknown one with REGION.UNKNOWN, naming the field when told it', () => {
      expect(() => regions.assertKnownRegion('513399', 'countyCode')).toThrow(
        expect.objectContaining({ code: 'REGION.UNKNOWN', errors: [expect.objectContaining({ field: 'countyCode', rule: 'REGION.UNKNOWN' })] }),
      );
      expect(() => regions.assertKnownRegion('513399')).toThrow(EdgeError);
    });
  });

  it('lists the townships of 乡城县 in code order', () => {
    const townships = regions.townshipsOf('513336');
    expect(townships.slice(0, 2)).toEqual([
      { code: '513336100', name: '香巴拉镇', level: 'township', edition: regionCodeEdition },
      { code: '513336101', name: '青德镇', level: 'township', edition: regionCodeEdition },
    ]);
    expect(townships).toHaveLength(10);
    expect(townships.every((township) => township.code.startsWith('513336'))).toBe(true);
  });

  it('lists the villages of 香巴拉镇, and none of a neighbour', () => {
    const villages = regions.villagesOf('513336100');
    expect(villages[0]).toEqual({ code: '513336100001', name: '幸福社区居民委员会', level: 'village', edition: regionCodeEdition });
    expect(villages).toHaveLength(15);
    expect(villages.every((village) => village.code.startsWith('513336100'))).toBe(true);
  });

  it('has no children for an unknown parent, and refuses a parent of the wrong level', () => {
    expect(regions.townshipsOf('513399')).toEqual([]);
    expect(() => regions.townshipsOf('513336100')).toThrow(expect.objectContaining({ code: 'REGION.INVALID' }));
    expect(() => regions.villagesOf('513336')).toThrow(expect.objectContaining({ code: 'REGION.INVALID' }));
  });
});
