import { Module } from '@nestjs/common';
import { noticeHandlers } from './notice.handlers';
import { NoticesController } from './notices.controller';

@Module({ controllers: [NoticesController], providers: [...noticeHandlers] })
export class NoticesModule {}
