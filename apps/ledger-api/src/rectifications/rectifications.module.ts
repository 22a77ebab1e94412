import { Module } from '@nestjs/common';
import { rectificationHandlers } from './rectification.handlers';
import { RectificationsController } from './rectifications.controller';

@Module({ controllers: [RectificationsController], providers: [...rectificationHandlers] })
export class RectificationsModule {}
