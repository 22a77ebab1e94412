import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, dataDirLockHolder, DataDirLocked, lockFileName, releaseDataDirLock } from './data-dir-lock';

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the data directory lock', () => {
  let dataDir: string;
  let lockPath: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-lock-'));
    lockPath = join(dataDir, lockFileName);
  });
  afterEach(() => {
    releaseDataDirLock(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const writeHolder = (holder: object): void => writeFileSync(lockPath, JSON.stringify(holder));

  it('is a file holding the pid, removed on release', () => {
    const lock = acquireDataDirLock(dataDir, 'ledger-api');
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname(), purpose: 'ledger-api' });
    expect(dataDirLockHolder(dataDir)).toMatchObject({ pid: process.pid });
    lock.release();
    lock.release();
    expect(existsSync(lockPath)).toBe(false);
    expect(dataDirLockHolder(dataDir)).toBeUndefined();
  });

  it('refuses a second writer while a live process holds it, naming the holder', () => {
    acquireDataDirLock(dataDir, 'ledger-api');
    expect(() => acquireDataDirLock(dataDir, 'ledger import')).toThrow(DataDirLocked);
    expect(() => acquireDataDirLock(dataDir, 'ledger import')).toThrow(new RegExp(`held by ledger-api \\(pid ${process.pid}`));
  });

  it('takes over a lock whose process is dead', () => {
    writeHolder({ pid: deadPid(), hostname: hostname(), purpose: 'ledger-api', since: '2026-01-01T00:00:00.000Z' });
    expect(dataDirLockHolder(dataDir)).toBeUndefined();
    acquireDataDirLock(dataDir, 'ledger import');
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'ledger import' });
  });

  it('never takes over a lock from another host, whose pids mean nothing here', () => {
    writeHolder({ pid: deadPid(), hostname: `not-${hostname()}`, purpose: 'ledger-api', since: '2026-01-01T00:00:00.000Z' });
    expect(() => acquireDataDirLock(dataDir, 'ledger import')).toThrow(DataDirLocked);
  });

  it('waits out a lock file being written, and takes over one its creator never wrote', () => {
    writeFileSync(lockPath, '');
    expect(() => acquireDataDirLock(dataDir, 'ledger import')).toThrow(DataDirLocked);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPath, longAgo, longAgo);
    expect(acquireDataDirLock(dataDir, 'ledger import').path).toBe(lockPath);
  });

  it('is not removed by a holder whose lock was taken over meanwhile', () => {
    const lock = acquireDataDirLock(dataDir, 'ledger-api');
    writeHolder({ pid: process.pid, hostname: hostname(), purpose: 'someone else', since: 'later' });
    lock.release();
    expect(existsSync(lockPath)).toBe(true);
  });
});
