import { validateSync } from 'class-validator';
import { NamesOneSource, toFundingSourceRef } from './funding-source.field';
import { IsParty, toParty } from './party.field';

/** The rules a lone value breaks under one decorator: [] when it passes. */
function rulesBroken(decorator: PropertyDecorator, value: unknown): string[] {
  class Probe {
    value: unknown;
  }
  decorator(Probe.prototype, 'value');
  return validateSync(Object.assign(new Probe(), { value })).flatMap((error) => Object.keys(error.constraints ?? {}));
}

describe('a payee or owner in a request', () => {
  it.each([['乡城县交通运输局'], [{ householdRef: 'hh-513336-0001' }]])('accepts %p', (value) => {
    expect(rulesBroken(IsParty(), value)).toEqual([]);
  });

  it.each([[''], ['  '], [42], [null], [[]], [{}], [{ householdRef: 'hh 1' }], [{ householdRef: 'hh-1', name: '张三' }], [{ kind: 'unit', name: 'x' }]])(
    'refuses %p with FIELD.REQUIRED',
    (value) => {
      expect(rulesBroken(IsParty(), value)).toEqual(['FIELD.REQUIRED']);
    },
  );

  it('becomes the domain party', () => {
    expect(toParty('乡城县交通运输局')).toEqual({ kind: 'unit', name: '乡城县交通运输局' });
    expect(toParty({ householdRef: 'hh-1' })).toEqual({ kind: 'household', householdRef: 'hh-1' });
  });
});

describe('a funding source in a request', () => {
  const pool = { countyCode: '513336', fiscalYear: 2024 };

  it('names exactly one of an allocation and the pool', () => {
    expect(rulesBroken(NamesOneSource(), { allocationId: 'a-1' })).toEqual([]);
    expect(rulesBroken(NamesOneSource(), { pool })).toEqual([]);
    for (const neither of [{}, { allocationId: 'a-1', pool }, { allocationId: null }, 'a-1']) {
      expect(rulesBroken(NamesOneSource(), neither)).toEqual(['FIELD.REQUIRED']);
    }
  });

  it('becomes the domain source ref', () => {
    expect(toFundingSourceRef({ allocationId: 'a-1' })).toEqual({ kind: 'allocation', allocationId: 'a-1' });
    expect(toFundingSourceRef({ pool })).toEqual({ kind: 'pool', county: '513336', fiscalYear: 2024 });
  });
});
