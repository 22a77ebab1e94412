import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { allocationDecider, decideRiskFundDeposit, type LocalRules, streams } from '@ledger/domain';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer } from '../commands/command-executor';
import { foldOf } from '../commands/fold-of';
import { LedgerCommands } from '../commands/ledger-commands';
import { LOCAL_RULES } from '../config/local-rules.provider';
import { RegionDirectory } from '../regions/region-directory';
import { riskFundFold } from './micro-credit.folds';
import { DepositToRiskFundCommand } from './micro-credit.commands';

/**
 * The county in the path names the risk fund; the allocation in the body must be of that county,
 * which the domain checks (ALLOCATION.REGION_MISMATCH), so the principal's county is the one that matters.
 */
@CommandHandler(DepositToRiskFundCommand)
export class DepositToRiskFundHandler implements ICommandHandler<DepositToRiskFundCommand> {
  constructor(
    private readonly ledger: LedgerCommands,
    @Inject(LOCAL_RULES) private readonly rules: LocalRules,
    private readonly regions: RegionDirectory,
  ) {}

  execute({ origin, principal, body, path }: DepositToRiskFundCommand): Promise<CommandAnswer> {
    const county = path.countyCode;
    this.regions.assertKnownRegion(county, 'countyCode');
    assertRegionAccess(principal, county);
    const folds = {
      allocation: foldOf(streams.allocation(body.allocationId), allocationDecider(this.rules)),
      riskFund: riskFundFold(county),
    };
    return this.ledger.execute({ ...origin, regionCode: county }, body.depositId, folds, (states) =>
      decideRiskFundDeposit({ type: 'DepositToRiskFund', data: { county, ...body } }, states),
    );
  }
}
