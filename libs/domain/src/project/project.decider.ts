import { businessDate } from '../shared/business-date';
import { assertNever, type Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { Money } from '../shared/money';
import { assertNoPersonalData } from '../shared/personal-data';
import { entityId, fiscalYear, requiredText } from '../shared/reference-data';
import { RegionCode, regionCodeEdition } from '../shared/region-code';
import { party } from './party';
import type { AcceptProject, AmendProject, ApproveProject, CompleteProject, ListProject, ProjectCommand, RegisterAsset, StartProject } from './project.commands';
import { assetKinds, type AssetKind, type ProjectEvent, type ProjectFacts } from './project.events';
import { isProjectFactKey, parseFacts, projectFactKeys } from './project-facts';
import { addFundingLine, disburseFunds, reduceFundingLine, reimburseDisbursement, reverseDisbursement } from './project.money';
import { requireProject, requireStatus } from './project.guards';
import { evolveProject, initialProjectState, type Project, type ProjectState } from './project.state';

/** The project boundary (`project-{id}`): library, approval, lifecycle, funding lines, payments and assets. */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: initialProjectState,
  evolve: evolveProject,
  decide(command, state) {
    switch (command.type) {
      case 'ListProject':
        return [listProject(command, state)];
      case 'ApproveProject':
        return [approveProject(command, requireProject(state))];
      case 'AmendProject':
        return [amendProject(command, requireProject(state))];
      case 'StartProject':
      case 'CompleteProject':
      case 'AcceptProject':
        return [advanceProject(command, requireProject(state))];
      case 'RegisterAsset':
        return [registerAsset(command, requireProject(state))];
      case 'AddFundingLine':
        return [addFundingLine(command, state)];
      case 'ReduceFundingLine':
        return [reduceFundingLine(command, state)];
      case 'DisburseFunds':
        return [disburseFunds(command, requireProject(state))];
      case 'ReverseDisbursement':
        return [reverseDisbursement(command, requireProject(state))];
      case 'ReimburseDisbursement':
        return [reimburseDisbursement(command, requireProject(state))];
      default:
        return assertNever(command, 'project command');
    }
  },
};

function listProject({ data }: ListProject, state: ProjectState): ProjectEvent {
  const projectId = entityId(data.projectId, 'projectId');
  if (state.status !== 'none') refuse('PROJECT.ALREADY_EXISTS', `project ${projectId} exists`, { projectId });
  const village = RegionCode.village(data.villageCode);
  const facts = parseFacts(data, projectFactKeys) as ProjectFacts;
  return {
    type: 'ProjectListed',
    data: {
      projectId,
      ...facts,
      villageCode: village.village(),
      county: village.county(),
      fiscalYear: fiscalYear(data.fiscalYear),
      listedOn: businessDate(data.listedOn, 'listedOn'),
      regionCodeEdition,
    },
  };
}

function approveProject({ data }: ApproveProject, project: Project): ProjectEvent {
  if (project.status !== 'listed') refuse('PROJECT.ALREADY_APPROVED', `project ${project.projectId} is ${project.status}`);
  return {
    type: 'ProjectApproved',
    data: { projectId: project.projectId, approvedOn: businessDate(data.approvedOn, 'approvedOn'), documentNo: requiredText(data.documentNo, 'documentNo') },
  };
}

/** Keeps what each corrected fact was; facts given with their current value are not part of the amendment. */
function amendProject({ data }: AmendProject, project: Project): ProjectEvent {
  const keys = Object.keys(data.changes ?? {});
  const unknown = keys.find((key) => !isProjectFactKey(key));
  if (unknown !== undefined) refuse('PROJECT.FIELD_NOT_AMENDABLE', `${unknown} cannot be amended`, { field: unknown });
  const proposed = parseFacts(data.changes, keys.filter(isProjectFactKey));
  const changed = projectFactKeys.filter((key) => key in proposed && JSON.stringify(proposed[key]) !== JSON.stringify(project.facts[key]));
  if (changed.length === 0) refuse('PROJECT.NOTHING_TO_AMEND', `no fact of project ${project.projectId} would change`);
  const reason = requiredText(data.reason, 'reason');
  assertNoPersonalData({ reason });
  const pick = (facts: Partial<ProjectFacts>) => Object.fromEntries(changed.map((key) => [key, facts[key]])) as Partial<ProjectFacts>;
  return {
    type: 'ProjectAmended',
    data: { projectId: project.projectId, before: pick(project.facts), after: pick(proposed), reason, amendedOn: businessDate(data.amendedOn, 'amendedOn') },
  };
}

/** 开工 → 竣工 → 验收, each from the step before it. */
function advanceProject(command: StartProject | CompleteProject | AcceptProject, project: Project): ProjectEvent {
  const { projectId } = project;
  switch (command.type) {
    case 'StartProject':
      requireStatus(project, 'approved', 'start');
      return { type: 'ProjectStarted', data: { projectId, startedOn: businessDate(command.data.startedOn, 'startedOn') } };
    case 'CompleteProject':
      requireStatus(project, 'started', 'complete');
      return { type: 'ProjectCompleted', data: { projectId, completedOn: businessDate(command.data.completedOn, 'completedOn') } };
    case 'AcceptProject': {
      requireStatus(project, 'completed', 'be accepted');
      const acceptedBy = requiredText(command.data.acceptedBy, 'acceptedBy');
      assertNoPersonalData({ acceptedBy });
      return { type: 'ProjectAccepted', data: { projectId, acceptedOn: businessDate(command.data.acceptedOn, 'acceptedOn'), acceptedBy } };
    }
    default:
      return assertNever(command, 'project lifecycle command');
  }
}

function assetKind(input: unknown): AssetKind {
  if (!assetKinds.includes(input as AssetKind)) refuse('ASSET.KIND_UNKNOWN', `unknown asset kind: ${String(input)}`, { value: input });
  return input as AssetKind;
}

/** 形成资产: assets are registered once the works are completed (accepted or not). */
function registerAsset({ data }: RegisterAsset, project: Project): ProjectEvent {
  if (project.status !== 'completed' && project.status !== 'accepted') {
    refuse('ASSET.NOT_COMPLETED', `project ${project.projectId} is ${project.status}; assets are registered after completion`);
  }
  const assetId = entityId(data.assetId, 'assetId');
  if (project.assetIds.has(assetId)) refuse('ASSET.ALREADY_EXISTS', `asset ${assetId} exists`, { assetId });
  return {
    type: 'AssetRegistered',
    data: {
      projectId: project.projectId,
      assetId,
      kind: assetKind(data.kind),
      value: Money.positive(data.value).toString(),
      owner: party(data.owner, 'owner'),
      registeredOn: businessDate(data.registeredOn, 'registeredOn'),
    },
  };
}
