import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OnAppend, SqliteEventStore, sqliteFileName } from '@ledger/event-store';
import { ProjectionRunner, SqliteReadModel } from '@ledger/projections';
import { ledgerProjections } from '@ledger/audit';
import { dumpAll } from '@ledger/projections/testing';
import { countyYearScenario } from '../../../../libs/projections/testing/scenario';
import { appendLedgerEvents } from '../../../../libs/projections/testing/store-events';
import { acquireDataDirLock } from '../../../ledger-api/src/imports/data-dir-lock';
import { type CliIo, runCli } from '../cli';

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

/** A data directory whose store holds the scenario, projected inline (`inline`) or not at all. */
async function ledgerDir(inline: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-rebuild-'));
  const hooks: OnAppend[] = [];
  const store = new SqliteEventStore({ filename: join(dir, sqliteFileName), onAppend: (db, recorded) => hooks.forEach((hook) => hook(db, recorded)) });
  if (inline) {
    const runner = new ProjectionRunner({ store, readModel: SqliteReadModel.onStore(store), projections: ledgerProjections() });
    await runner.install();
    hooks.push(runner.inlineHook());
  }
  await appendLedgerEvents(store, countyYearScenario(), 4);
  await store.close();
  return dir;
}

async function tablesOf(dir: string): Promise<Record<string, string[]>> {
  const store = new SqliteEventStore({ filename: join(dir, sqliteFileName) });
  try {
    return await dumpAll(SqliteReadModel.onStore(store), ledgerProjections());
  } finally {
    await store.close();
  }
}

describe('npm run ledger -- rebuild', () => {
  const dirs: string[] = [];
  let reference: Record<string, string[]>;
  const events = countyYearScenario().length;
  const names = ledgerProjections().map((p) => p.name).join(', ');

  beforeAll(async () => {
    const built = await ledgerDir(true);
    dirs.push(built);
    reference = await tablesOf(built);
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds every projection from position 0 into the tables the inline hook built, drawing a progress line', async () => {
    const run = io();
    expect(await runCli(['rebuild', '--data-dir', dirs[0]!], run)).toBe(0);
    expect(run.err()).toMatch(new RegExp(`rebuild all {2}\\[#{24}\\] ${events}/${events} events`));
    expect(run.err()).toMatch(new RegExp(`rebuilt ${names}: ${events} events to position ${events} in`));
    expect(run.out()).toContain(`rebuilt ${names} in ${dirs[0]}: ${events} events, position ${events}`);
    expect(await tablesOf(dirs[0]!)).toEqual(reference);
  });

  it('rebuilds one projection by name, and installs the tables of a ledger that never had them (LEDGER_DATA_DIR)', async () => {
    const bare = await ledgerDir(false);
    dirs.push(bare);
    const one = io({ LEDGER_DATA_DIR: bare });
    expect(await runCli(['rebuild', 'trace'], one)).toBe(0);
    expect(one.out()).toContain('rebuilt trace in');
    expect((await tablesOf(bare)).trace_movements).toEqual(reference.trace_movements);
    expect(await runCli(['rebuild'], io({ LEDGER_DATA_DIR: bare }))).toBe(0);
    expect(await tablesOf(bare)).toEqual(reference);
  });

  it('refuses while another process holds the data directory, and where there is no ledger', async () => {
    const lock = acquireDataDirLock(dirs[0]!, 'ledger-api');
    try {
      const run = io();
      expect(await runCli(['rebuild', '--data-dir', dirs[0]!], run)).toBe(1);
      expect(run.err()).toMatch(/refused: .*held by ledger-api/);
    } finally {
      lock.release();
    }
    const empty = mkdtempSync(join(tmpdir(), 'ledger-rebuild-empty-'));
    dirs.push(empty);
    const run = io();
    expect(await runCli(['rebuild', '--data-dir', empty], run)).toBe(1);
    expect(run.err()).toContain('holds no ledger');
  });

  it.each([
    [['rebuild', 'ledger'], /no projection named ledger; one of journal, metrics, projects, disclosure, trace/],
    [['rebuild', 'metrics', 'trace'], /one projection name, not 2/],
    [['rebuild', '--force'], /unknown option --force/],
  ])('refuses the command line %p with the usage (exit 2)', async (argv, message) => {
    const run = io();
    expect(await runCli(argv, run)).toBe(2);
    expect(run.err()).toMatch(message);
    expect(run.err()).toContain('Usage: npm run ledger -- rebuild [NAME]');
  });
});
