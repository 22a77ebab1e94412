import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { Origin } from '../commands/command-origin.decorator';
import { chinaDateAt } from './listing-date';
import {
  AcceptProjectCommand,
  AmendProjectCommand,
  ApproveProjectCommand,
  CompleteProjectCommand,
  ListProjectCommand,
  RegisterAssetCommand,
  StartProjectCommand,
} from './project.commands';
import {
  AcceptProjectBody,
  AmendProjectBody,
  ApproveProjectBody,
  CompleteProjectBody,
  ListProjectBody,
  RegisterAssetBody,
  StartProjectBody,
} from './project.dto';

/** 项目库 and the life of a project: listing, approval, start, completion, acceptance, amendments, assets. */
@ApiTags('projects')
@Roles('finance')
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  list(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Body() body: ListProjectBody): Promise<CommandAnswer> {
    const listedOn = body.listedOn ?? chinaDateAt(new Date());
    return this.commands.execute(new ListProjectCommand(origin, principal, { ...body, listedOn }, {}));
  }

  @Post(':projectId/approval')
  @HttpCode(201)
  approve(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Body() body: ApproveProjectBody): Promise<CommandAnswer> {
    return this.commands.execute(new ApproveProjectCommand(origin, principal, body, { projectId }));
  }

  @Post(':projectId/start')
  @HttpCode(201)
  start(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Body() body: StartProjectBody): Promise<CommandAnswer> {
    return this.commands.execute(new StartProjectCommand(origin, principal, body, { projectId }));
  }

  @Post(':projectId/completion')
  @HttpCode(201)
  complete(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Body() body: CompleteProjectBody): Promise<CommandAnswer> {
    return this.commands.execute(new CompleteProjectCommand(origin, principal, body, { projectId }));
  }

  @Post(':projectId/acceptance')
  @HttpCode(201)
  accept(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Body() body: AcceptProjectBody): Promise<CommandAnswer> {
    return this.commands.execute(new AcceptProjectCommand(origin, principal, body, { projectId }));
  }

  @Post(':projectId/assets')
  @HttpCode(201)
  registerAsset(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Body() body: RegisterAssetBody): Promise<CommandAnswer> {
    return this.commands.execute(new RegisterAssetCommand(origin, principal, body, { projectId }));
  }

  @Post(':projectId/amendments')
  @HttpCode(201)
  amend(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('projectId') projectId: string, @Body() body: AmendProjectBody): Promise<CommandAnswer> {
    return this.commands.execute(new AmendProjectCommand(origin, principal, body, { projectId }));
  }
}
