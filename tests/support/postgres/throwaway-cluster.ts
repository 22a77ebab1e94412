import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * A throwaway PostgreSQL cluster for integration tests, started from the server binaries on this
 * machine (initdb + pg_ctl), in a temporary directory, listening only on a private Unix socket in
 * that directory (no TCP), and removed afterwards. Durability is switched off (fsync, synchronous
 * commit, full-page writes): the cluster lives for one test file.
 *
 * When the tests run as root, the server runs as the `postgres` user (PostgreSQL refuses to run as
 * root) through `runuser`, and the directory is handed to that user.
 *
 * Where the binaries are: LEDGER_PG_BIN_DIR, default /usr/lib/postgresql/15/bin (Debian's package).
 */
const run = promisify(execFile);

export const defaultPostgresBinDir = '/usr/lib/postgresql/15/bin';

/** How long pg_ctl waits for the server to accept connections. */
const startTimeoutSeconds = 30;

export type PostgresAvailability = { readonly available: true; readonly binDir: string } | { readonly available: false; readonly reason: string };

export interface ThrowawayCluster {
  /** A connection string to its `postgres` database, as user `ledger` (trust authentication). */
  readonly connectionString: string;
  readonly binDir: string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** Whether a cluster can be started here, and if not, why: for a test file to say so when it skips. */
export function postgresAvailability(env: NodeJS.ProcessEnv = process.env): PostgresAvailability {
  const binDir = env.LEDGER_PG_BIN_DIR || defaultPostgresBinDir;
  const missing = ['initdb', 'pg_ctl', 'postgres'].filter((binary) => !existsSync(join(binDir, binary)));
  if (missing.length > 0) return { available: false, reason: `no PostgreSQL server binaries (${missing.join(', ')}) in ${binDir}; set LEDGER_PG_BIN_DIR` };
  if (isRoot() && postgresUser() === undefined) return { available: false, reason: 'running as root and there is no `postgres` user to run the server as' };
  if (isRoot() && !['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].some(existsSync)) return { available: false, reason: 'running as root without `runuser`' };
  return { available: true, binDir };
}

export async function startThrowawayCluster(env: NodeJS.ProcessEnv = process.env): Promise<ThrowawayCluster> {
  const availability = postgresAvailability(env);
  if (!availability.available) throw new Error(`PostgreSQL: cannot start a throwaway cluster: ${availability.reason}`);
  const { binDir } = availability;
  const docker = existsSync('/var/run/docker.sock') ? 'testcontainers is not a dependency' : 'no Docker engine for testcontainers';
  console.info(`PostgreSQL: using the local server binaries at ${binDir} (${docker})`);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-pg-'));
  const owner = isRoot() ? postgresUser() : undefined;
  if (owner !== undefined) chownSync(dir, owner.uid, owner.gid);
  const asServerUser = (binary: string, args: readonly string[]) =>
    owner === undefined ? run(join(binDir, binary), [...args]) : run('runuser', ['-u', 'postgres', '--', join(binDir, binary), ...args]);
  const data = join(dir, 'data');
  const port = 20_000 + Math.floor(Math.random() * 40_000);
  const options = `-k ${dir} -c listen_addresses='' -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40`;
  const stopSync = () => stopCluster(binDir, data, dir, owner !== undefined);
  try {
    await asServerUser('initdb', ['-D', data, '-U', 'ledger', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N']);
    await asServerUser('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', String(startTimeoutSeconds), '-o', options, 'start']);
  } catch (error) {
    stopSync();
    throw error;
  }
  process.once('exit', stopSync);
  const connectionString = urlFor(dir, port, 'postgres');
  return {
    connectionString,
    binDir,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new Client({ connectionString });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(dir, port, name);
    },
    async stop(): Promise<void> {
      process.removeListener('exit', stopSync);
      stopSync();
    },
  };
}

function urlFor(socketDir: string, port: number, database: string): string {
  return `postgres://ledger@/${database}?host=${encodeURIComponent(socketDir)}&port=${port}`;
}

/** Synchronous, so that it also runs from a process `exit` handler. */
function stopCluster(binDir: string, data: string, dir: string, asPostgres: boolean): void {
  try {
    if (existsSync(join(data, 'postmaster.pid'))) {
      const pgCtl = [join(binDir, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
      if (asPostgres) execFileSync('runuser', ['-u', 'postgres', '--', ...pgCtl], { stdio: 'ignore' });
      else execFileSync(pgCtl[0]!, pgCtl.slice(1), { stdio: 'ignore' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}
