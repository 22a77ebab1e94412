import { table } from '../rows/table';

/**
 * A micro-credit loan as its public notice (小额信贷公示) shows it: borrower (by pseudonymous
 * reference, masked before it is shown), use, amount, term and rate of the current contract
 * (a renewal replaces them, an extension lengthens the term). Repayments and overdue status are
 * not part of the notice and are not kept here.
 */
export interface LoanNoticeRow {
  readonly loan_id: string;
  readonly county: string;
  readonly township: string;
  readonly village: string;
  readonly household_ref: string;
  readonly bank: string;
  readonly purpose: string;
  readonly amount_fen: bigint;
  readonly term_months: number;
  readonly annual_rate: string;
  readonly issued_on: string;
  readonly renewed_on: string | null;
}

/** A notice posted (公告公示), where, about what, on which channel and for how long. */
export interface NoticeRow {
  readonly notice_id: string;
  readonly level: string;
  /** As published: 6 digits for a county notice, 12 for a township or village one. */
  readonly region_code: string;
  readonly county: string;
  /** 9 digits; null for a county notice. */
  readonly township: string | null;
  /** 12 digits; null for a county or township notice. */
  readonly village: string | null;
  readonly subject_kind: string;
  readonly subject_project_id: string | null;
  readonly subject_fiscal_year: number | null;
  readonly channel: string;
  readonly published_on: string;
  readonly posted_until: string;
  readonly withdrawn_on: string | null;
}

export const disclosureTables = {
  loans: table<LoanNoticeRow>(
    'disclosure_loans',
    {
      loan_id: 'text',
      county: 'text',
      township: 'text',
      village: 'text',
      household_ref: 'text',
      bank: 'text',
      purpose: 'text',
      amount_fen: 'bigint',
      term_months: 'int',
      annual_rate: 'text',
      issued_on: 'text',
      renewed_on: ['text', 'nullable'],
    },
    ['loan_id'],
    [['county']],
  ),
  notices: table<NoticeRow>(
    'disclosure_notices',
    {
      notice_id: 'text',
      level: 'text',
      region_code: 'text',
      county: 'text',
      township: ['text', 'nullable'],
      village: ['text', 'nullable'],
      subject_kind: 'text',
      subject_project_id: ['text', 'nullable'],
      subject_fiscal_year: ['int', 'nullable'],
      channel: 'text',
      published_on: 'text',
      posted_until: 'text',
      withdrawn_on: ['text', 'nullable'],
    },
    ['notice_id'],
    [['county']],
  ),
} as const;
