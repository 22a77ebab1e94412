import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ProjectFacts, projectDecider, streams } from '@ledger/domain';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer } from '../commands/command-executor';
import { LedgerCommands } from '../commands/ledger-commands';
import { RegionDirectory } from '../regions/region-directory';
import { toParty } from './party.field';
import {
  AcceptProjectCommand,
  AmendProjectCommand,
  ApproveProjectCommand,
  CompleteProjectCommand,
  ListProjectCommand,
  RegisterAssetCommand,
  StartProjectCommand,
} from './project.commands';
import type { AmendProjectBody } from './project.dto';
import { ProjectHandler, projectFold } from './project.handler';

@CommandHandler(ListProjectCommand)
export class ListProjectHandler extends ProjectHandler implements ICommandHandler<ListProjectCommand> {
  constructor(ledger: LedgerCommands, private readonly regions: RegionDirectory) {
    super(ledger);
  }

  async execute({ origin, principal, body }: ListProjectCommand): Promise<CommandAnswer> {
    this.regions.assertKnownRegion(body.villageCode, 'villageCode');
    assertRegionAccess(principal, body.villageCode);
    const { projectId } = body;
    return this.ledger.execute({ ...origin, regionCode: body.villageCode }, projectId, { project: projectFold(projectId) }, ({ project }) => [
      { stream: streams.project(projectId), events: projectDecider.decide({ type: 'ListProject', data: body }, project) },
    ]);
  }
}

@CommandHandler(ApproveProjectCommand)
export class ApproveProjectHandler extends ProjectHandler implements ICommandHandler<ApproveProjectCommand> {
  execute(command: ApproveProjectCommand): Promise<CommandAnswer> {
    const { projectId } = command.path;
    const { on, documentNo } = command.body;
    return this.onProjectOnly(command, projectId, projectId, { type: 'ApproveProject', data: { projectId, approvedOn: on, documentNo } });
  }
}

@CommandHandler(StartProjectCommand)
export class StartProjectHandler extends ProjectHandler implements ICommandHandler<StartProjectCommand> {
  execute(command: StartProjectCommand): Promise<CommandAnswer> {
    const { projectId } = command.path;
    return this.onProjectOnly(command, projectId, projectId, { type: 'StartProject', data: { projectId, startedOn: command.body.on } });
  }
}

@CommandHandler(CompleteProjectCommand)
export class CompleteProjectHandler extends ProjectHandler implements ICommandHandler<CompleteProjectCommand> {
  execute(command: CompleteProjectCommand): Promise<CommandAnswer> {
    const { projectId } = command.path;
    return this.onProjectOnly(command, projectId, projectId, { type: 'CompleteProject', data: { projectId, completedOn: command.body.on } });
  }
}

@CommandHandler(AcceptProjectCommand)
export class AcceptProjectHandler extends ProjectHandler implements ICommandHandler<AcceptProjectCommand> {
  execute(command: AcceptProjectCommand): Promise<CommandAnswer> {
    const { projectId } = command.path;
    const { on, acceptedBy } = command.body;
    return this.onProjectOnly(command, projectId, projectId, { type: 'AcceptProject', data: { projectId, acceptedOn: on, acceptedBy } });
  }
}

@CommandHandler(RegisterAssetCommand)
export class RegisterAssetHandler extends ProjectHandler implements ICommandHandler<RegisterAssetCommand> {
  execute(command: RegisterAssetCommand): Promise<CommandAnswer> {
    const { projectId } = command.path;
    const { owner, ...asset } = command.body;
    return this.onProjectOnly(command, projectId, asset.assetId, { type: 'RegisterAsset', data: { projectId, ...asset, owner: toParty(owner) } });
  }
}

/**
 * The facts a body names. A fact left out is no part of the amendment, and must not reach the
 * domain as a key holding `undefined`, which it would read as a fact corrected to nothing.
 */
function namedFacts({ reason: _reason, on: _on, ...facts }: AmendProjectBody): Partial<ProjectFacts> {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}

@CommandHandler(AmendProjectCommand)
export class AmendProjectHandler extends ProjectHandler implements ICommandHandler<AmendProjectCommand> {
  execute(command: AmendProjectCommand): Promise<CommandAnswer> {
    const { projectId } = command.path;
    const { reason, on } = command.body;
    return this.onProjectOnly(command, projectId, projectId, {
      type: 'AmendProject',
      data: { projectId, changes: namedFacts(command.body), reason, amendedOn: on },
    });
  }
}

export const projectLifecycleHandlers = [
  ListProjectHandler,
  ApproveProjectHandler,
  StartProjectHandler,
  CompleteProjectHandler,
  AcceptProjectHandler,
  RegisterAssetHandler,
  AmendProjectHandler,
];
