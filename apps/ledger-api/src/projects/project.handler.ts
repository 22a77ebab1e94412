import { Inject, Injectable } from '@nestjs/common';
import {
  allocationDecider,
  DomainError,
  type ErrorCode,
  type FundingSourceRef,
  type FundingStates,
  type LocalRules,
  type PaymentStates,
  poolDecider,
  type Project,
  type ProjectCommand,
  projectDecider,
  type StreamDecision,
  streams,
  voucherBookDecider,
  voucherBookStream,
} from '@ledger/domain';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { EntityIndex, type IndexedKind } from '../commands/entity-index';
import { foldOf } from '../commands/fold-of';
import type { LedgerCommand } from '../commands/ledger-command';
import { LedgerCommands } from '../commands/ledger-commands';
import { LOCAL_RULES } from '../config/local-rules.provider';
import { SubjectNotFoundInPath } from '../http/subject-in-path';

type AnyCommand = LedgerCommand<unknown, unknown>;

/*
 * Every stream is folded by its own boundary's decider and nothing else: the ledger caches folded
 * states by stream name (commands/stream-states.ts), so a second fold of the same stream into
 * another shape would be handed the first one's state.
 */

export function projectFold(projectId: string) {
  return foldOf(streams.project(projectId), projectDecider);
}

/** Events carry the project's village as the region the command acted in. */
function originOf(command: AnyCommand, project: Project): CommandOrigin {
  return { ...command.origin, regionCode: project.villageCode };
}

/**
 * The project boundary's handlers: load, decide with the domain, append. Nothing else.
 * `@Injectable()` makes TypeScript emit the constructor's parameter types, which Nest reads to
 * inject the subclasses that declare no constructor of their own.
 */
@Injectable()
export abstract class ProjectHandler {
  constructor(protected readonly ledger: LedgerCommands) {}

  /** The project named in the path (or found through an id in it): 404 when it does not exist, 403 outside the principal's region. */
  protected async existingProject(command: AnyCommand, projectId: string): Promise<Project> {
    const state = await this.ledger.load(projectFold(projectId));
    if (state.status === 'none') throw new SubjectNotFoundInPath(new DomainError('PROJECT.NOT_FOUND', `no project ${projectId}`));
    // By village, not county: a township's principal acts for its own villages' projects only.
    assertRegionAccess(command.principal, state.villageCode);
    return state;
  }

  /** A command on the project stream alone: lifecycle steps, amendments, assets. */
  protected async onProjectOnly(command: AnyCommand, projectId: string, id: string, domainCommand: ProjectCommand): Promise<CommandAnswer> {
    const project = await this.existingProject(command, projectId);
    return this.ledger.execute(originOf(command, project), id, { project: projectFold(projectId) }, ({ project }) => [
      { stream: streams.project(projectId), events: projectDecider.decide(domainCommand, project) },
    ]);
  }
}

/** The codes for an id of the entity index: missing from the path, or taken by another project. */
const indexedCodes = {
  funding: { notFound: 'FUNDING.NOT_FOUND', taken: 'FUNDING.ALREADY_EXISTS' },
  disbursement: { notFound: 'DISBURSEMENT.NOT_FOUND', taken: 'DISBURSEMENT.ALREADY_EXISTS' },
} as const satisfies Partial<Record<IndexedKind, { notFound: ErrorCode; taken: ErrorCode }>>;

type ProjectIndexedKind = keyof typeof indexedCodes;

/** The handlers that move a project's money; their ids appear in paths, so each is unique across the ledger. */
export abstract class ProjectMoneyHandler extends ProjectHandler {
  constructor(
    ledger: LedgerCommands,
    protected readonly index: EntityIndex,
    @Inject(LOCAL_RULES) protected readonly rules: LocalRules,
  ) {
    super(ledger);
  }

  /** An allocation, folded as its own handlers fold it. */
  protected allocationFold(allocationId: string) {
    return foldOf(streams.allocation(allocationId), allocationDecider(this.rules));
  }

  /** The project holding the funding or disbursement named in the path (`/fundings/{id}`, `/disbursements/{id}`). */
  protected projectHolding(command: AnyCommand, kind: ProjectIndexedKind, id: string): Promise<Project> {
    const stream = this.index.streamOf(kind, id);
    if (stream === undefined) throw new SubjectNotFoundInPath(new DomainError(indexedCodes[kind].notFound, `no ${kind} ${id}`));
    return this.existingProject(command, stream.slice(streams.project('').length));
  }

  /**
   * Refuses an id another project took; a reuse within the project is the domain's refusal. The
   * other project is not named: it may lie in a county the caller may not see.
   */
  protected refuseTakenElsewhere(kind: ProjectIndexedKind, id: string, projectId: string): void {
    const holder = this.index.streamOf(kind, id);
    if (holder !== undefined && holder !== streams.project(projectId)) {
      throw new DomainError(indexedCodes[kind].taken, `${kind} ${id} already exists`, { field: `${kind}Id` });
    }
  }

  /** A payment: the project, and the voucher book of its county for the year of the voucher's date. */
  protected withVoucherBook(command: AnyCommand, project: Project, id: string, voucherDate: string, decide: (states: PaymentStates) => StreamDecision): Promise<CommandAnswer> {
    const folds = { project: projectFold(project.projectId), voucherBook: foldOf(voucherBookStream(project.county, voucherDate), voucherBookDecider) };
    return this.ledger.execute(originOf(command, project), id, folds, decide);
  }

  /** A funding line's move: the project, and the allocation or the pool the money comes from or goes back to. */
  protected withSource(command: AnyCommand, project: Project, id: string, source: FundingSourceRef, decide: (states: FundingStates) => StreamDecision): Promise<CommandAnswer> {
    const origin = originOf(command, project);
    const projectState = projectFold(project.projectId);
    if (source.kind === 'allocation') {
      const folds = { project: projectState, allocation: this.allocationFold(source.allocationId) };
      return this.ledger.execute(origin, id, folds, (states) => decide({ project: states.project, source: { kind: 'allocation', state: states.allocation } }));
    }
    const folds = { project: projectState, pool: foldOf(streams.pool(source.county, source.fiscalYear), poolDecider) };
    return this.ledger.execute(origin, id, folds, (states) => decide({ project: states.project, source: { kind: 'pool', state: states.pool } }));
  }
}
