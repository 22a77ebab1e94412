import { Module } from '@nestjs/common';
import { RegionDirectory } from './region-directory';

/** The national region code set, opened once per process and closed at shutdown. */
@Module({
  providers: [{ provide: RegionDirectory, useFactory: (): RegionDirectory => RegionDirectory.open() }],
  exports: [RegionDirectory],
})
export class RegionsModule {}
