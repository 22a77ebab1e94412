import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import type { LocalRules } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { LOCAL_RULES } from '../config/local-rules.provider';
import { AppendHooks } from '../store/append-hooks';
import { EVENT_STORE } from '../store/event-store.module';
import { ReadErrorsInterceptor } from './read-errors';
import { ReadSide } from './read-side';

@Injectable()
class ReadSideStopper implements OnModuleDestroy {
  constructor(@Inject(ReadSide) private readonly readSide: ReadSide) {}
  /** Before the store closes (that is an application-shutdown hook): the subscription reads from it. */
  async onModuleDestroy(): Promise<void> {
    await this.readSide.stop();
  }
}

/**
 * The projections wired into the app (read-side.ts): installed and caught up while the
 * application starts, inline on the embedded store or by subscription with LEDGER_READ_DB.
 */
@Global()
@Module({
  providers: [
    {
      provide: ReadSide,
      inject: [EVENT_STORE, AppendHooks, LEDGER_CONFIG, LOCAL_RULES],
      useFactory: (store: EventStore, hooks: AppendHooks, config: LedgerConfig, rules: LocalRules): Promise<ReadSide> =>
        ReadSide.start({ store, readDbUrl: config.readDbUrl, rules, registerInlineHook: (hook) => hooks.register(hook) }),
    },
    ReadSideStopper,
    ReadErrorsInterceptor,
  ],
  exports: [ReadSide, ReadErrorsInterceptor],
})
export class ReadModelModule {}
