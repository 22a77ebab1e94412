import { validateSync } from 'class-validator';
import {
  IsBusinessDate,
  IsEntityId,
  IsFundType,
  IsMoney,
  IsPositiveMoney,
  IsRate,
  IsRegionCode,
  type RegionCodeOptions,
} from './domain-value.decorators';

/** The rules a lone value breaks under one decorator: [] when it passes. */
function rulesBroken(decorator: PropertyDecorator, value: unknown): string[] {
  class Probe {
    value: unknown;
  }
  decorator(Probe.prototype, 'value');
  const probe = Object.assign(new Probe(), { value });
  return validateSync(probe).flatMap((error) => Object.keys(error.constraints ?? {}));
}

function expectRule(decorator: () => PropertyDecorator, rule: string, valid: readonly unknown[], invalid: readonly unknown[]): void {
  it.each(valid.map((value) => [value]))('accepts %p', (value) => {
    expect(rulesBroken(decorator(), value)).toEqual([]);
  });
  it.each(invalid.map((value) => [value]))(`refuses %p with ${rule}`, (value) => {
    expect(rulesBroken(decorator(), value)).toEqual([rule]);
  });
}

describe('@IsMoney', () => {
  expectRule(IsMoney, 'MONEY.INVALID', ['12.50', '0', '-1', '1234567890123.99'], [12.5, '12.345', '1e3', '01.00', '', ' 1', null, undefined]);
});

describe('@IsPositiveMoney', () => {
  expectRule(IsPositiveMoney, 'MONEY.INVALID', ['0.01', '12345.67', '1'], ['0', '0.00', '-1', '-0.01', 12.5, '12.345', '1e3']);
});

describe('@IsRegionCode', () => {
  const cases: readonly [RegionCodeOptions, readonly string[], readonly unknown[]][] = [
    [{ digits: 6 }, ['513336', '341821'], ['51333', '5133361', '513336000000', '510000', '000000', 513336]],
    [{ digits: 12 }, ['513336100001', '513336100000', '513336000000'], ['513336', '513336100', '51333610000a']],
    [{ digits: 12, level: 'village' }, ['513336100001'], ['513336100000', '513336000000']],
    [{ digits: 12, level: 'township' }, ['513336100000'], ['513336100001', '513336000000']],
    [{ digits: '6or12' }, ['513336', '513336100001'], ['513336100', '51333']],
    [{ digits: 'any' }, ['513336', '513336100', '513336100001'], ['5133361', '51333610000']],
  ];
  describe.each(cases)('%j', (region, valid, invalid) => {
    expectRule(() => IsRegionCode(region), 'REGION.INVALID', valid, invalid);
  });
});

describe('@IsFundType', () => {
  expectRule(IsFundType, 'FUND_TYPE.UNKNOWN', ['special', 'integrated', 'micro_credit'], ['Special', 'lottery', '', 1, null]);
});

describe('@IsBusinessDate', () => {
  expectRule(IsBusinessDate, 'DATE.INVALID', ['2024-02-29', '2023-12-31'], ['2023-02-29', '2023-13-01', '2023-1-01', '2023-01-01T00:00:00Z', 20230101]);
});

describe('@IsEntityId', () => {
  expectRule(IsEntityId, 'FIELD.REQUIRED', ['p-1', 'ALLOC_2023_001', 'a'.repeat(64)], ['', '-p', 'p 1', 'p/1', 'a'.repeat(65), 7]);
});

describe('@IsRate', () => {
  expectRule(IsRate, 'RATE.INVALID', ['0.0385', '0', '0.5', '0.123456'], ['1', '1.0', '0.1234567', '.5', '0.', '-0.01', 0.0385, '3.85e-2']);
});

describe('a decorator with { each: true }', () => {
  it('checks every item and says so in its message', () => {
    class Amounts {
      @IsPositiveMoney({ each: true })
      amounts: unknown;
    }
    const [error] = validateSync(Object.assign(new Amounts(), { amounts: ['1.00', '0'] }));
    expect(error?.constraints).toEqual({ 'MONEY.INVALID': expect.stringMatching(/^each value in amounts must be/) });
  });
});
