import { resolve } from 'node:path';

/**
 * Everything the process reads from its environment, read once at start and validated, so that a
 * typo fails the start rather than a request at 3 a.m.
 */
export interface LedgerConfig {
  readonly port: number;
  /** Where the SQLite file (and later the signing key) live: LEDGER_DATA_DIR, default ./.data. */
  readonly dataDir: string;
  /** `demo` (the default of `npm start`) or `production`, where demo principals are refused. */
  readonly profile: 'demo' | 'production';
  /** Load the demo county into an empty ledger at start (LEDGER_DEMO=0 to skip). */
  readonly loadDemo: boolean;
  readonly logLevel: string;
  /**
   * The transparency log's origin, also its checkpoint key's name (LEDGER_LOG_ORIGIN). Unset: the
   * origin the data directory's key was registered under, or `ledger.local/<hostname>` at first start.
   */
  readonly logOrigin?: string;
  /**
   * LEDGER_READ_DB: a `postgres://` URL puts the read models in PostgreSQL, fed by subscription;
   * unset, they live in the embedded SQLite file and are applied inline, inside each append.
   */
  readonly readDbUrl?: string;
}

export const defaultPort = 3000;

export function readLedgerConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? defaultPort : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a TCP port number, got ${env.PORT}`);
  const profile = env.LEDGER_PROFILE ?? 'demo';
  if (profile !== 'demo' && profile !== 'production') {
    throw new Error(`LEDGER_PROFILE must be 'demo' or 'production', got ${profile}`);
  }
  const readDbUrl = env.LEDGER_READ_DB === undefined || env.LEDGER_READ_DB === '' ? undefined : env.LEDGER_READ_DB;
  if (readDbUrl !== undefined && !/^postgres(ql)?:\/\//.test(readDbUrl)) {
    throw new Error(`LEDGER_READ_DB must be a postgres:// URL, got ${readDbUrl.split('@').pop()}`);
  }
  return {
    port,
    dataDir: resolve(env.LEDGER_DATA_DIR || './.data'),
    profile,
    loadDemo: env.LEDGER_DEMO !== '0',
    logLevel: env.LOG_LEVEL || 'info',
    ...(env.LEDGER_LOG_ORIGIN ? { logOrigin: env.LEDGER_LOG_ORIGIN } : {}),
    ...(readDbUrl === undefined ? {} : { readDbUrl }),
  };
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
