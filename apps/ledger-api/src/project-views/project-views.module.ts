import { Module } from '@nestjs/common';
import { ProjectViewsController } from './project-views.controller';

/** `GET /v1/projects` and `GET /v1/projects/{id}`: the project state of the `projects` projection. */
@Module({ controllers: [ProjectViewsController] })
export class ProjectViewsModule {}
