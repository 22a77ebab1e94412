import { Command } from '@nestjs/cqrs';
import type { Principal } from '../access/principal';
import type { CommandAnswer, CommandOrigin } from './command-executor';

/**
 * The shape of every write command on the bus: who asks (for region checks and metadata), the
 * validated body, and the ids from the path. One class per command, so the bus routes by class.
 */
export abstract class LedgerCommand<Body, Path = Record<string, never>> extends Command<CommandAnswer> {
  constructor(
    readonly origin: CommandOrigin,
    readonly principal: Principal,
    readonly body: Body,
    readonly path: Path,
  ) {
    super();
  }
}
