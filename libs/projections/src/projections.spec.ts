import { projectionHarness } from '../testing/projection-harness';
import { countyYearScenario, scaledScenario } from '../testing/scenario';
import { accountBalances, trialBalance } from './journal/journal.queries';
import { queryMetrics } from './metrics/metrics.queries';
import { readProjections } from './projections';
import { listProjects } from './projects/projects.queries';
import { SqliteReadModel } from './read-model/sqlite-read-model';
import { fenOf, yuanOf } from './shared/fen';

const sum = (amounts: readonly string[]) => yuanOf(amounts.reduce((total, amount) => total + fenOf(amount), 0n));

describe('the three projections over one log', () => {
  it('agree with each other: journal accounts, metrics and project views tell the same money', async () => {
    const h = await projectionHarness(SqliteReadModel.open(':memory:'), readProjections());
    await h.given(countyYearScenario());
    const db = h.readModel.db;
    const accounts = await accountBalances(db, { prefix: 'project:' });
    const projects = (await listProjects(db)).items;
    const metrics = await queryMetrics(db, { region: '513336' });
    const ofKind = (suffix: RegExp) => sum(accounts.filter((a) => suffix.test(a.account)).map((a) => a.balance));
    // Unspent on the lines, paid and not reimbursed, and reimbursed: the journal and the project views.
    expect(ofKind(/:line:/)).toBe(sum(projects.map((p) => p.amounts.unspent)));
    expect(sum([ofKind(/:disbursed$/), ofKind(/:reimbursed$/)])).toBe(sum(projects.map((p) => p.amounts.netDisbursed)));
    expect(ofKind(/:reimbursed$/)).toBe(metrics.amounts.reimbursed);
    // Net disbursed on projects: the metrics and the project views.
    expect(sum(projects.map((p) => p.amounts.netDisbursed))).toBe(sum([metrics.amounts.disbursed, `-${metrics.amounts.reversed}`]));
    expect((await trialBalance(db)).sum).toBe('0.00');
    await h.readModel.close();
  });

  it('scale by copies of the county year, each counted once', async () => {
    const h = await projectionHarness(SqliteReadModel.open(':memory:'), readProjections());
    await h.given(scaledScenario(3));
    const metrics = await queryMetrics(h.readModel.db, { region: '513336', fiscalYear: 2024 });
    expect(metrics.amounts.allocated).toBe('8250.00'); // 3 × 2750
    expect(metrics.projects).toEqual({ approved: 9, started: 6, completed: 3 });
    expect(metrics.rates.timelyNoticeRate).toBe('0.5000');
    await h.readModel.close();
  });
});
