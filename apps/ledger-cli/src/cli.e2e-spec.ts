import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { acquireDataDirLock, lockFileName } from '../../ledger-api/src/imports/data-dir-lock';
import { LedgerUnderTest, tokens } from '../../ledger-api/test/support/ledger-under-test';
import { type CliIo, runCli } from './cli';

const repositoryRoot = resolve(__dirname, '..', '..', '..');

function io(env: NodeJS.ProcessEnv = {}): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: { LOG_LEVEL: 'silent', ...env },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** A port nothing listens on: taken from the OS, then let go. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

const header = 'allocationId,countyCode,fundType,sourceLevel,fiscalYear,amount,documentNo,allocatedOn,partner,channel';
const allocation = (id: string, amount = '100.00') => `${id},513336,special,central,2017,${amount},川财农〔2017〕12号,2017-03-01,,`;

describe('npm run ledger -- import', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function file(name: string, lines: string[]): string {
    const path = join(work, name);
    writeFileSync(path, `${[header, ...lines].join('\n')}\n`);
    return path;
  }

  describe('against a running ledger', () => {
    let ledger: LedgerUnderTest;
    beforeAll(async () => (ledger = await LedgerUnderTest.start()));
    afterAll(() => ledger.stop());

    it('posts the file over HTTP, draws its progress on stderr, and says what it posted', async () => {
      const before = await ledger.position();
      const path = file('01-allocations.csv', [allocation('cli-1'), allocation('cli-2')]);
      const run = io();
      expect(await runCli(['import', path, '--url', ledger.url, '--token', tokens.finance513336], run)).toBe(0);
      expect(run.err()).toContain(`posting to the ledger at ${ledger.url}`);
      expect(run.err()).toMatch(/01-allocations\.csv {2}done +\[#+\] 2\/2 rows/);
      expect(run.out()).toMatch(/^imported 2 allocations rows: 2 posted, ledger position \d+/);
      expect(await ledger.position()).toBe(before + 2);
    });

    it('posts nothing twice when run again on the same file', async () => {
      const path = file('01-allocations.csv', [allocation('cli-1'), allocation('cli-2')]);
      const before = await ledger.position();
      const run = io({ LEDGER_TOKEN: tokens.finance513336, LEDGER_URL: ledger.url });
      expect(await runCli(['import', path], run)).toBe(0);
      expect(run.out()).toContain('0 posted, 2 posted by an earlier import of this file');
      expect(await ledger.position()).toBe(before);
    });

    it('lists the bad rows and exits 1, posting nothing', async () => {
      const before = await ledger.position();
      const path = file('bad.csv', [allocation('cli-3'), allocation('cli-4', '12.345')]);
      const run = io();
      expect(await runCli(['import', path, '--kind', 'allocations', '--url', ledger.url, '--token', tokens.finance513336], run)).toBe(1);
      expect(run.out()).toContain('nothing imported: 1 error');
      expect(run.out()).toContain('row 3, amount: MONEY.INVALID');
      expect(await ledger.position()).toBe(before);
    });

    it('says why the ledger refused the request itself', async () => {
      const run = io();
      expect(await runCli(['import', file('x.csv', []), '--url', ledger.url, '--token', tokens.finance513336], run)).toBe(1);
      expect(run.err()).toContain('refused: VALIDATION.FAILED');
      expect(run.err()).toContain('kind: FIELD.REQUIRED');
    });

    it('runs as a process (main.ts, which the build runs as dist/apps/ledger-cli/src/main.js), exiting with the import’s status', async () => {
      const path = file('01-allocations.csv', [allocation('cli-5')]);
      const child = spawn(process.execPath, ['--require', join(repositoryRoot, 'tests/support/register-ts.js'), join(repositoryRoot, 'apps/ledger-cli/src/main.ts'), 'import', path, '--url', ledger.url], {
        env: { ...process.env, LEDGER_TOKEN: tokens.finance513336 },
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(code).toBe(0);
      expect(stdout).toContain('imported 1 allocations rows: 1 posted');
    }, 60_000);
  });

  describe('without a running ledger', () => {
    it('imports in this process under the data directory’s lock, and releases it', async () => {
      const dataDir = join(work, 'offline');
      const path = file('01-allocations.csv', [allocation('off-1'), allocation('off-2'), allocation('off-3')]);
      const run = io();
      expect(await runCli(['import', path, '--url', await closedPortUrl(), '--data-dir', dataDir, '--token', tokens.admin], run)).toBe(0);
      expect(run.err()).toMatch(/no ledger answers at .*; importing into .*offline in this process/);
      expect(run.out()).toContain('imported 3 allocations rows: 3 posted, ledger position 3');
      expect(existsSync(join(dataDir, lockFileName))).toBe(false);
      const db = new Database(join(dataDir, 'ledger.sqlite'), { readonly: true });
      const streams = db.prepare('SELECT stream FROM events ORDER BY position').pluck().all();
      db.close();
      expect(streams).toEqual(['allocation-off-1', 'allocation-off-2', 'allocation-off-3']);
    });

    it('refuses to be a second writer while another process holds the lock, and touches nothing', async () => {
      const dataDir = join(work, 'locked');
      // This test process stands for the running ledger: a live pid in the lock file.
      const lock = acquireDataDirLock(dataDir, 'ledger-api');
      try {
        const run = io();
        const path = file('01-allocations.csv', [allocation('locked-1')]);
        expect(await runCli(['import', path, '--url', await closedPortUrl(), '--data-dir', dataDir, '--token', tokens.admin], run)).toBe(1);
        expect(run.err()).toContain(`refused: ${join(dataDir, lockFileName)} is held by ledger-api (pid ${process.pid}`);
        expect(existsSync(join(dataDir, 'ledger.sqlite'))).toBe(false);
      } finally {
        lock.release();
      }
    });

    it('needs a token, as the ledger does', async () => {
      const run = io();
      expect(await runCli(['import', file('01-allocations.csv', [])], run)).toBe(2);
      expect(run.err()).toContain('needs a bearer token');
    });
  });
});
