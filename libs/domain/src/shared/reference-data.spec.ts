import { expectDomainError } from '../../testing';
import { defaultLocalRules } from './local-rules';
import {
  entityId,
  entityIdLengthMax,
  fiscalYear,
  fundType,
  projectCategories,
  projectCategory,
  requiredText,
  sourceLevel,
  standardFundTypes,
  textLengthMax,
} from './reference-data';

describe('fund types', () => {
  it('accepts the standard six by default, and whatever a province adds', () => {
    for (const type of standardFundTypes) expect(fundType(type, defaultLocalRules.fundTypes)).toBe(type);
    expect(fundType('provincial_relay', [...standardFundTypes, 'provincial_relay'])).toBe('provincial_relay');
  });

  it.each(['bonus', '', 'Special', 3])('refuses %p', (input) => {
    expectDomainError(() => fundType(input, defaultLocalRules.fundTypes), 'FUND_TYPE.UNKNOWN');
  });
});

describe('source levels and project categories', () => {
  it('accepts the four levels and the eight campaigns', () => {
    expect(['central', 'provincial', 'municipal', 'county'].map(sourceLevel)).toHaveLength(4);
    expect(projectCategories.map(projectCategory)).toHaveLength(8);
  });

  it('refuses anything else', () => {
    expectDomainError(() => sourceLevel('township'), 'SOURCE_LEVEL.UNKNOWN');
    expectDomainError(() => projectCategory('tourism'), 'PROJECT_CATEGORY.UNKNOWN');
  });
});

describe('a fiscal year', () => {
  it('is a calendar year within the bounds', () => {
    expect(fiscalYear(2024)).toBe(2024);
  });

  it.each([1999, 2101, 2024.5, '2024', null])('refuses %p', (input) => {
    expectDomainError(() => fiscalYear(input), 'FISCAL_YEAR.INVALID');
  });
});

describe('free text and ids', () => {
  it('requires text, bounded in length', () => {
    expect(requiredText('乡城县交通运输局', 'implementingUnit')).toBe('乡城县交通运输局');
    expectDomainError(() => requiredText('  ', 'reason'), 'FIELD.REQUIRED');
    expectDomainError(() => requiredText(undefined, 'reason'), 'FIELD.REQUIRED');
    expectDomainError(() => requiredText('x'.repeat(textLengthMax + 1), 'reason'), 'FIELD.TOO_LONG');
  });

  it('takes ids that can be part of a stream name', () => {
    expect(entityId('p-2024_001', 'projectId')).toBe('p-2024_001');
    for (const bad of ['', '-p', 'p 1', 'p/1', '项目', 'x'.repeat(entityIdLengthMax + 1), 7]) {
      expect(expectDomainError(() => entityId(bad, 'projectId'), 'FIELD.REQUIRED').details).toMatchObject({ field: 'projectId' });
    }
  });
});
