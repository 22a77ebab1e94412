import { Inject, Injectable } from '@nestjs/common';
import type { StreamDecision } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../store/event-store.module';
import { type CommandAnswer, type CommandOrigin, executeCommand, foldStream, type Folds, type StatesOf, type StreamFold } from './command-executor';
import { IdempotencyService } from './idempotency/idempotency.service';

/**
 * What every command route calls: names the answer's id for the idempotency record, then loads,
 * decides and appends (command-executor.ts).
 */
@Injectable()
export class LedgerCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly idempotency: IdempotencyService,
  ) {}

  execute<F extends Folds>(origin: CommandOrigin, id: string, folds: F, decide: (states: StatesOf<F>) => StreamDecision): Promise<CommandAnswer> {
    this.idempotency.expectAnswer(origin.principalId, origin.idempotencyKey, id);
    return executeCommand(this.store, origin, id, folds, decide);
  }

  /** Reads one stream's state, for handlers that must learn a county before choosing the other streams. */
  async load<S>(fold: StreamFold<S>): Promise<S> {
    return (await foldStream(this.store, fold)).state;
  }
}
