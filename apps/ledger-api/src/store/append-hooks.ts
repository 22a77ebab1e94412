import { Injectable } from '@nestjs/common';
import type { OnAppend } from '@ledger/event-store';

/**
 * What runs inside the embedded store's append transaction, after the events are inserted and
 * before COMMIT: the idempotency record of the request now, inline projections later. Each hook
 * commits or rolls back with the events, so an acknowledged answer and its events never part.
 * Hooks are registered while the application starts, before the first append.
 */
@Injectable()
export class AppendHooks {
  private readonly hooks: OnAppend[] = [];

  register(hook: OnAppend): void {
    this.hooks.push(hook);
  }

  readonly run: OnAppend = (db, recorded) => {
    for (const hook of this.hooks) hook(db, recorded);
  };
}
