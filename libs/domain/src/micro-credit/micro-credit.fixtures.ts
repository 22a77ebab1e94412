import type { IssueLoan } from './loan.commands';
import type { LoanEvent, LoanIssued } from './loan.events';
import type { RiskFundCompensationPaid, RiskFundDeposited } from './risk-fund.events';

/**
 * Shared facts for the micro-credit specs: a 3-year loan of 30,000.00 issued 2021-03-10 at the
 * 5-year LPR then in force (4.65%), maturing 2024-03-10, in a village of 乡城县 (513336).
 */
export const county = '513336';
export const village = '513336101201';

export function issueLoan(overrides: Partial<IssueLoan['data']> = {}): IssueLoan {
  return {
    type: 'IssueLoan',
    data: {
      loanId: 'l-1',
      householdRef: 'hh-0042',
      borrowerBirthYear: 1975,
      villageCode: village,
      bank: '乡城县农村信用合作联社',
      amount: '30000.00',
      termMonths: 36,
      annualRate: '0.0465',
      issuedOn: '2021-03-10',
      purpose: '牦牛养殖',
      ...overrides,
    },
  };
}

export function loanIssued(overrides: Partial<LoanIssued['data']> = {}): LoanIssued {
  return { type: 'LoanIssued', data: { ...issueLoan().data, regionCodeEdition: '2023', ...overrides } };
}

export const loanRepaid = (repaymentId: string, amount: string, repaidOn: string): LoanEvent => ({
  type: 'LoanRepaid',
  data: { loanId: 'l-1', repaymentId, amount, repaidOn },
});

export const loanMarkedOverdue = (on = '2024-03-11'): LoanEvent => ({ type: 'LoanMarkedOverdue', data: { loanId: 'l-1', on } });

export function loanCompensated(lossAmount: string, riskFundPart: string, bankPart: string, compensatedOn = '2024-06-08'): LoanEvent {
  return { type: 'LoanCompensated', data: { loanId: 'l-1', compensationId: 'c-1', county, lossAmount, riskFundPart, bankPart, compensatedOn } };
}

export function riskFundCompensationPaid(amount: string, loanId = 'l-1', paidOn = '2024-06-08'): RiskFundCompensationPaid {
  return { type: 'RiskFundCompensationPaid', data: { county, compensationId: 'c-1', loanId, amount, paidOn } };
}

export function riskFundDeposited(amount: string, depositId = 'd-1'): RiskFundDeposited {
  return { type: 'RiskFundDeposited', data: { county, depositId, allocationId: 'a-1', amount, depositedOn: '2024-04-01' } };
}
