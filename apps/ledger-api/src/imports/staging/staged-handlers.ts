import { Injectable, type InjectionToken, type Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, SELF_DECLARED_DEPS_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { COMMAND_HANDLER_METADATA } from '@nestjs/cqrs/dist/decorators/constants';
import type { CommandAnswer } from '../../commands/command-executor';
import { EntityIndex } from '../../commands/entity-index';
import { IdempotencyService } from '../../commands/idempotency/idempotency.service';
import type { LedgerCommand } from '../../commands/ledger-command';
import { LedgerCommands } from '../../commands/ledger-commands';
import { type Region, RegionDirectory } from '../../regions/region-directory';
import { EMBEDDED_DATABASE, EVENT_STORE } from '../../store/event-store.module';
import type { StagedEntityIndex } from './staged-entity-index';
import type { StagedLedger } from './staged-ledger';

interface CommandHandler {
  execute(command: LedgerCommand<unknown, unknown>): Promise<CommandAnswer>;
}

/**
 * What a handler may not be given in an import: anything that writes or reads around the staged
 * ledger would post a row before the whole file is decided. A handler that needs one of these
 * cannot be staged, and the import says so instead of posting half a file.
 */
const unstageable: readonly InjectionToken[] = [EVENT_STORE, EMBEDDED_DATABASE, IdempotencyService, CommandBus];

/**
 * The route handlers of the write side, instantiated once more for each import with the staged
 * ledger and index in place of `LedgerCommands` and `EntityIndex`, and the region directory
 * behind a memo; every other dependency (the local rules) is the application's own. So a row is
 * decided by the very code that decides the route's request, found by the same `@CommandHandler`
 * metadata the bus uses.
 */
@Injectable()
export class StagedHandlers {
  private handlerClasses: ReadonlyMap<Function, Type<CommandHandler>> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** A function that runs a command through its handler, wired to this import's staging. */
  forStaging(ledger: StagedLedger, index: StagedEntityIndex): (command: LedgerCommand<unknown, unknown>) => Promise<CommandAnswer> {
    const instances = new Map<Function, CommandHandler>();
    const substitutes = new Map<unknown, unknown>([
      [LedgerCommands, ledger],
      [EntityIndex, index],
      [RegionDirectory, rememberingRegions(this.moduleRef.get(RegionDirectory, { strict: false }))],
    ]);
    return (command) => {
      const commandClass = command.constructor;
      let handler = instances.get(commandClass);
      if (handler === undefined) {
        handler = this.instantiate(this.handlerClassOf(commandClass), substitutes);
        instances.set(commandClass, handler);
      }
      return handler.execute(command);
    };
  }

  private handlerClassOf(commandClass: Function): Type<CommandHandler> {
    this.handlerClasses ??= new Map(
      this.discovery
        .getProviders()
        .map((wrapper) => wrapper.metatype)
        .filter((metatype): metatype is Type<CommandHandler> => typeof metatype === 'function' && Reflect.hasMetadata(COMMAND_HANDLER_METADATA, metatype))
        .map((metatype) => [Reflect.getMetadata(COMMAND_HANDLER_METADATA, metatype) as Function, metatype] as const),
    );
    const found = this.handlerClasses.get(commandClass);
    if (found === undefined) throw new Error(`no @CommandHandler for ${commandClass.name}`);
    return found;
  }

  /** Builds the handler as Nest would (its constructor's parameter types and @Inject tokens), with the staged substitutes. */
  private instantiate(handlerClass: Type<CommandHandler>, substitutes: ReadonlyMap<unknown, unknown>): CommandHandler {
    const types = (Reflect.getMetadata(PARAMTYPES_METADATA, handlerClass) ?? []) as InjectionToken[];
    const declared = (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, handlerClass) ?? []) as { index: number; param: InjectionToken }[];
    const tokens = types.map((type, position) => declared.find((dependency) => dependency.index === position)?.param ?? type);
    const dependencies = tokens.map((token) => {
      if (substitutes.has(token)) return substitutes.get(token);
      if (unstageable.includes(token)) throw new Error(`${handlerClass.name} depends on ${String(token)}, which an import cannot stage`);
      return this.moduleRef.get(token, { strict: false });
    });
    return new handlerClass(...dependencies);
  }
}

/**
 * The region directory, its answers remembered for one import: handlers look up the row's county
 * or village once per row (a SQLite query each), and 100,000 rows name a few hundred regions.
 * The code set is reference data that does not change while the process runs.
 */
function rememberingRegions(regions: RegionDirectory): RegionDirectory {
  const known = new Map<string, Region | null>();
  const find = (code: string): Region | null => {
    let region = known.get(code);
    if (region === undefined) {
      region = regions.find(code);
      known.set(code, region);
    }
    return region;
  };
  return new Proxy(regions, {
    get(target, property, receiver) {
      if (property === 'find') return find;
      const value: unknown = Reflect.get(target, property, receiver);
      // Methods run with the proxy as `this`, so assertKnownRegion asks the remembering find.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(receiver) : value;
    },
  });
}
