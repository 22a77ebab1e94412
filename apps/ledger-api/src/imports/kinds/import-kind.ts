import type { Principal, Role } from '../../access/principal';
import type { CommandOrigin } from '../../commands/command-executor';
import type { LedgerCommand } from '../../commands/ledger-command';
import type { DtoClass } from './dto-shape';

/** The path ids of a route, by name: `{allocationId: 'alloc-1'}`. */
export type PathIds = Readonly<Record<string, string>>;

/**
 * One documented import kind: one row is one command of one write route. The columns are the
 * route's body fields (validated by the same DTO class) plus its path ids; the command is the
 * route's own command class, so the row is decided by the route's own handler.
 */
export interface ImportKind {
  /** As in the file name `NN-kind.csv` and the `kind` form field: `allocations`. */
  readonly kind: string;
  /** The route whose body the columns are, for the README and error messages: `POST /v1/allocations/{allocationId}/receipts`. */
  readonly route: string;
  readonly body: DtoClass;
  /** The path id columns, in the route's order. */
  readonly path: readonly string[];
  /** A DTO the route validates its path ids with (`RiskFundPath`); other path ids only need to be non-empty. */
  readonly pathDto?: DtoClass;
  /** Who may post it: the route's `@Roles` (an admin always may). */
  readonly roles: readonly Role[];
  /** Body fields the route may leave out (and fill in itself) but an import must state: `listedOn`. */
  readonly requiredColumns?: readonly string[];
  /**
   * Body fields holding a party (a payee, an asset owner; party.field.ts), one cell each: a
   * household reference as the register writes it (`hh-513336-0001`) becomes `{householdRef}`,
   * anything else is a unit's name.
   */
  readonly partyColumns?: readonly string[];
  command(origin: CommandOrigin, principal: Principal, body: object, path: PathIds): LedgerCommand<unknown, unknown>;
}

type CommandClass<Body, Path> = new (origin: CommandOrigin, principal: Principal, body: Body, path: Path) => LedgerCommand<Body, Path>;

/** Declares a kind with the command's own body and path types, so a row can only build the command its route builds. */
export function importKind<Body extends object, Path extends PathIds>(spec: {
  kind: string;
  route: string;
  body: new () => Body;
  path: readonly (keyof Path & string)[];
  pathDto?: DtoClass;
  roles: readonly Role[];
  requiredColumns?: readonly (keyof Body & string)[];
  partyColumns?: readonly (keyof Body & string)[];
  command: CommandClass<Body, Path>;
}): ImportKind {
  const { command, ...rest } = spec;
  return {
    ...rest,
    command: (origin, principal, body, path) => new command(origin, principal, body as Body, path as Path) as LedgerCommand<unknown, unknown>,
  };
}
