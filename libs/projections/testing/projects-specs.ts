import * as e from './ledger-events';
import { projectionHarness, type ProjectionHarness } from './projection-harness';
import { countyYearScenario } from './scenario';
import { projectsProjection } from '../src/projects/projects.projection';
import { getProject, listProjects } from '../src/projects/projects.queries';
import type { ReadModel } from '../src/read-model/read-model';

/** The project-completion specs, run against each read-model dialect. */
export function describeProjectsSpecs(dialect: string, openReadModel: () => Promise<ReadModel>): void {
  describe(`projects (${dialect}): the county year of 乡城县 2024`, () => {
    let h: ProjectionHarness;
    beforeAll(async () => {
      h = await projectionHarness(await openReadModel(), [projectsProjection]);
      await h.given(countyYearScenario());
    });
    afterAll(async () => h.readModel.close());

    it('shows a project’s status, dates, planned vs funded vs disbursed, and its lines down to the allocations', async () => {
      const p1 = await getProject(h.readModel.db, 'p-1');
      expect(p1).toMatchObject({
        projectId: 'p-1',
        county: '513336',
        township: '513336100',
        village: '513336100201',
        fiscalYear: 2024,
        status: 'accepted',
        dates: { listedOn: '2024-01-10', approvedOn: '2024-02-10', startedOn: '2024-04-10', completedOn: '2024-09-01', acceptedOn: '2024-10-01' },
        amounts: { planned: '600.00', funded: '500.00', disbursed: '400.00', reversed: '50.00', netDisbursed: '350.00', reimbursed: '350.00', unspent: '150.00' },
        investmentCompletion: '0.5833',
        assets: 1,
      });
      expect(p1!.fundingLines).toEqual([
        {
          fundingId: 'f-1',
          source: { kind: 'allocation', allocationId: 'a-sp' },
          fundedOn: '2024-04-01',
          funded: '400.00',
          disbursed: '300.00',
          reversed: '50.00',
          netDisbursed: '250.00',
          parts: [{ allocationId: 'a-sp', fundType: 'special', sourceLevel: 'central', fiscalYear: 2024, documentNo: '川财农〔2024〕a-sp号', originalChannel: null, partner: null, funded: '400.00' }],
        },
        {
          fundingId: 'f-2',
          source: { kind: 'allocation', allocationId: 'a-pr' },
          fundedOn: '2024-04-01',
          funded: '100.00',
          disbursed: '100.00',
          reversed: '0.00',
          netDisbursed: '100.00',
          parts: [{ allocationId: 'a-pr', fundType: 'special', sourceLevel: 'provincial', fiscalYear: 2024, documentNo: '川财农〔2024〕a-pr号', originalChannel: null, partner: null, funded: '100.00' }],
        },
      ]);
      expect(p1!.bySource).toEqual([
        { fundType: 'special', sourceLevel: 'central', funded: '400.00' },
        { fundType: 'special', sourceLevel: 'provincial', funded: '100.00' },
      ]);
    });

    it('keeps a pool line’s channels with what each still gives', async () => {
      const p2 = await getProject(h.readModel.db, 'p-2');
      expect(p2!.fundingLines[0]).toMatchObject({
        source: { kind: 'pool', pool: '513336-2024' },
        funded: '400.00',
        parts: [
          { allocationId: 'a-in1', sourceLevel: 'central', funded: '240.00' },
          { allocationId: 'a-in2', sourceLevel: 'provincial', funded: '160.00' },
        ],
      });
    });

    it('lists by region prefix, status and year, a page at a time', async () => {
      const all = await listProjects(h.readModel.db, { region: '513336' });
      expect(all.items.map((p) => p.projectId)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
      expect(all.next).toBeNull();
      expect((await listProjects(h.readModel.db, { region: '513336200' })).items.map((p) => p.projectId)).toEqual(['p-2', 'p-4']);
      expect((await listProjects(h.readModel.db, { status: 'approved' })).items.map((p) => [p.projectId, p.amounts.planned])).toEqual([['p-3', '250.00']]);
      expect((await listProjects(h.readModel.db, { fiscalYear: 2023 })).items).toEqual([]);
      const first = await listProjects(h.readModel.db, { limit: 3 });
      expect(first.next).toBe('p-3');
      expect((await listProjects(h.readModel.db, { limit: 3, after: first.next! })).items.map((p) => p.projectId)).toEqual(['p-4']);
    });

    it('answers undefined for a project never listed, and refuses a malformed query', async () => {
      expect(await getProject(h.readModel.db, 'p-none')).toBeUndefined();
      await expect(listProjects(h.readModel.db, { status: 'finished' })).rejects.toMatchObject({ code: 'PROJECTION.QUERY_INVALID' });
      await expect(listProjects(h.readModel.db, { limit: 0 })).rejects.toMatchObject({ code: 'PROJECTION.QUERY_INVALID' });
    });
  });

  describe(`projects (${dialect}): given events → rows`, () => {
    it('stops on a disbursement for a project never listed', async () => {
      const g = await projectionHarness(await openReadModel(), [projectsProjection]);
      await expect(g.given(e.disbursed('ghost', 'd', 'f', '1.00'))).rejects.toThrow(/no row in projects_lines/);
      await g.readModel.close();
    });
  });
}
