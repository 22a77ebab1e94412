import { Module } from '@nestjs/common';
import { projectLifecycleHandlers } from './project-lifecycle.handlers';
import { ProjectMoneyController } from './project-money.controller';
import { projectMoneyHandlers } from './project-money.handlers';
import { ProjectsController } from './projects.controller';

@Module({ controllers: [ProjectsController, ProjectMoneyController], providers: [...projectLifecycleHandlers, ...projectMoneyHandlers] })
export class ProjectsModule {}
