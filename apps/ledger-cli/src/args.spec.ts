import { defaultUrl, parseArgs, UsageError } from './args';

describe('the command line', () => {
  it('reads import FILE with its options, in any order, with = or a space', () => {
    expect(parseArgs(['import', '--kind=receipts', 'r.csv', '--url', 'http://ledger:3000/', '--token', 't', '--data-dir', '/d'], {})).toEqual({
      command: 'import',
      file: 'r.csv',
      kind: 'receipts',
      url: 'http://ledger:3000',
      token: 't',
      dataDir: '/d',
    });
  });

  it('takes the token, the URL and the data directory from the environment, and defaults the rest', () => {
    expect(parseArgs(['import', 'a.csv'], { LEDGER_TOKEN: 'demo-admin', LEDGER_DATA_DIR: '/var/ledger' })).toEqual({
      command: 'import',
      file: 'a.csv',
      url: defaultUrl,
      token: 'demo-admin',
      dataDir: '/var/ledger',
    });
    expect(parseArgs(['import', 'a.csv'], { LEDGER_URL: 'http://x:1' })).toMatchObject({ url: 'http://x:1', dataDir: './.data' });
    expect(parseArgs(['import', 'a.csv'], {})).not.toHaveProperty('token');
  });

  it.each([[[]], [['help']], [['--help']]])('shows the usage for %p', (argv) => {
    expect(parseArgs(argv, {})).toEqual({ command: 'help' });
  });

  it.each([
    [['export', 'a.csv'], /unknown command/],
    [['import'], /needs a FILE/],
    [['import', 'a.csv', 'b.csv'], /one FILE/],
    [['import', 'a.csv', '--kind'], /--kind needs a value/],
    [['import', 'a.csv', '--force'], /unknown option --force/],
  ])('refuses %p', (argv, message) => {
    expect(() => parseArgs(argv, {})).toThrow(UsageError);
    expect(() => parseArgs(argv, {})).toThrow(message);
  });
});
