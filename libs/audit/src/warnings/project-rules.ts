import { invariant, RegionCode, streams, type ProjectAmended, type ProjectListed } from '@ledger/domain';
import { type LogPlace, getRow, putRow, requireRow, type RowProgram } from '@ledger/projections';
import { addDays } from './dates';
import { putWarning } from './warning-rows';
import { warningsTables as t, type ProjectRow } from './warnings.tables';

/**
 * A project's facts the rules need (place, listing date, whether it has performance targets), and
 * ASSET.NOT_REGISTERED: a completed project (竣工) with no asset registered (AssetRegistered)
 * within `assetRegistrationDaysMax` days of its completion date. Raised the day after that
 * deadline; cleared on the date of a late registration. Acceptance (验收) comes after completion,
 * so "completed or accepted" is judged from completion.
 */

export function* projectListed(data: ProjectListed['data']): RowProgram {
  invariant((yield* getRow(t.projects, { project_id: data.projectId })) === undefined, `project ${data.projectId} listed twice`);
  const village = RegionCode.village(data.villageCode);
  yield* putRow(t.projects, {
    project_id: data.projectId,
    county: village.county(),
    village: village.village(),
    listed_on: data.listedOn,
    targets: data.performanceTargets.length,
    completed_on: null,
    completed_position: null,
    first_asset_on: null,
    first_asset_position: null,
  });
}

export function* projectAmended(data: ProjectAmended['data']): RowProgram {
  const targets = data.after.performanceTargets;
  if (targets === undefined) return;
  const project = yield* requireRow(t.projects, { project_id: data.projectId }, 'ProjectAmended');
  yield* putRow(t.projects, { ...project, targets: targets.length });
}

export function* projectCompleted(projectId: string, completedOn: string, place: LogPlace, daysMax: number): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: projectId }, 'ProjectCompleted');
  invariant(project.completed_on === null, `project ${projectId} completed twice`);
  const next = { ...project, completed_on: completedOn, completed_position: place.position };
  yield* putRow(t.projects, next);
  yield* judgeAsset(next, place, daysMax);
}

export function* assetRegistered(projectId: string, registeredOn: string, place: LogPlace, daysMax: number): RowProgram {
  const project = yield* requireRow(t.projects, { project_id: projectId }, 'AssetRegistered');
  if (project.first_asset_on !== null && project.first_asset_on <= registeredOn) return;
  const next = { ...project, first_asset_on: registeredOn, first_asset_position: place.position };
  yield* putRow(t.projects, next);
  yield* judgeAsset(next, place, daysMax);
}

function* judgeAsset(project: ProjectRow, place: LogPlace, daysMax: number): RowProgram {
  if (project.completed_on === null || project.completed_position === null) return;
  const deadline = addDays(project.completed_on, daysMax);
  const registeredOn = project.first_asset_on;
  const late = registeredOn === null || registeredOn > deadline;
  yield* putWarning(
    {
      rule: 'ASSET.NOT_REGISTERED',
      subject: { stream: streams.project(project.project_id), id: project.project_id },
      county: project.county,
      region: project.village,
      holds: late,
      raisedOn: addDays(deadline, 1),
      clearedOn: registeredOn,
      evidence: project.first_asset_position === null ? [project.completed_position] : [project.completed_position, project.first_asset_position],
      details: { completedOn: project.completed_on, assetRegistrationDaysMax: daysMax, deadline, registeredOn },
    },
    place,
  );
}
