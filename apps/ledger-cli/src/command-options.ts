import { UsageError } from './args';

/** The options one command accepts: those taking a value, and bare flags. */
export interface OptionSpec {
  readonly values: readonly string[];
  readonly flags?: readonly string[];
}

export interface ParsedOptions {
  readonly positional: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

/** `--name VALUE`, `--name=VALUE` and `--flag`, in any order among positional arguments. */
export function parseOptions(argv: readonly string[], spec: OptionSpec): ParsedOptions {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let at = 0; at < argv.length; at++) {
    const argument = argv[at]!;
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const name = equals < 0 ? argument : argument.slice(0, equals);
    if (spec.flags?.includes(name) === true && equals < 0) {
      flags.add(name);
      continue;
    }
    if (!spec.values.includes(name)) throw new UsageError(`unknown option ${name}`);
    const value = equals < 0 ? argv[++at] : argument.slice(equals + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  return { positional, values, flags };
}

/** The data directory: --data-dir, else LEDGER_DATA_DIR, else ./.data (as `import` and the server). */
export function dataDirOption(options: ParsedOptions, env: NodeJS.ProcessEnv): string {
  return options.values.get('--data-dir') ?? (env.LEDGER_DATA_DIR || './.data');
}

/**
 * Exit codes of verify, backup, restore and replay: 0 done (verified), 1 the ledger or backup
 * failed its check or the command was refused, 2 the command line is wrong, 3 the check could not
 * be made (unreachable ledger, missing file, data directory locked): a monitor tells "tampered"
 * from "try again".
 */
export const exitCodes = { done: 0, failed: 1, usage: 2, cannotCheck: 3 } as const;

/** A reason the command could not run at all (exit 3), as opposed to a failed check (exit 1). */
export class CannotCheck extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotCheck';
  }
}

/** A refusal or a failed check (exit 1). */
export class CheckFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailed';
  }
}
