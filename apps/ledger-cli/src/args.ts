/** The running ledger the CLI talks to unless told otherwise: `npm start`'s address. */
export const defaultUrl = 'http://localhost:3000';

export const usage = `Usage: npm run ledger -- import FILE [--kind KIND] [--url URL] [--token TOKEN] [--data-dir DIR]

  import FILE     one CSV (UTF-8, UTF-8 with BOM, or GB18030) or XLSX file, one row per command;
                  the kind is --kind, or the file name (01-allocations.csv → allocations)
  --url URL       the ledger to post to (default ${defaultUrl}, or LEDGER_URL); when none answers
                  there, the file is imported in this process into --data-dir, under its lock
  --token TOKEN   the bearer token to post as (default LEDGER_TOKEN)
  --data-dir DIR  for an import without a running ledger (default LEDGER_DATA_DIR, or ./.data)

Kinds and columns: apps/ledger-api/src/imports/README.md`;

export interface ImportArgs {
  readonly command: 'import';
  readonly file: string;
  readonly kind?: string;
  readonly url: string;
  readonly token?: string;
  readonly dataDir: string;
}

export type CliArgs = ImportArgs | { readonly command: 'help' };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const options = { '--kind': 'kind', '--url': 'url', '--token': 'token', '--data-dir': 'dataDir' } as const;
type OptionName = keyof typeof options;

function isOption(name: string): name is OptionName {
  return Object.hasOwn(options, name);
}

/** Parses `import FILE [--kind K] [--url U] [--token T] [--data-dir D]` (also `--kind=K`); the environment fills the rest. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command !== 'import') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const given: Partial<Record<(typeof options)[OptionName], string>> = {};
  const positional: string[] = [];
  for (let at = 0; at < rest.length; at++) {
    const argument = rest[at]!;
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    if (!name.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    if (!isOption(name)) throw new UsageError(`unknown option ${name}`);
    const value = inline ?? rest[++at];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    given[options[name]] = value;
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'import needs a FILE' : `import takes one FILE, not ${positional.length}`);
  const token = given.token ?? nonEmpty(env.LEDGER_TOKEN);
  return {
    command: 'import',
    file: positional[0]!,
    ...(given.kind === undefined ? {} : { kind: given.kind }),
    url: (given.url ?? nonEmpty(env.LEDGER_URL) ?? defaultUrl).replace(/\/+$/, ''),
    ...(token === undefined ? {} : { token }),
    dataDir: given.dataDir ?? nonEmpty(env.LEDGER_DATA_DIR) ?? './.data',
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
