import type { DomainEvent } from '../shared/decider';
import type { FiscalYear, ProjectCategory } from '../shared/reference-data';
import type { ChannelShare } from '../pool/pool.events';

/**
 * Who is paid or owns an asset: a unit by its name, or a household by its pseudonymous reference
 * only. A household's name, ID or account never enters an event: the audit log is public forever.
 */
export type Party = { kind: 'unit'; name: string } | { kind: 'household'; householdRef: string };

/** The facts of a listed project that an amendment may correct. */
export interface ProjectFacts {
  name: string;
  category: ProjectCategory;
  plannedInvestment: string;
  implementingUnit: string;
  performanceTargets: string[];
  povertyLinkage: string;
  householdLevel: boolean;
}

/** Where a funding line's money came from (or, on a reduction, went back to), with the channels for the pool. */
export type FundingSource =
  | { kind: 'allocation'; allocationId: string }
  | { kind: 'pool'; county: string; fiscalYear: FiscalYear; shares: ChannelShare[] };

export const assetKinds = ['operating', 'public_benefit', 'household'] as const;
/** 经营性 / 公益性 / 到户类 assets (国办函〔2021〕51号). */
export type AssetKind = (typeof assetKinds)[number];

/** 入库: a project enters the library; the county is derived from the village code. */
export type ProjectListed = DomainEvent<
  'ProjectListed',
  ProjectFacts & { projectId: string; villageCode: string; county: string; fiscalYear: FiscalYear; listedOn: string; regionCodeEdition: string }
>;

export type ProjectApproved = DomainEvent<'ProjectApproved', { projectId: string; approvedOn: string; documentNo: string }>;

/** A correction of listed facts: what they were and what they are, for the changed fields only. */
export type ProjectAmended = DomainEvent<
  'ProjectAmended',
  { projectId: string; before: Partial<ProjectFacts>; after: Partial<ProjectFacts>; reason: string; amendedOn: string }
>;

export type ProjectStarted = DomainEvent<'ProjectStarted', { projectId: string; startedOn: string }>;
export type ProjectCompleted = DomainEvent<'ProjectCompleted', { projectId: string; completedOn: string }>;
/** 验收: after acceptance the project is closed to new funding and new disbursements. */
export type ProjectAccepted = DomainEvent<'ProjectAccepted', { projectId: string; acceptedOn: string; acceptedBy: string }>;

export type AssetRegistered = DomainEvent<
  'AssetRegistered',
  { projectId: string; assetId: string; kind: AssetKind; value: string; owner: Party; registeredOn: string }
>;

/** A funding line: money assigned to the project from one allocation or from the pool. */
export type ProjectFunded = DomainEvent<
  'ProjectFunded',
  { projectId: string; fundingId: string; source: FundingSource; amount: string; fundedOn: string }
>;

/** Unspent money of a line given back; `returnedTo` is the source, with the channels' parts for the pool. */
export type FundingReduced = DomainEvent<
  'FundingReduced',
  { projectId: string; reductionId: string; fundingId: string; amount: string; reason: string; reducedOn: string; returnedTo: FundingSource }
>;

export type FundsDisbursed = DomainEvent<
  'FundsDisbursed',
  {
    projectId: string;
    disbursementId: string;
    fundingId: string;
    amount: string;
    payee: Party;
    voucherNo: string;
    paidOn: string;
    purpose: string;
  }
>;

/** A red-letter reversal of (part of) a disbursement, under a new voucher number. */
export type DisbursementReversed = DomainEvent<
  'DisbursementReversed',
  {
    projectId: string;
    reversalId: string;
    disbursementId: string;
    fundingId: string;
    amount: string;
    reason: string;
    voucherNo: string;
    reversedOn: string;
  }
>;

/** 报账: the disbursement settled with the treasury; `amount` is what was left of it (not reversed) then. */
export type DisbursementReimbursed = DomainEvent<
  'DisbursementReimbursed',
  { projectId: string; reimbursementId: string; disbursementId: string; amount: string; reimbursedOn: string; voucherNo: string }
>;

export type ProjectEvent =
  | ProjectListed
  | ProjectApproved
  | ProjectAmended
  | ProjectStarted
  | ProjectCompleted
  | ProjectAccepted
  | AssetRegistered
  | ProjectFunded
  | FundingReduced
  | FundsDisbursed
  | DisbursementReversed
  | DisbursementReimbursed;
