import { CanonicalJsonError, canonicalJson, canonicalString } from './canonical-json';
import { jsonDepthMax } from '../port/limits';

/** Parses JSON text the way a receiver would, then canonicalises it. */
const canonicalOf = (text: string, integersOnly = false): string => canonicalJson(JSON.parse(text), { integersOnly });

describe('canonicalJson (RFC 8785)', () => {
  it('serialises the RFC 8785 §3.2.2 sample: literals, numbers and string escaping', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalOf(input)).toBe(expected);
    // §3.2.4: the bytes hashed are the UTF-8 of that text.
    const hex =
      '7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e' +
      '756d62657273223a5b3333333333333333332e333333333333332c31652b3330' +
      '2c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac24' +
      '5c75303030665c6e4127425c225c5c5c5c5c222f227d';
    expect(Buffer.from(canonicalOf(input), 'utf8').toString('hex')).toBe(hex);
  });

  it('sorts members by UTF-16 code units as in RFC 8785 §3.2.3', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    // U+1F600 is the pair D83D DE00, so it sorts before U+FB33: UTF-16 order, not code points.
    expect(canonicalOf(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    // Test vectors published with the RFC's reference implementation (testdata/input → output).
    [String.raw`[56, {"d": true, "10": null, "1": [ ]}]`, '[56,{"1":[],"10":null,"d":true}]'],
    [
      String.raw`{"1": {"f": {"f": "hi","F": 5} ,"\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ {"e": "yes","E": "no" } ], "A": { }}`,
      '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],"A":{},"a":{}}',
    ],
    [String.raw`{"Unnormalized Unicode":"A\u030a"}`, '{"Unnormalized Unicode":"A\u030a"}'],
    [
      String.raw`{"peach": "This sorting order", "péché": "is wrong according to French", "pêche": "but canonicalization MUST", "sin": "ignore locale"}`,
      '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ignore locale"}',
    ],
    [
      String.raw`{"\u20ac": "Euro Sign", "\r": "Carriage Return", "\u000a": "Newline", "1": "One", "\u0080": "Control\u007f", "\ud83d\ude02": "Smiley", "\u00f6": "Latin Small Letter O With Diaeresis", "\ufb33": "Hebrew Letter Dalet With Dagesh", "</script>": "Browser Challenge"}`,
      '{"\\n":"Newline","\\r":"Carriage Return","1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f",' +
        '"ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    ],
  ])('canonicalises %s', (input, expected) => {
    expect(canonicalOf(input)).toBe(expected);
  });

});

describe('canonicalJson numbers (RFC 8785 Appendix B)', () => {
  it.each([
    // RFC 8785 Appendix B: IEEE 754 bit patterns and their serialisation. Integers first.
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('serialises the double %s as %s (Appendix B)', (bits, expected) => {
    expect(canonicalJson(Buffer.from(bits, 'hex').readDoubleBE(0))).toBe(expected);
  });

});

describe('canonicalJson for the event store', () => {
  it('refuses NaN and Infinity (Appendix B) in every mode', () => {
    for (const bits of ['7fffffffffffffff', '7ff0000000000000']) {
      expect(() => canonicalJson(Buffer.from(bits, 'hex').readDoubleBE(0))).toThrow(CanonicalJsonError);
    }
  });

  it('prints safe integers as their digits and, in integersOnly mode, refuses every other number', () => {
    const integers = [0, -0, 1, -1, 2017, 9007199254740991, -9007199254740991];
    expect(canonicalJson(integers, { integersOnly: true })).toBe('[0,0,1,-1,2017,9007199254740991,-9007199254740991]');
    for (const number of [0.5, 1e-7, 9007199254740992, -9007199254740992, 1e21]) {
      expect(() => canonicalJson({ amount: number }, { integersOnly: true })).toThrow(CanonicalJsonError);
    }
  });

  it('omits undefined members, as unset optional keys, and refuses undefined elsewhere', () => {
    expect(canonicalJson({ b: undefined, a: 1 })).toBe('{"a":1}');
    expect(() => canonicalJson([1, undefined])).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(undefined)).toThrow(CanonicalJsonError);
  });

  it('refuses what JSON cannot carry: lone surrogates, non-plain objects, bigints, functions', () => {
    for (const value of ['\ud800', 'a\udc00b', new Date(0), new Map(), 1n, () => 1, Symbol('s')]) {
      expect(() => canonicalJson({ value })).toThrow(CanonicalJsonError);
    }
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it('locates the offending value by path', () => {
    expect(() => canonicalJson({ lines: [{ amount: '1.00' }, { amount: 1.5 }] }, { integersOnly: true })).toThrow(
      expect.objectContaining({ path: '$.lines[1].amount' }),
    );
  });

  it(`refuses nesting deeper than ${jsonDepthMax}, which also stops cycles`, () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(CanonicalJsonError);
    let deep: unknown = 1;
    for (let level = 0; level < jsonDepthMax; level++) deep = [deep];
    expect(canonicalJson(deep)).toMatch(/^\[+1\]+$/);
    expect(() => canonicalJson([deep])).toThrow(CanonicalJsonError);
  });

  it('writes one string exactly as canonicalJson does', () => {
    for (const text of ['allocation-1', 'a"b', '\u0001', '€😀', '']) expect(canonicalString(text)).toBe(canonicalJson(text));
  });
});
