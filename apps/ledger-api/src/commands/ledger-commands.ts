import { Inject, Injectable } from '@nestjs/common';
import type { StreamDecision } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../store/event-store.module';
import { type CommandAnswer, type CommandOrigin, executeCommand, type Folds, type StatesOf } from './command-executor';
import { StreamLocks } from './stream-locks';
import { type StreamFold, StreamStates } from './stream-states';
import { IdempotencyService } from './idempotency/idempotency.service';

/**
 * What every command route calls: names the answer's id for the idempotency record, then loads,
 * decides and appends (command-executor.ts).
 */
@Injectable()
export class LedgerCommands {
  private readonly streamStates: StreamStates;
  private readonly locks = new StreamLocks();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly idempotency: IdempotencyService,
  ) {
    this.streamStates = new StreamStates(store);
  }

  execute<F extends Folds>(origin: CommandOrigin, id: string, folds: F, decide: (states: StatesOf<F>) => StreamDecision): Promise<CommandAnswer> {
    this.idempotency.expectAnswer(origin.principalId, origin.idempotencyKey, id);
    const streams = Object.values(folds).map((fold) => fold.stream);
    return this.locks.withLocks(streams, () => executeCommand(this.store, this.streamStates, origin, id, folds, decide));
  }

  /** Reads one stream's state, for handlers that must learn a county before choosing the other streams. */
  async load<S>(fold: StreamFold<S>): Promise<S> {
    return (await this.streamStates.load(fold)).state;
  }
}
