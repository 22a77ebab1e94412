/**
 * Put money of a `micro_credit` allocation into the county's risk fund. Decided over the
 * allocation and the risk fund together (`decideRiskFundDeposit`).
 */
export interface DepositToRiskFund {
  readonly type: 'DepositToRiskFund';
  readonly data: {
    readonly county: string;
    readonly depositId: string;
    readonly allocationId: string;
    readonly amount: string;
    readonly depositedOn: string;
  };
}
