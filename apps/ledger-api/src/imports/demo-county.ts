import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import { demoPrincipals } from '../access/demo-principals';
import type { Principal } from '../access/principal';
import type { LedgerConfig } from '../config/ledger-config';
import { EVENT_STORE } from '../store/event-store.module';
import type { ImportStatus } from './import-job';
import { type ImportProgress, ImportService } from './import.service';
import { type ProgressOutput, ProgressLine } from './progress-line';

/** The demo county, 乡城县 (seeds/demo/README.md). */
export const demoCountyCode = '513336';

/**
 * Who posts the demo county: the demo admin, a documented principal, so the demo's events name an
 * actor anyone can look up (and the production profile, which refuses demo principals, never loads it).
 */
export const demoLoader: Principal = (() => {
  const admin = demoPrincipals.find((principal) => principal.id === 'demo-admin');
  if (admin === undefined) throw new Error('the demo principals have no demo-admin');
  return { id: admin.id, role: admin.role, regionPrefix: admin.regionPrefix };
})();

/** Command files are numbered in import order (`01-allocations.csv`); the registers (`households.csv`) are not commands. */
const commandFilePattern = /^\d+-[a-z-]+\.(csv|xlsx)$/;

/** `seeds/demo/513336` of the repository, found from this file in src/ or in dist/; undefined when it is not there. */
export function demoSeedsDir(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'seeds', 'demo', demoCountyCode);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The command files of a demo directory, in their numbered order. */
export function demoCommandFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => commandFilePattern.test(name))
    .sort();
}

export type DemoLoad = { readonly loaded: true; readonly status: ImportStatus } | { readonly loaded: false; readonly reason: string };

/**
 * Loads the demo county through the import path, as one import of all its files: every row is
 * validated and decided before the first is posted, so a start that fails halfway leaves an empty
 * ledger, and the next start tries again. Only an empty ledger is loaded: never twice.
 */
export async function loadDemoCounty(app: INestApplicationContext, options: { dir?: string; progress?: ImportProgress } = {}): Promise<DemoLoad> {
  const store = app.get<EventStore>(EVENT_STORE);
  if ((await store.headPosition()) !== 0n) return { loaded: false, reason: 'the ledger is not empty' };
  const dir = options.dir ?? demoSeedsDir();
  if (dir === undefined) return { loaded: false, reason: `no seeds/demo/${demoCountyCode} directory beside the application` };
  const uploads = demoCommandFiles(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  if (uploads.length === 0) return { loaded: false, reason: `${dir} holds no numbered command files` };
  const status = await app.get(ImportService).importFiles(demoLoader, uploads, options.progress);
  return { loaded: true, status };
}

/**
 * What `npm start` does before it listens, in the demo profile with LEDGER_DEMO unset or 1: loads
 * the demo county into an empty ledger, drawing its progress on `out` (stderr), one line.
 */
export async function loadDemoAtStart(app: INestApplicationContext, out: ProgressOutput): Promise<void> {
  const started = Date.now();
  const line = new ProgressLine(out, `demo county ${demoCountyCode}`);
  let result: DemoLoad;
  try {
    result = await loadDemoCounty(app, { progress: (status) => line.update(status) });
  } catch (error) {
    line.abandon();
    throw error;
  }
  if (!result.loaded) return;
  line.finish(result.status);
  if (result.status.status !== 'done') {
    const first = result.status.errors[0];
    const where = first === undefined ? '' : `: ${first.file ?? ''} row ${first.row} ${first.field} ${first.rule} ${first.message}`;
    throw new Error(`the demo county did not load (${result.status.errorCount} errors)${where}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  out.write(`demo county ${demoCountyCode} loaded: ${result.status.rows} rows, position ${result.status.position} (${seconds} s)\n`);
}

/** The lines `npm start` prints once it listens: where, and with which tokens to try it. */
export function startBanner(url: string, config: Pick<LedgerConfig, 'dataDir' | 'profile'>): string {
  const lines = [``, `Ledger listening on ${url} (data: ${config.dataDir}, profile: ${config.profile})`];
  if (config.profile === 'demo') {
    lines.push(`Demo tokens (Authorization: Bearer <token>):`);
    for (const { token, role, regionPrefix } of demoPrincipals) lines.push(`  ${token.padEnd(22)} ${role.padEnd(10)} ${regionPrefix === '' ? 'all regions' : `regions ${regionPrefix}…`}`);
    lines.push(`Try: curl -H 'Authorization: Bearer demo-inspector-51' ${url}/health`);
  }
  return `${lines.join('\n')}\n`;
}
