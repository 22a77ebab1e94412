import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { BeneficiariesController } from './beneficiaries.controller';
import { BeneficiaryRegister } from './beneficiary-register';

@Injectable()
class RegisterCloser implements OnApplicationShutdown {
  constructor(@Inject(BeneficiaryRegister) private readonly register: BeneficiaryRegister) {}
  onApplicationShutdown(): void {
    this.register.close();
  }
}

/** Global: the disclosure views read the register to show masked names. */
@Global()
@Module({
  controllers: [BeneficiariesController],
  providers: [
    { provide: BeneficiaryRegister, inject: [LEDGER_CONFIG], useFactory: (config: LedgerConfig) => BeneficiaryRegister.open(config.dataDir) },
    RegisterCloser,
  ],
  exports: [BeneficiaryRegister],
})
export class BeneficiariesModule {}
