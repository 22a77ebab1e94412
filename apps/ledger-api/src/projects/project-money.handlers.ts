import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideDisbursement,
  decideDisbursementReversal,
  decideFundingReduction,
  decideProjectFunding,
  decideReimbursement,
  type FundingSourceRef,
  invariant,
  type LocalRules,
} from '@ledger/domain';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer } from '../commands/command-executor';
import { EntityIndex } from '../commands/entity-index';
import { LedgerCommands } from '../commands/ledger-commands';
import { LOCAL_RULES } from '../config/local-rules.provider';
import { RegionDirectory } from '../regions/region-directory';
import { toFundingSourceRef } from './funding-source.field';
import { toParty } from './party.field';
import { DisburseFundsCommand, FundProjectCommand, ReduceFundingCommand, ReimburseDisbursementCommand, ReverseDisbursementCommand } from './project.commands';
import { ProjectMoneyHandler } from './project.handler';

@CommandHandler(FundProjectCommand)
export class FundProjectHandler extends ProjectMoneyHandler implements ICommandHandler<FundProjectCommand> {
  constructor(ledger: LedgerCommands, index: EntityIndex, @Inject(LOCAL_RULES) rules: LocalRules, private readonly regions: RegionDirectory) {
    super(ledger, index, rules);
  }

  async execute(command: FundProjectCommand): Promise<CommandAnswer> {
    const { projectId } = command.path;
    const { fundingId, amount, fundedOn } = command.body;
    const project = await this.existingProject(command, projectId);
    const source = toFundingSourceRef(command.body.source);
    await this.assertSourceAccess(command, source);
    this.refuseTakenElsewhere('funding', fundingId, projectId);
    return this.withSource(command, project, fundingId, source, (states) =>
      decideProjectFunding({ type: 'FundProject', data: { projectId, fundingId, source, amount, fundedOn } }, states),
    );
  }

  /**
   * Money leaves the source's county as well as entering the project's: the principal must act for
   * both. A missing allocation is the domain's refusal (422 ALLOCATION.NOT_FOUND: its id is in the body).
   */
  private async assertSourceAccess(command: FundProjectCommand, source: FundingSourceRef): Promise<void> {
    if (source.kind === 'pool') {
      this.regions.assertKnownRegion(source.county, 'source.pool.countyCode');
      assertRegionAccess(command.principal, source.county);
      return;
    }
    const allocation = await this.ledger.load(this.allocationFold(source.allocationId));
    if (allocation.status !== 'none') assertRegionAccess(command.principal, allocation.county);
  }
}

@CommandHandler(ReduceFundingCommand)
export class ReduceFundingHandler extends ProjectMoneyHandler implements ICommandHandler<ReduceFundingCommand> {
  async execute(command: ReduceFundingCommand): Promise<CommandAnswer> {
    const { fundingId } = command.path;
    const { on, ...reduction } = command.body;
    const project = await this.projectHolding(command, 'funding', fundingId);
    const { projectId } = project;
    const line = project.lines.get(fundingId);
    invariant(line !== undefined, `the entity index puts funding ${fundingId} in project ${projectId}, which has no such line`);
    return this.withSource(command, project, reduction.reductionId, line.source, (states) =>
      decideFundingReduction({ type: 'ReduceFunding', data: { projectId, fundingId, ...reduction, reducedOn: on } }, states),
    );
  }
}

@CommandHandler(DisburseFundsCommand)
export class DisburseFundsHandler extends ProjectMoneyHandler implements ICommandHandler<DisburseFundsCommand> {
  async execute(command: DisburseFundsCommand): Promise<CommandAnswer> {
    const { projectId } = command.path;
    const { payee, ...disbursement } = command.body;
    const project = await this.existingProject(command, projectId);
    this.refuseTakenElsewhere('disbursement', disbursement.disbursementId, projectId);
    return this.withVoucherBook(command, project, disbursement.disbursementId, disbursement.paidOn, (states) =>
      decideDisbursement({ type: 'DisburseFunds', data: { projectId, ...disbursement, payee: toParty(payee) } }, states),
    );
  }
}

@CommandHandler(ReverseDisbursementCommand)
export class ReverseDisbursementHandler extends ProjectMoneyHandler implements ICommandHandler<ReverseDisbursementCommand> {
  async execute(command: ReverseDisbursementCommand): Promise<CommandAnswer> {
    const { disbursementId } = command.path;
    const project = await this.projectHolding(command, 'disbursement', disbursementId);
    const { projectId } = project;
    return this.withVoucherBook(command, project, command.body.reversalId, command.body.reversedOn, (states) =>
      decideDisbursementReversal({ type: 'ReverseDisbursement', data: { projectId, disbursementId, ...command.body } }, states),
    );
  }
}

@CommandHandler(ReimburseDisbursementCommand)
export class ReimburseDisbursementHandler extends ProjectMoneyHandler implements ICommandHandler<ReimburseDisbursementCommand> {
  async execute(command: ReimburseDisbursementCommand): Promise<CommandAnswer> {
    const { disbursementId } = command.path;
    const project = await this.projectHolding(command, 'disbursement', disbursementId);
    const { projectId } = project;
    return this.withVoucherBook(command, project, command.body.reimbursementId, command.body.reimbursedOn, (states) =>
      decideReimbursement({ type: 'ReimburseDisbursement', data: { projectId, disbursementId, ...command.body } }, states),
    );
  }
}

export const projectMoneyHandlers = [FundProjectHandler, ReduceFundingHandler, DisburseFundsHandler, ReverseDisbursementHandler, ReimburseDisbursementHandler];
