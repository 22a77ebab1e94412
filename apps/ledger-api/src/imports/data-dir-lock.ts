import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** `<dataDir>/ledger.lock`: held by the one process that writes the ledger in that directory. */
export const lockFileName = 'ledger.lock';

/**
 * A lock file younger than this with no readable holder is being written by its creator (between
 * the exclusive create and the write of its content); older, its creator died in between.
 */
const unwrittenLockGraceMs = 5_000;

/** Takeovers of a stale lock before giving up: another process taking it at the same time makes one retry fail. */
const takeoverAttemptsMax = 3;

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** What holds it: `ledger-api` (the server) or `ledger import` (the CLI importing offline). */
  readonly purpose: string;
  readonly since: string;
}

/** Refusal to open a data directory another live process writes. */
export class DataDirLocked extends Error {
  constructor(
    readonly path: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      holder === undefined
        ? `${path} is being taken by another process`
        : `${path} is held by ${holder.purpose} (pid ${holder.pid} on ${holder.hostname}, since ${holder.since}): one writer per data directory`,
    );
    this.name = 'DataDirLocked';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
}

/** The locks this process holds, by file: released at exit, and at the application's shutdown (a signal ends the process without an 'exit' event). */
const held = new Map<string, DataDirLock>();

/** Releases this process's lock of `dataDir`, if it holds one. */
export function releaseDataDirLock(dataDir: string): void {
  held.get(join(dataDir, lockFileName))?.release();
}

/**
 * Never two writers: the ledger's in-process state (idempotency in flight, cached folds, the
 * import gate, live subscriptions) assumes its process is the only one appending to the SQLite
 * file. So the server and the offline importer each take `<dataDir>/ledger.lock` before opening
 * the store: created exclusively (`wx`), holding the pid, removed at exit. A lock whose pid is no
 * longer alive on this host is stale (the holder was killed) and is taken over.
 *
 * Limits: a pid reused by an unrelated process after a crash keeps the lock until that process
 * ends (remove the file by hand); a lock from another host (a shared volume) is never taken over;
 * two processes taking over the same stale lock at the same instant can, in a window of
 * microseconds, both succeed.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  const holder: LockHolder = { pid: process.pid, hostname: hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < takeoverAttemptsMax; attempt++) {
    if (tryCreate(path, holder)) return lockOf(path, holder);
    const current = readHolder(path);
    if (current === 'absent') continue;
    if (isAlive(current, path)) throw new DataDirLocked(path, current === 'unwritten' ? undefined : current);
    removeIfPresent(path);
  }
  throw new DataDirLocked(path, undefined);
}

/** Who holds the lock of `dataDir`, if a live process does. */
export function dataDirLockHolder(dataDir: string): LockHolder | undefined {
  const path = join(dataDir, lockFileName);
  const current = readHolder(path);
  if (current === 'absent' || current === 'unwritten' || !isAlive(current, path)) return undefined;
  return current;
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function lockOf(path: string, holder: LockHolder): DataDirLock {
  let released = false;
  const lock: DataDirLock = {
    path,
    release: () => {
      if (released) return;
      released = true;
      held.delete(path);
      process.removeListener('exit', lock.release);
      const current = readHolder(path);
      // Only our own file: a lock taken over after we were presumed dead is not ours to remove.
      if (typeof current === 'object' && current.pid === holder.pid && current.since === holder.since && current.hostname === holder.hostname) removeIfPresent(path);
    },
  };
  held.set(path, lock);
  process.once('exit', lock.release);
  return lock;
}

function readHolder(path: string): LockHolder | 'absent' | 'unwritten' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
      return { pid: parsed.pid, hostname: parsed.hostname, purpose: String(parsed.purpose ?? 'a ledger process'), since: String(parsed.since ?? '?') };
    }
  } catch {
    // Unwritten or torn: judged by its age below.
  }
  return 'unwritten';
}

function isAlive(holder: LockHolder | 'unwritten', path: string): boolean {
  if (holder === 'unwritten') {
    try {
      return Date.now() - statSync(path).mtimeMs < unwrittenLockGraceMs;
    } catch {
      return false;
    }
  }
  // Another host's pid means nothing here: assume it lives.
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
