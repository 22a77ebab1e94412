import type { FundingSource, Party, ProjectFacts } from './project.events';

/**
 * Commands on one project. Field types are the HTTP contract; `decide` re-validates every value.
 * The money commands (funding lines, disbursements, reversals, reimbursements) are issued through
 * the money movements, which also write the source or the voucher book in the same append.
 */
export type ListProject = {
  type: 'ListProject';
  data: Omit<ProjectFacts, 'category'> & { projectId: string; category: string; villageCode: string; fiscalYear: number; listedOn: string };
};

export type ApproveProject = { type: 'ApproveProject'; data: { projectId: string; approvedOn: string; documentNo: string } };

/** `changes` names only the facts being corrected. */
export type AmendProject = {
  type: 'AmendProject';
  data: { projectId: string; changes: Partial<ProjectFacts>; reason: string; amendedOn: string };
};

export type StartProject = { type: 'StartProject'; data: { projectId: string; startedOn: string } };
export type CompleteProject = { type: 'CompleteProject'; data: { projectId: string; completedOn: string } };
export type AcceptProject = { type: 'AcceptProject'; data: { projectId: string; acceptedOn: string; acceptedBy: string } };

export type RegisterAsset = {
  type: 'RegisterAsset';
  data: { projectId: string; assetId: string; kind: string; value: string; owner: Party; registeredOn: string };
};

/** The project's side of a funding, with the source already decided (and the pool's channel shares). */
export type AddFundingLine = {
  type: 'AddFundingLine';
  data: { projectId: string; fundingId: string; source: FundingSource; amount: string; fundedOn: string };
};

/** The project's side of a funding reduction, with where the money went back to. */
export type ReduceFundingLine = {
  type: 'ReduceFundingLine';
  data: { projectId: string; reductionId: string; fundingId: string; amount: string; reason: string; reducedOn: string; returnedTo: FundingSource };
};

export type DisburseFunds = {
  type: 'DisburseFunds';
  data: {
    projectId: string;
    disbursementId: string;
    fundingId: string;
    amount: string;
    payee: Party;
    voucherNo: string;
    paidOn: string;
    purpose: string;
  };
};

export type ReverseDisbursement = {
  type: 'ReverseDisbursement';
  data: { projectId: string; reversalId: string; disbursementId: string; amount: string; reason: string; voucherNo: string; reversedOn: string };
};

export type ReimburseDisbursement = {
  type: 'ReimburseDisbursement';
  data: { projectId: string; reimbursementId: string; disbursementId: string; reimbursedOn: string; voucherNo: string };
};

export type ProjectCommand =
  | ListProject
  | ApproveProject
  | AmendProject
  | StartProject
  | CompleteProject
  | AcceptProject
  | RegisterAsset
  | AddFundingLine
  | ReduceFundingLine
  | DisburseFunds
  | ReverseDisbursement
  | ReimburseDisbursement;
