import { streamDecisionSpec } from '../../testing';
import { county, disbursementReversed, fundedProject, fundsDisbursed, projectOf, voucherBookOf, voucherUsed } from '../../testing/money-fixtures';
import type { DisburseFunds, ReimburseDisbursement, ReverseDisbursement } from '../project/project.commands';
import type { ProjectEvent } from '../project/project.events';
import { streams } from '../streams';
import type { VoucherBookEvent, VoucherKind } from '../voucher-book/voucher-book.events';
import { decideDisbursement, decideDisbursementReversal, decideReimbursement } from './payments';

const disburse = (amount: string, voucherNo = '付-d-1'): DisburseFunds => ({
  type: 'DisburseFunds',
  data: {
    projectId: 'p-1',
    disbursementId: 'd-1',
    fundingId: 'f-1',
    amount,
    payee: { kind: 'unit', name: '乡城县路桥工程有限公司' },
    voucherNo,
    paidOn: '2024-05-01',
    purpose: '工程进度款',
  },
});
const reverse = (amount: string, reversedOn = '2024-05-10'): ReverseDisbursement => ({
  type: 'ReverseDisbursement',
  data: { projectId: 'p-1', reversalId: 'r-1', disbursementId: 'd-1', amount, reason: '金额录入错误', voucherNo: '红-r-1', reversedOn },
});
const reimburse: ReimburseDisbursement = {
  type: 'ReimburseDisbursement',
  data: { projectId: 'p-1', reimbursementId: 'rb-1', disbursementId: 'd-1', reimbursedOn: '2024-06-01', voucherNo: '报-1' },
};
const states = (project: ProjectEvent[], book: VoucherBookEvent[] = []) => ({ project: projectOf(...project), voucherBook: voucherBookOf(...book) });
const posted = (voucherNo: string, kind: VoucherKind, referenceId: string, date: string, sequence = 1): VoucherBookEvent => ({
  type: 'VoucherNumberUsed',
  data: { county, fiscalYear: Number(date.slice(0, 4)), voucherNo, kind, referenceId, stream: 'project-p-1', date, sequence },
});
const book2024 = streams.voucherBook(county, 2024);

describe('paying from a funding line of 100.00', () => {
  const { given } = streamDecisionSpec(decideDisbursement);

  it('records the payment and takes its voucher number in the county book', () => {
    given(states(fundedProject('100.00'), [voucherUsed('收-1', 'receipt')]))
      .when(disburse('100'))
      .then({ 'project-p-1': [fundsDisbursed('100.00')], [book2024]: [posted('付-d-1', 'disbursement', 'd-1', '2024-05-01', 2)] });
  });

  it('refuses a voucher number the county used before, on any stream', () => {
    given(states(fundedProject('100.00'), [voucherUsed('付-d-1', 'receipt')])).when(disburse('1')).thenThrows('VOUCHER.DUPLICATE');
  });

  it('refuses a payment above the line', () => {
    given(states(fundedProject('100.00'))).when(disburse('100.01')).thenThrows('PROJECT.FUNDING_EXCEEDED');
  });

  it('refuses a payment on a project that does not exist', () => {
    given(states([])).when(disburse('1')).thenThrows('PROJECT.NOT_FOUND');
  });
});

describe('correcting a payment of 70.00', () => {
  const history = [...fundedProject('100.00'), fundsDisbursed('70.00')];

  it('reverses it under a new voucher number, in the book of the reversal’s year', () => {
    const reversed = disbursementReversed('70.00');
    const late = { ...reversed, data: { ...reversed.data, reversedOn: '2025-01-05' } } as ProjectEvent;
    streamDecisionSpec(decideDisbursementReversal)
      .given(states(history))
      .when(reverse('70', '2025-01-05'))
      .then({ 'project-p-1': [late], [streams.voucherBook(county, 2025)]: [posted('红-r-1', 'disbursement_reversal', 'r-1', '2025-01-05')] });
  });

  it('refuses a reversal above what is left of it', () => {
    streamDecisionSpec(decideDisbursementReversal).given(states(history)).when(reverse('70.01')).thenThrows('DISBURSEMENT.REVERSAL_EXCEEDS_REMAINING');
  });

  it('reimburses what is left of it against a voucher', () => {
    streamDecisionSpec(decideReimbursement)
      .given(states([...history, disbursementReversed('20.00')]))
      .when(reimburse)
      .then({
        'project-p-1': [
          { type: 'DisbursementReimbursed', data: { projectId: 'p-1', reimbursementId: 'rb-1', disbursementId: 'd-1', amount: '50.00', reimbursedOn: '2024-06-01', voucherNo: '报-1' } },
        ],
        [book2024]: [posted('报-1', 'reimbursement', 'rb-1', '2024-06-01')],
      });
  });
});
