import { Controller, Get, Param, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError, entityId } from '@ledger/domain';
import { getProject, listProjects, readConsistently, type ProjectDetail, type ProjectSummary } from '@ledger/projections';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { assertRegionAccess } from '../access/region-access';
import { EdgeError } from '../http/edge-error';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { answerAsOf, regionQueryCode } from '../read-model/query-params';
import { ReadErrorsInterceptor } from '../read-model/read-errors';
import { type AsOf, ReadSide } from '../read-model/read-side';
import { ProjectListQuery } from './project-views.query';

const projectsProjection = ['projects'] as const;

/**
 * Project state (the `projects` projection): status and dates, planned vs funded vs disbursed, the
 * funding lines down to the allocations and their documents. Inspectors read every project under
 * their prefix, finance bureaus their own region's.
 */
@ApiTags('read')
@Controller('v1/projects')
@UseInterceptors(ReadErrorsInterceptor)
export class ProjectViewsController {
  constructor(private readonly readSide: ReadSide) {}

  @Get()
  @Roles('inspector', 'finance')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ProjectListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ items: readonly ProjectSummary[]; next: string | null; asOf: AsOf }> {
    const region = this.regionOf(principal, query.region);
    const filter = {
      ...(region === undefined ? {} : { region }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.fiscalYear === undefined ? {} : { fiscalYear: Number(query.fiscalYear) }),
      ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
      ...(query.after === undefined ? {} : { after: query.after }),
    };
    const { value, position } = await readConsistently(this.readSide.db, projectsProjection, () => listProjects(this.readSide.db, filter));
    const asOf = await this.readSide.asOf(position);
    answerAsOf(response, asOf);
    return { ...value, asOf };
  }

  @Get(':projectId')
  @Roles('inspector', 'finance')
  async one(@CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Res({ passthrough: true }) response: Response): Promise<ProjectDetail & { asOf: AsOf }> {
    const id = isEntityId(projectId) ? projectId : undefined;
    const { value, position } = await readConsistently(this.readSide.db, projectsProjection, async () => (id === undefined ? undefined : getProject(this.readSide.db, id)));
    if (value === undefined) throw new SubjectNotFoundInPath(new DomainError('PROJECT.NOT_FOUND', `no project ${projectId} is in the library`, { projectId }));
    assertRegionAccess(principal, value.village);
    const asOf = await this.readSide.asOf(position);
    answerAsOf(response, asOf);
    return { ...value, asOf };
  }

  /**
   * The region a listing covers: the one asked for (within the principal's), else the principal's
   * own when it is a county, township or village, else everything for a principal of the whole
   * country. A province- or city-level principal must say which region.
   */
  private regionOf(principal: Principal, asked: string | undefined): string | undefined {
    if (asked !== undefined) {
      const region = regionQueryCode(asked);
      assertRegionAccess(principal, region);
      return region;
    }
    const own = principal.regionPrefix;
    if (own === '') return undefined;
    if ([6, 9, 12].includes(own.length)) return own;
    const message = `${principal.id} reads regions under ${own}: name a county, township or village in region`;
    throw new EdgeError('VALIDATION.FAILED', message, { errors: [{ field: 'region', rule: 'FIELD.REQUIRED', message }] });
  }
}

function isEntityId(value: string): boolean {
  try {
    entityId(value, 'projectId');
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
