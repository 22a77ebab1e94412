import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideLoanCompensation, DomainError, type Loan, type LoanCommand, loanDecider, type LocalRules } from '@ledger/domain';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import type { LedgerCommand } from '../commands/ledger-command';
import { LedgerCommands } from '../commands/ledger-commands';
import { LOCAL_RULES } from '../config/local-rules.provider';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { RegionDirectory } from '../regions/region-directory';
import { loanFold, riskFundFold } from './micro-credit.folds';
import {
  CompensateLoanCommand,
  ExtendLoanCommand,
  IssueLoanCommand,
  MarkLoanOverdueCommand,
  RenewLoanCommand,
  RepayLoanCommand,
} from './micro-credit.commands';

type LoanPathCommand = LedgerCommand<unknown, { loanId: string }>;

/** The loan boundary's handlers: load, decide with the domain, append. Nothing else. */
abstract class LoanHandler {
  constructor(
    protected readonly ledger: LedgerCommands,
    @Inject(LOCAL_RULES) protected readonly rules: LocalRules,
  ) {}

  /** The loan named in the path, which must exist and lie in the principal's region (its village). */
  protected async existingLoan({ principal, path }: LoanPathCommand): Promise<Loan> {
    const loan = await this.ledger.load(loanFold(path.loanId, this.rules));
    if (loan.status === 'none') throw new SubjectNotFoundInPath(new DomainError('LOAN.NOT_FOUND', `no loan ${path.loanId}`));
    assertRegionAccess(principal, loan.villageCode);
    return loan;
  }

  /** Decides a command on the loan stream alone and appends what it decided. */
  protected appendToLoan(origin: CommandOrigin, loanId: string, id: string, command: LoanCommand): Promise<CommandAnswer> {
    const fold = loanFold(loanId, this.rules);
    const decider = loanDecider(this.rules);
    return this.ledger.execute(origin, id, { loan: fold }, ({ loan }) => [{ stream: fold.stream, events: decider.decide(command, loan) }]);
  }

  /** A command on the existing loan of the path: repayments, overdue marks, extensions, renewals. */
  protected async onExistingLoan(command: LoanPathCommand, id: string, loanCommand: LoanCommand): Promise<CommandAnswer> {
    const loan = await this.existingLoan(command);
    return this.appendToLoan({ ...command.origin, regionCode: loan.villageCode }, loan.loanId, id, loanCommand);
  }
}

@CommandHandler(IssueLoanCommand)
export class IssueLoanHandler extends LoanHandler implements ICommandHandler<IssueLoanCommand> {
  constructor(ledger: LedgerCommands, @Inject(LOCAL_RULES) rules: LocalRules, private readonly regions: RegionDirectory) {
    super(ledger, rules);
  }

  execute({ origin, principal, body }: IssueLoanCommand): Promise<CommandAnswer> {
    this.regions.assertKnownRegion(body.villageCode, 'villageCode');
    assertRegionAccess(principal, body.villageCode);
    return this.appendToLoan({ ...origin, regionCode: body.villageCode }, body.loanId, body.loanId, { type: 'IssueLoan', data: body });
  }
}

@CommandHandler(RepayLoanCommand)
export class RepayLoanHandler extends LoanHandler implements ICommandHandler<RepayLoanCommand> {
  execute(command: RepayLoanCommand): Promise<CommandAnswer> {
    const { on, ...rest } = command.body;
    return this.onExistingLoan(command, rest.repaymentId, { type: 'RepayLoan', data: { loanId: command.path.loanId, ...rest, repaidOn: on } });
  }
}

@CommandHandler(MarkLoanOverdueCommand)
export class MarkLoanOverdueHandler extends LoanHandler implements ICommandHandler<MarkLoanOverdueCommand> {
  execute(command: MarkLoanOverdueCommand): Promise<CommandAnswer> {
    const { loanId } = command.path;
    return this.onExistingLoan(command, loanId, { type: 'MarkLoanOverdue', data: { loanId, on: command.body.on } });
  }
}

@CommandHandler(ExtendLoanCommand)
export class ExtendLoanHandler extends LoanHandler implements ICommandHandler<ExtendLoanCommand> {
  execute(command: ExtendLoanCommand): Promise<CommandAnswer> {
    const { extensionId, termMonths, on } = command.body;
    const data = { loanId: command.path.loanId, extensionId, termMonthsAdded: termMonths, extendedOn: on };
    return this.onExistingLoan(command, extensionId, { type: 'ExtendLoan', data });
  }
}

@CommandHandler(RenewLoanCommand)
export class RenewLoanHandler extends LoanHandler implements ICommandHandler<RenewLoanCommand> {
  execute(command: RenewLoanCommand): Promise<CommandAnswer> {
    const { on, ...rest } = command.body;
    return this.onExistingLoan(command, rest.renewalId, { type: 'RenewLoan', data: { loanId: command.path.loanId, ...rest, renewedOn: on } });
  }
}

/** The loss is shared with the bank by `riskFundShare`: one write to the loan and to its county's risk fund. */
@CommandHandler(CompensateLoanCommand)
export class CompensateLoanHandler extends LoanHandler implements ICommandHandler<CompensateLoanCommand> {
  async execute(command: CompensateLoanCommand): Promise<CommandAnswer> {
    const loan = await this.existingLoan(command);
    const { compensationId, amount, on } = command.body;
    const folds = { loan: loanFold(loan.loanId, this.rules), riskFund: riskFundFold(loan.county) };
    const data = { loanId: loan.loanId, compensationId, lossAmount: amount, compensatedOn: on };
    return this.ledger.execute({ ...command.origin, regionCode: loan.villageCode }, compensationId, folds, (states) =>
      decideLoanCompensation({ type: 'CompensateLoan', data }, states, this.rules),
    );
  }
}

export const loanHandlers = [IssueLoanHandler, RepayLoanHandler, MarkLoanOverdueHandler, ExtendLoanHandler, RenewLoanHandler, CompensateLoanHandler];
