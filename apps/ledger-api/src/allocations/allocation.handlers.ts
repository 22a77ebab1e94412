import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type Allocation,
  type AllocationMoneyCommand,
  allocationDecider,
  decideAllocationMoney,
  decideFundsReceipt,
  decideReceiptReversal,
  DomainError,
  type LocalRules,
  poolDecider,
  requireAllocation,
  streams,
  voucherBookDecider,
  voucherBookStream,
} from '@ledger/domain';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer } from '../commands/command-executor';
import type { LedgerCommand } from '../commands/ledger-command';
import { EntityIndex } from '../commands/entity-index';
import { foldOf } from '../commands/fold-of';
import { LedgerCommands } from '../commands/ledger-commands';
import { LOCAL_RULES } from '../config/local-rules.provider';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { RegionDirectory } from '../regions/region-directory';
import {
  AllocateFundsCommand,
  CarryOverFundsCommand,
  ClawBackFundsCommand,
  ReceiveFundsCommand,
  ReduceAllocationCommand,
  ReverseReceiptCommand,
} from './allocation.commands';

type AnyCommand = LedgerCommand<unknown, unknown>;

/** The allocation boundary's handlers: load, decide with the domain, append. Nothing else. */
abstract class AllocationHandler {
  constructor(
    protected readonly ledger: LedgerCommands,
    @Inject(LOCAL_RULES) protected readonly rules: LocalRules,
  ) {}

  protected allocationFold(allocationId: string) {
    return foldOf(streams.allocation(allocationId), allocationDecider(this.rules));
  }

  /** The allocation named in the path, which must exist and lie in the principal's region. */
  protected async existingAllocation(command: AnyCommand, allocationId: string): Promise<Allocation> {
    try {
      const allocation = requireAllocation(await this.ledger.load(this.allocationFold(allocationId)));
      assertRegionAccess(command.principal, allocation.county);
      return allocation;
    } catch (error) {
      throw error instanceof DomainError && error.code === 'ALLOCATION.NOT_FOUND' ? new SubjectNotFoundInPath(error) : error;
    }
  }

  /** A money command on one allocation stream alone (reductions, carry-overs, claw-backs). */
  protected async onAllocationOnly(command: AnyCommand, allocationId: string, id: string, domainCommand: AllocationMoneyCommand): Promise<CommandAnswer> {
    const allocation = await this.existingAllocation(command, allocationId);
    return this.ledger.execute({ ...command.origin, regionCode: allocation.county }, id, { allocation: this.allocationFold(allocationId) }, ({ allocation }) => [
      { stream: streams.allocation(allocationId), events: decideAllocationMoney(domainCommand, allocation) },
    ]);
  }
}

@CommandHandler(AllocateFundsCommand)
export class AllocateFundsHandler extends AllocationHandler implements ICommandHandler<AllocateFundsCommand> {
  constructor(ledger: LedgerCommands, @Inject(LOCAL_RULES) rules: LocalRules, private readonly regions: RegionDirectory) {
    super(ledger, rules);
  }

  async execute({ origin, principal, body }: AllocateFundsCommand): Promise<CommandAnswer> {
    this.regions.assertKnownRegion(body.countyCode, 'countyCode');
    assertRegionAccess(principal, body.countyCode);
    const { channel, countyCode, ...rest } = body;
    const decider = allocationDecider(this.rules);
    return this.ledger.execute({ ...origin, regionCode: countyCode }, body.allocationId, { allocation: this.allocationFold(body.allocationId) }, ({ allocation }) => [
      {
        stream: streams.allocation(body.allocationId),
        events: decider.decide({ type: 'AllocateFunds', data: { ...rest, county: countyCode, ...(channel === undefined ? {} : { originalChannel: channel }) } }, allocation),
      },
    ]);
  }
}

@CommandHandler(ReceiveFundsCommand)
export class ReceiveFundsHandler extends AllocationHandler implements ICommandHandler<ReceiveFundsCommand> {
  constructor(ledger: LedgerCommands, @Inject(LOCAL_RULES) rules: LocalRules, private readonly index: EntityIndex) {
    super(ledger, rules);
  }

  async execute(command: ReceiveFundsCommand): Promise<CommandAnswer> {
    const { allocationId } = command.path;
    const allocation = await this.existingAllocation(command, allocationId);
    const elsewhere = this.index.streamOf('receipt', command.body.receiptId);
    if (elsewhere !== undefined && elsewhere !== streams.allocation(allocationId)) {
      throw new DomainError('RECEIPT.ALREADY_EXISTS', `receipt ${command.body.receiptId} belongs to ${elsewhere}`, { field: 'receiptId' });
    }
    const folds = {
      allocation: this.allocationFold(allocationId),
      pool: foldOf(streams.pool(allocation.county, allocation.fiscalYear), poolDecider),
      voucherBook: foldOf(voucherBookStream(allocation.county, command.body.receivedOn), voucherBookDecider),
    };
    return this.ledger.execute({ ...command.origin, regionCode: allocation.county }, command.body.receiptId, folds, (states) =>
      decideFundsReceipt({ type: 'ReceiveFunds', data: { allocationId, ...command.body } }, states),
    );
  }
}

@CommandHandler(ReverseReceiptCommand)
export class ReverseReceiptHandler extends AllocationHandler implements ICommandHandler<ReverseReceiptCommand> {
  constructor(ledger: LedgerCommands, @Inject(LOCAL_RULES) rules: LocalRules, private readonly index: EntityIndex) {
    super(ledger, rules);
  }

  async execute(command: ReverseReceiptCommand): Promise<CommandAnswer> {
    const { receiptId } = command.path;
    const stream = this.index.streamOf('receipt', receiptId);
    if (stream === undefined) throw new SubjectNotFoundInPath(new DomainError('RECEIPT.NOT_FOUND', `no receipt ${receiptId}`));
    const allocation = await this.existingAllocation(command, stream.slice('allocation-'.length));
    const folds = {
      allocation: this.allocationFold(allocation.allocationId),
      pool: foldOf(streams.pool(allocation.county, allocation.fiscalYear), poolDecider),
      voucherBook: foldOf(voucherBookStream(allocation.county, command.body.reversedOn), voucherBookDecider),
    };
    return this.ledger.execute({ ...command.origin, regionCode: allocation.county }, command.body.reversalId, folds, (states) =>
      decideReceiptReversal({ type: 'ReverseReceipt', data: { allocationId: allocation.allocationId, receiptId, ...command.body } }, states),
    );
  }
}

@CommandHandler(ReduceAllocationCommand)
export class ReduceAllocationHandler extends AllocationHandler implements ICommandHandler<ReduceAllocationCommand> {
  execute(command: ReduceAllocationCommand): Promise<CommandAnswer> {
    const { allocationId } = command.path;
    const { on, ...rest } = command.body;
    return this.onAllocationOnly(command, allocationId, rest.reductionId, { type: 'ReduceAllocation', data: { allocationId, ...rest, reducedOn: on } });
  }
}

@CommandHandler(CarryOverFundsCommand)
export class CarryOverFundsHandler extends AllocationHandler implements ICommandHandler<CarryOverFundsCommand> {
  async execute(command: CarryOverFundsCommand): Promise<CommandAnswer> {
    const { allocationId } = command.path;
    const { on, toFiscalYear, ...rest } = command.body;
    const allocation = await this.existingAllocation(command, allocationId);
    const data = { allocationId, ...rest, toFiscalYear: toFiscalYear ?? allocation.fiscalYear + 1, carriedOverOn: on };
    return this.onAllocationOnly(command, allocationId, rest.carryOverId, { type: 'CarryOverFunds', data });
  }
}

@CommandHandler(ClawBackFundsCommand)
export class ClawBackFundsHandler extends AllocationHandler implements ICommandHandler<ClawBackFundsCommand> {
  execute(command: ClawBackFundsCommand): Promise<CommandAnswer> {
    const { allocationId } = command.path;
    const { on, ...rest } = command.body;
    return this.onAllocationOnly(command, allocationId, rest.clawBackId, { type: 'ClawBackFunds', data: { allocationId, ...rest, clawedBackOn: on } });
  }
}

export const allocationHandlers = [
  AllocateFundsHandler,
  ReceiveFundsHandler,
  ReverseReceiptHandler,
  ReduceAllocationHandler,
  CarryOverFundsHandler,
  ClawBackFundsHandler,
];
