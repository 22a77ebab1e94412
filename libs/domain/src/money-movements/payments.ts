import type { DisburseFunds, ReimburseDisbursement, ReverseDisbursement } from '../project/project.commands';
import { projectDecider } from '../project/project.decider';
import type { ProjectEvent } from '../project/project.events';
import { requireProject } from '../project/project.guards';
import type { ProjectState } from '../project/project.state';
import { streamDecision, type StreamDecision } from '../shared/stream-decision';
import { streams } from '../streams';
import type { VoucherBookState } from '../voucher-book/voucher-book.decider';
import type { VoucherKind } from '../voucher-book/voucher-book.events';
import { postVoucher, single } from './postings';

/**
 * The streams a payment touches: the project and the voucher book of the project's county for the
 * year of the voucher's date. The handler loads the project first, to learn the county.
 */
export interface PaymentStates {
  readonly project: ProjectState;
  readonly voucherBook: VoucherBookState;
}

type Voucher = { voucherNo: string; kind: VoucherKind; referenceId: string; date: string };

/** 拨付/支付 against a voucher. */
export function decideDisbursement(command: DisburseFunds, states: PaymentStates): StreamDecision {
  return decidePosting(command, states, (events) => {
    const { voucherNo, disbursementId, paidOn } = single(events, 'FundsDisbursed').data;
    return { voucherNo, kind: 'disbursement', referenceId: disbursementId, date: paidOn };
  });
}

/** 红字冲销 of a disbursement, under its own new voucher number. */
export function decideDisbursementReversal(command: ReverseDisbursement, states: PaymentStates): StreamDecision {
  return decidePosting(command, states, (events) => {
    const { voucherNo, reversalId, reversedOn } = single(events, 'DisbursementReversed').data;
    return { voucherNo, kind: 'disbursement_reversal', referenceId: reversalId, date: reversedOn };
  });
}

/** 报账 against a voucher. */
export function decideReimbursement(command: ReimburseDisbursement, states: PaymentStates): StreamDecision {
  return decidePosting(command, states, (events) => {
    const { voucherNo, reimbursementId, reimbursedOn } = single(events, 'DisbursementReimbursed').data;
    return { voucherNo, kind: 'reimbursement', referenceId: reimbursementId, date: reimbursedOn };
  });
}

function decidePosting(
  command: DisburseFunds | ReverseDisbursement | ReimburseDisbursement,
  states: PaymentStates,
  voucherOf: (events: ProjectEvent[]) => Voucher,
): StreamDecision {
  const project = requireProject(states.project);
  const events = projectDecider.decide(command, project);
  const stream = streams.project(project.projectId);
  return streamDecision({ stream, events }, postVoucher(states.voucherBook, project.county, { ...voucherOf(events), stream }));
}
