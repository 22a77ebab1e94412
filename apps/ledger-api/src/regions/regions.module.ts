import { Global, Module } from '@nestjs/common';
import { RegionDirectory } from './region-directory';

/**
 * The national region code set, opened once per process and closed at shutdown. Global: every
 * command route checks region codes against it.
 */
@Global()
@Module({
  providers: [{ provide: RegionDirectory, useFactory: (): RegionDirectory => RegionDirectory.open() }],
  exports: [RegionDirectory],
})
export class RegionsModule {}
