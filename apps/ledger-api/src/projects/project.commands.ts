import { LedgerCommand } from '../commands/ledger-command';
import type {
  AcceptProjectBody,
  AmendProjectBody,
  ApproveProjectBody,
  CompleteProjectBody,
  DisburseFundsBody,
  FundProjectBody,
  ListProjectBody,
  ReduceFundingBody,
  ReimburseDisbursementBody,
  RegisterAssetBody,
  ReverseDisbursementBody,
  StartProjectBody,
} from './project.dto';

type ProjectPath = { projectId: string };
type FundingPath = { fundingId: string };
type DisbursementPath = { disbursementId: string };

/** On the bus a listing is always dated: the HTTP route dates an undated one (listing-date.ts), an import states it. */
export class ListProjectCommand extends LedgerCommand<ListProjectBody & { readonly listedOn: string }> {}
export class ApproveProjectCommand extends LedgerCommand<ApproveProjectBody, ProjectPath> {}
export class StartProjectCommand extends LedgerCommand<StartProjectBody, ProjectPath> {}
export class CompleteProjectCommand extends LedgerCommand<CompleteProjectBody, ProjectPath> {}
export class AcceptProjectCommand extends LedgerCommand<AcceptProjectBody, ProjectPath> {}
export class RegisterAssetCommand extends LedgerCommand<RegisterAssetBody, ProjectPath> {}
export class AmendProjectCommand extends LedgerCommand<AmendProjectBody, ProjectPath> {}
export class FundProjectCommand extends LedgerCommand<FundProjectBody, ProjectPath> {}
export class ReduceFundingCommand extends LedgerCommand<ReduceFundingBody, FundingPath> {}
export class DisburseFundsCommand extends LedgerCommand<DisburseFundsBody, ProjectPath> {}
export class ReverseDisbursementCommand extends LedgerCommand<ReverseDisbursementBody, DisbursementPath> {}
export class ReimburseDisbursementCommand extends LedgerCommand<ReimburseDisbursementBody, DisbursementPath> {}
