import { assertNever, RegionCode } from '@ledger/domain';
import type { LedgerEvent } from '../events/ledger-event';
import type { Projection } from '../projection';
import { putRow, requireRow, type RowProgram } from '../rows/row-ops';
import { fenOf } from '../shared/fen';
import { regionPartsOf } from '../shared/region';
import { disclosureTables as t, type LoanNoticeRow } from './disclosure.tables';

/**
 * 4. Disclosure (三级公开): what the public views need beyond the project state of the `projects`
 * projection: micro-credit loans as their notice shows them, and the notices posted, by place.
 * Project notice fields, fund sources and household payees are project state and live in
 * `projects`; the disclosure query reads both (consistent at their common checkpoint).
 */
export const disclosureProjection: Projection = {
  name: 'disclosure',
  version: 1,
  tables: Object.values(t),
  apply: applyToDisclosure,
};

function* applyToDisclosure(event: LedgerEvent): RowProgram {
  switch (event.type) {
    case 'LoanIssued': {
      const { loanId, householdRef, villageCode, bank, purpose, amount, termMonths, annualRate, issuedOn } = event.data;
      const loan = { loan_id: loanId, ...regionPartsOf(villageCode), household_ref: householdRef, bank, purpose, amount_fen: fenOf(amount) };
      return yield* putRow(t.loans, { ...loan, term_months: termMonths, annual_rate: annualRate, issued_on: issuedOn, renewed_on: null });
    }
    case 'LoanRenewed': {
      const { loanId, amount, termMonths, annualRate, renewedOn } = event.data;
      return yield* updateLoan(loanId, (loan) => ({ ...loan, amount_fen: fenOf(amount), term_months: termMonths, annual_rate: annualRate, renewed_on: renewedOn }));
    }
    case 'LoanExtended':
      return yield* updateLoan(event.data.loanId, (loan) => ({ ...loan, term_months: loan.term_months + event.data.termMonthsAdded }));
    case 'NoticePublished':
      return yield* noticePublished(event.data);
    case 'NoticeWithdrawn': {
      const notice = yield* requireRow(t.notices, { notice_id: event.data.noticeId }, 'NoticeWithdrawn');
      return yield* putRow(t.notices, { ...notice, withdrawn_on: event.data.on });
    }
    default:
      return ignored(event);
  }
}

function* updateLoan(loanId: string, change: (loan: LoanNoticeRow) => LoanNoticeRow): RowProgram {
  const loan = yield* requireRow(t.loans, { loan_id: loanId }, 'loan contract change');
  yield* putRow(t.loans, change(loan));
}

function* noticePublished(data: Extract<LedgerEvent, { type: 'NoticePublished' }>['data']): RowProgram {
  const region = RegionCode.of(data.regionCode);
  const { subject } = data;
  const projectId = subject.kind === 'project' || subject.kind === 'beneficiaries' ? subject.projectId : null;
  const fiscalYear = subject.kind === 'allocations' || subject.kind === 'micro_credit' ? subject.fiscalYear : null;
  yield* putRow(t.notices, {
    notice_id: data.noticeId,
    level: data.level,
    region_code: data.regionCode,
    county: region.county(),
    township: region.level === 'county' ? null : region.township(),
    village: region.level === 'village' ? region.village() : null,
    subject_kind: subject.kind,
    subject_project_id: projectId,
    subject_fiscal_year: fiscalYear,
    channel: data.channel,
    published_on: data.publishedOn,
    posted_until: data.postedUntil,
    withdrawn_on: null,
  });
}

type Handled = 'LoanIssued' | 'LoanRenewed' | 'LoanExtended' | 'NoticePublished' | 'NoticeWithdrawn';

/** Everything else is project state (the `projects` projection) or not disclosed by these views. */
function ignored(event: Exclude<LedgerEvent, { type: Handled }>): void {
  switch (event.type) {
    case 'FundsAllocated':
    case 'FundsReceived':
    case 'ReceiptReversed':
    case 'AllocationReduced':
    case 'FundsPooled':
    case 'FundsUnpooled':
    case 'FundsAssigned':
    case 'AssignmentReturned':
    case 'FundsCarriedOver':
    case 'FundsClawedBack':
    case 'ChannelFundsPooled':
    case 'ChannelFundsUnpooled':
    case 'PoolFundingDrawn':
    case 'PoolFundingReturned':
    case 'ProjectListed':
    case 'ProjectApproved':
    case 'ProjectAmended':
    case 'ProjectStarted':
    case 'ProjectCompleted':
    case 'ProjectAccepted':
    case 'AssetRegistered':
    case 'ProjectFunded':
    case 'FundingReduced':
    case 'FundsDisbursed':
    case 'DisbursementReversed':
    case 'DisbursementReimbursed':
    case 'VoucherNumberUsed':
    case 'LoanRepaid': // repayments, overdue status and losses are not part of a loan's public notice
    case 'LoanMarkedOverdue':
    case 'LoanCompensated':
    case 'RiskFundDeposited':
    case 'RiskFundCompensationPaid':
    case 'RectificationOpened':
    case 'RectificationTaskClosed':
    case 'RectificationClosed':
    case 'RectificationReopened':
    case 'WarningAcknowledged': // inspectors' notes: the warnings projection's
    case 'WarningResolved':
      return;
    default:
      return assertNever(event, 'ledger event');
  }
}
