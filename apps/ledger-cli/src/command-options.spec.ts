import { UsageError } from './args';
import { dataDirOption, parseOptions } from './command-options';

describe('the options of verify, backup, restore and replay', () => {
  const spec = { values: ['--data-dir', '--as-of'], flags: ['--force'] };

  it('reads values spaced or with =, flags, and positional arguments in any order', () => {
    const parsed = parseOptions(['DIR', '--as-of=2019-04-01T12:00+08:00', '--force', '--data-dir', 'D'], spec);
    expect({ positional: parsed.positional, values: Object.fromEntries(parsed.values), flags: [...parsed.flags] }).toEqual({
      positional: ['DIR'],
      values: { '--as-of': '2019-04-01T12:00+08:00', '--data-dir': 'D' },
      flags: ['--force'],
    });
  });

  it.each([
    ['an unknown option', ['--nope', 'x']],
    ['a value missing at the end', ['--data-dir']],
    ['an empty value', ['--data-dir=']],
    ['a value given to a flag', ['--force=yes']],
  ])('refuses %s', (_case, argv) => {
    expect(() => parseOptions(argv, spec)).toThrow(UsageError);
  });

  it('takes the data directory from the option, else LEDGER_DATA_DIR, else ./.data', () => {
    expect(dataDirOption(parseOptions(['--data-dir', 'D'], spec), { LEDGER_DATA_DIR: 'E' })).toBe('D');
    expect(dataDirOption(parseOptions([], spec), { LEDGER_DATA_DIR: 'E' })).toBe('E');
    expect(dataDirOption(parseOptions([], spec), {})).toBe('./.data');
  });
});
