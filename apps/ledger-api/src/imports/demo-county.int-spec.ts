import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { demoPrincipals } from '../access/demo-principals';
import { lockFileName } from './data-dir-lock';
import { demoSeedsDir } from './demo-county';
import { parseCsv } from './file/csv';

const repositoryRoot = resolve(__dirname, '..', '..', '..', '..');
const seeds = demoSeedsDir();
const describeWithSeeds = seeds === undefined ? describe.skip : describe;
if (seeds === undefined) process.stdout.write('demo-county.int-spec: skipped, seeds/demo/513336 does not exist yet\n');

/** `npm start` without the build: main.ts through the repository's TypeScript loader, in a real process. */
class StartedLedger {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((done) => child.on('close', done));
  }

  static start(dataDir: string, env: NodeJS.ProcessEnv = {}): StartedLedger {
    const main = join(repositoryRoot, 'apps/ledger-api/src/main.ts');
    const loader = join(repositoryRoot, 'tests/support/register-ts.js');
    return new StartedLedger(spawn(process.execPath, ['--require', loader, main], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', LEDGER_DATA_DIR: dataDir, ...env } }));
  }

  /** The URL of the banner, once the ledger listens; rejects if the process ends first. */
  async url(): Promise<string> {
    for (;;) {
      const match = /Ledger listening on (http:\/\/\S+)/.exec(this.stdout);
      if (match !== null) return match[1]!;
      const ended = await Promise.race([this.exited.then(() => true), new Promise((done) => setTimeout(() => done(false), 50))]);
      if (ended) throw new Error(`the ledger exited before listening:\n${this.stderr}`);
    }
  }

  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

async function position(url: string): Promise<number> {
  return ((await (await fetch(`${url}/health`)).json()) as { position: number }).position;
}

describeWithSeeds('npm start with the demo county (seeds/demo/513336)', () => {
  let dataDir: string;
  let first: StartedLedger;
  let url: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-demo-'));
  });
  afterAll(async () => {
    if (first.child.exitCode === null) await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the county into an empty data directory through the import path, then prints the URL and the demo tokens', async () => {
    const startedMs = Date.now();
    first = StartedLedger.start(dataDir);
    url = await first.url();
    const loaded = /demo county 513336 loaded: (\d+) rows, position (\d+) \(([\d.]+) s\)/.exec(first.stderr);
    expect(loaded).not.toBeNull();
    process.stdout.write(`demo county loaded in ${loaded![3]} s (process up in ${((Date.now() - startedMs) / 1000).toFixed(1)} s)\n`);
    expect(await position(url)).toBe(Number(loaded![2]));
    for (const { token } of demoPrincipals) expect(first.stdout).toContain(token);
    expect(JSON.parse(readFileSync(join(dataDir, lockFileName), 'utf8'))).toMatchObject({ pid: first.child.pid, purpose: 'ledger-api' });
  }, 180_000);

  it('refuses a second ledger on the same data directory while the first runs', async () => {
    const second = StartedLedger.start(dataDir);
    expect(await second.exited).toBe(1);
    expect(second.stderr).toContain(`is held by ledger-api (pid ${first.child.pid}`);
  }, 60_000);

  it('has posted every allocation of the seeds, and releases the lock when stopped', async () => {
    await first.stop();
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    const [, ...rows] = parseCsv(readFileSync(join(seeds!, '01-allocations.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const db = new Database(join(dataDir, 'ledger.sqlite'), { readonly: true });
    try {
      const firstEventOf = db.prepare('SELECT type, data FROM events WHERE stream = ? AND revision = 0');
      for (const { cells } of rows) {
        const event = firstEventOf.get(`allocation-${cells[0]}`) as { type: string; data: string } | undefined;
        expect(event).toBeDefined();
        expect(JSON.parse(event!.data)).toMatchObject({ allocationId: cells[0], amount: cells[5] });
      }
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('never loads it twice: a restart finds the ledger as it left it', async () => {
    const before = new Database(join(dataDir, 'ledger.sqlite'), { readonly: true });
    const head = Number(before.prepare('SELECT max(position) FROM events').pluck().get());
    before.close();
    const again = StartedLedger.start(dataDir);
    try {
      expect(await position(await again.url())).toBe(head);
      expect(again.stderr).not.toContain('demo county 513336 loaded');
    } finally {
      await again.stop();
    }
  }, 120_000);
});

describe('npm start with LEDGER_DEMO=0', () => {
  it('starts with an empty ledger, and the demo principals still apply', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-nodemo-'));
    const ledger = StartedLedger.start(dataDir, { LEDGER_DEMO: '0' });
    try {
      const url = await ledger.url();
      expect(await position(url)).toBe(0);
      expect((await fetch(`${url}/v1/imports/none`, { headers: { authorization: 'Bearer demo-admin' } })).status).toBe(404);
      expect((await fetch(`${url}/v1/imports/none`, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
    } finally {
      await ledger.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
