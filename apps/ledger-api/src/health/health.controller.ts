import { Controller, Get, Inject } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import { Public } from '../access/access.decorators';
import { EVENT_STORE } from '../store/event-store.module';

export interface HealthAnswer {
  status: 'ok';
  store: string;
  /** The global position of the last stored event (0 for an empty ledger), as a JSON number. */
  position: number;
}

@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  async health(): Promise<HealthAnswer> {
    return { status: 'ok', store: this.store.kind, position: Number(await this.store.headPosition()) };
  }
}
