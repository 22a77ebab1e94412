import { Module } from '@nestjs/common';
import { AllocationsController } from './allocations.controller';
import { allocationHandlers } from './allocation.handlers';

@Module({ controllers: [AllocationsController], providers: [...allocationHandlers] })
export class AllocationsModule {}
