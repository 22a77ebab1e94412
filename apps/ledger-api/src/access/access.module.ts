import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { AccessGuard } from './access.guard';
import { PrincipalRegistry } from './principal-registry';
import { loadPrincipals } from './principals-file';

/**
 * Bearer-token access for every route (a global guard). Reads `<dataDir>/principals.json` at start,
 * creating it with the demo principals in the demo profile; needs LEDGER_CONFIG from the app module.
 */
@Module({
  providers: [
    {
      provide: PrincipalRegistry,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig): PrincipalRegistry => new PrincipalRegistry(loadPrincipals(config)),
    },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PrincipalRegistry],
})
export class AccessModule {}
