import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { WarningRule } from '@ledger/domain';
import { listWarnings, warningsDb, type WarningView } from '../../../../libs/audit/src/warnings';
import { createLedgerApp } from '../bootstrap';
import { readLedgerConfig } from '../config/ledger-config';
import { demoSeedsDir, loadDemoCounty } from '../imports/demo-county';
import { ReadSide } from '../read-model/read-side';

const seeds = demoSeedsDir();
const describeWithSeeds = seeds === undefined ? describe.skip : describe;
if (seeds === undefined) process.stdout.write('demo-warnings.int-spec: skipped, seeds/demo/513336 does not exist\n');

/** Every warning shown on the demo's last business date, page by page. */
async function everyWarning(app: INestApplication): Promise<WarningView[]> {
  const db = warningsDb(app.get(ReadSide).readModel);
  const all: WarningView[] = [];
  for (let after: string | undefined; ; ) {
    const page = await listWarnings(db, { limit: 500, ...(after === undefined ? {} : { after }) });
    all.push(...page.items);
    if (page.next === null) return all;
    after = page.next;
  }
}

/**
 * The demo county (seeds/demo/README.md, "Planted anomalies") loaded through the import path into
 * a fresh data directory, the projections inline: each planted anomaly raises its warning.
 */
describeWithSeeds('the demo county’s planted anomalies (seeds/demo/513336)', () => {
  let dataDir: string;
  let app: INestApplication;
  let shown: WarningView[];
  const subjectsOf = (rule: WarningRule) => shown.filter((w) => w.rule === rule).map((w) => w.subject.id);

  beforeAll(async () => {
    // On a RAM disk when there is one: ~9,000 small appends each fsync the log, and this spec is
    // about the rules, not the disk (demo-county.int-spec loads the demo on the real temp dir).
    dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'ledger-demo-warnings-'));
    app = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_DEMO: '0', LOG_LEVEL: 'silent' }));
    await app.init();
    const started = Date.now();
    const result = await loadDemoCounty(app, { dir: seeds! });
    expect(result).toMatchObject({ loaded: true, status: { status: 'done' } });
    shown = await everyWarning(app);
    const counts = new Map<string, number>();
    for (const w of shown) counts.set(w.rule, (counts.get(w.rule) ?? 0) + 1);
    process.stdout.write(`demo county loaded with warnings in ${((Date.now() - started) / 1000).toFixed(1)} s: ${[...counts].map(([rule, n]) => `${rule} ${n}`).join(', ')}\n`);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each<[string, WarningRule, string]>([
    ['1 a payment on the negative list (交通工具)', 'SPENDING.NEGATIVE_LIST', 'disb-2017-0070-2'],
    ['2 a household paid twice from one line in 2017', 'HOUSEHOLD.PAID_TWICE', 'disb-2017-0110-5'],
    ['3 received 2016 money never assigned', 'FUNDS.IDLE', 'alloc-2016-special-provincial-03'],
    ['4 a completed and accepted project with no asset', 'ASSET.NOT_REGISTERED', 'proj-2017-0195'],
    ['5 a village board notice posted 5 days', 'NOTICE.TOO_SHORT', 'notice-proj-2017-0197-plan'],
    ['6 a late county notice of a year’s allocations', 'NOTICE.LATE', 'alloc-2017-paired-02'],
    ['7a a voucher-number gap', 'VOUCHER.GAP', '513336-2017-000567'],
    ['7b a voucher dated before its predecessor', 'VOUCHER.DATED_BACKWARDS', '513336-2018-000292'],
  ])('raises anomaly %s: %s on %s', (_anomaly, rule, subject) => {
    expect(subjectsOf(rule)).toContain(subject);
  });

  it('names both payments of the household paid twice as evidence', () => {
    const twice = shown.find((w) => w.rule === 'HOUSEHOLD.PAID_TWICE' && w.subject.id === 'disb-2017-0110-5');
    expect(twice).toMatchObject({ subject: { stream: 'project-proj-2017-0110' }, details: { householdRef: 'hh-513336-0426', firstPayment: 'disb-2017-0110-1' } });
    expect(twice!.evidence).toHaveLength(2);
  });

  it('does not flag anomaly 8: the loan compensated exactly 90 days after the overdue mark (91 after maturity) is not early', () => {
    expect(subjectsOf('LOAN.COMPENSATED_EARLY')).not.toContain('loan-513336-2016-0125');
    expect(subjectsOf('LOAN.COMPENSATED_EARLY')).toEqual([]);
  });

  it('raises each planted anomaly’s rule only for the planted subjects (the rest of the county is in order)', () => {
    const planted: Partial<Record<WarningRule, string[]>> = {
      'SPENDING.NEGATIVE_LIST': ['disb-2017-0070-2'],
      'HOUSEHOLD.PAID_TWICE': ['disb-2017-0110-5'],
      'FUNDS.IDLE': ['alloc-2016-special-provincial-03'],
      'ASSET.NOT_REGISTERED': ['proj-2017-0195'],
      'NOTICE.TOO_SHORT': ['notice-proj-2017-0197-plan'],
      'NOTICE.LATE': ['alloc-2017-paired-02'],
      'VOUCHER.GAP': ['513336-2017-000567'],
      'VOUCHER.DATED_BACKWARDS': ['513336-2018-000292'],
    };
    for (const [rule, subjects] of Object.entries(planted)) expect([rule, subjectsOf(rule as WarningRule)]).toEqual([rule, subjects]);
  });
});
