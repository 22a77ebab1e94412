/**
 * Stream names are a public contract: inspectors read streams by name, and the audit log serves
 * them. Every stream name in the ledger is built here and nowhere else. `{county}` is the
 * 6-digit county code.
 */
export const streams = {
  allocation: (allocationId: string) => `allocation-${allocationId}`,
  pool: (county: string, fiscalYear: number) => `pool-${county}-${fiscalYear}`,
  project: (projectId: string) => `project-${projectId}`,
  voucherBook: (county: string, fiscalYear: number) => `voucherbook-${county}-${fiscalYear}`,
  riskFund: (county: string) => `riskfund-${county}`,
  loan: (loanId: string) => `loan-${loanId}`,
  rectification: (rectificationId: string) => `rectification-${rectificationId}`,
  notice: (noticeId: string) => `notice-${noticeId}`,
  warning: (warningId: string) => `warning-${warningId}`,
} as const;

export type StreamKind = keyof typeof streams;
