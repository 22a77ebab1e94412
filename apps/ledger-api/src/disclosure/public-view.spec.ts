import type { JsonSchema } from './disclosure.schema';
import { deidentify, maskHouseholdReference, PersonalDataInPublicView, PublicViewShapeError } from './public-view';

const schema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'households'],
  properties: {
    name: { type: 'string' },
    note: { type: ['string', 'null'] },
    households: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['household', 'maskedName', 'payments'],
        properties: { household: { type: 'string', 'x-pii': 'household-reference' }, maskedName: { type: ['string', 'null'], 'x-pii': 'name' }, payments: { type: 'integer' } },
      },
    },
  },
};

describe('the de-identification layer of the public routes', () => {
  it('keeps only what the schema names, and masks household references and names', () => {
    const view = {
      name: '牦牛养殖到户补助',
      households: [{ household: 'hh-513336-0042', maskedName: '卓玛次仁', payments: 2, idNumber: 'x', phone: 'y' }],
      headName: '卓玛次仁',
    };
    expect(deidentify(schema, view)).toEqual({ name: '牦牛养殖到户补助', households: [{ household: 'hh-513336-****', maskedName: '卓*次仁', payments: 2 }] });
  });

  it('masks idempotently: what was masked before stays as it is', () => {
    expect(maskHouseholdReference('hh-513336-****')).toBe('hh-513336-****');
    expect(maskHouseholdReference('13912345678')).toBe('13****');
    expect(deidentify(schema, { name: 'a', households: [{ household: 'hh-1-****', maskedName: '卓*次仁', payments: 1 }] })).toEqual({
      name: 'a',
      households: [{ household: 'hh-1-****', maskedName: '卓*次仁', payments: 1 }],
    });
  });

  it.each([
    ['an ID number', '身份证 11010519491231002X'],
    ['a mobile number', '联系电话13912345678'],
    ['a bank card', '卡号 6222021234567890128'],
  ])('refuses to publish a view with %s in any allowed string', (_kind, text) => {
    expect(() => deidentify(schema, { name: text, households: [] })).toThrow(PersonalDataInPublicView);
    expect(() => deidentify(schema, { name: 'a', note: text, households: [] })).toThrow(PersonalDataInPublicView);
  });

  it('never names the value it refused, only where it was', () => {
    try {
      deidentify(schema, { name: '11010519491231002X', households: [] });
    } catch (error) {
      expect((error as Error).message).toBe('a resident id was about to be published at $.name; the answer was refused');
    }
  });

  it('refuses a view whose shape is not the published one (a bug of the builder)', () => {
    expect(() => deidentify(schema, { households: [] })).toThrow(PublicViewShapeError);
    expect(() => deidentify(schema, { name: 12, households: [] })).toThrow(PublicViewShapeError);
    expect(() => deidentify(schema, { name: 'a', households: [{ household: 'h', maskedName: null, payments: 1.5 }] })).toThrow(PublicViewShapeError);
  });
});
