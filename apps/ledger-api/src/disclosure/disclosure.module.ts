import { Module } from '@nestjs/common';
import { DisclosureController } from './disclosure.controller';
import { DisclosureViews } from './disclosure-view';
import { PublicViewInterceptor } from './public-read';

/** 三级公开: the public disclosure views and exports, through the de-identification layer (the views also go into proof bundles). */
@Module({ controllers: [DisclosureController], providers: [DisclosureViews, PublicViewInterceptor], exports: [DisclosureViews] })
export class DisclosureModule {}
