import type { FundingSourceRef } from '../project/project.state';

/**
 * The commands that move money between boundaries and are decided over several streams. Receipts,
 * receipt reversals, disbursements, their reversals and reimbursements use the commands of their
 * own boundary (ReceiveFunds, ReverseReceipt, DisburseFunds, ReverseDisbursement,
 * ReimburseDisbursement) and are decided here together with the voucher book.
 */

/** Fund a project from one allocation or from the county's integrated pool for the project's year. */
export type FundProject = {
  type: 'FundProject';
  data: { projectId: string; fundingId: string; source: FundingSourceRef; amount: string; fundedOn: string };
};

/** Give back unspent money of a funding line to where it came from. */
export type ReduceFunding = {
  type: 'ReduceFunding';
  data: { projectId: string; reductionId: string; fundingId: string; amount: string; reason: string; reducedOn: string };
};

/**
 * Move unspent money of a funding line to another project, from the same source, in one write: a
 * reduction of the line (`reductionId`) and a new line on the other project (`toFundingId`).
 * Through the pool the new line draws pro rata over the channels' balances at that moment.
 */
export type MoveFunding = {
  type: 'MoveFunding';
  data: {
    projectId: string;
    fundingId: string;
    reductionId: string;
    toProjectId: string;
    toFundingId: string;
    amount: string;
    reason: string;
    movedOn: string;
  };
};
