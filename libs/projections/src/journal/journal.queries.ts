import { sql, type Kysely } from 'kysely';
import { invariant } from '@ledger/domain';
import type { ReadModelSchema } from '../read-model/read-schema';
import { sqlInteger, yuanOf } from '../shared/fen';

/** Accounts in one answer of `accountBalances`. */
export const accountPageSizeMax = 1_000;

export interface TrialBalance {
  readonly accounts: number;
  /** Sum of the positive balances (money held), yuan. */
  readonly debits: string;
  /** Sum of the negative balances (where money came from), yuan, negative. */
  readonly credits: string;
  /** Always "0.00": anything else is a bug in the journal. */
  readonly sum: string;
}

/** The balances summed over all accounts; the projection keeps `sum` at zero at every position. */
export async function trialBalance(db: Kysely<ReadModelSchema>): Promise<TrialBalance> {
  const row = await db
    .selectFrom('journal_accounts')
    .select([
      sql<string>`CAST(COUNT(*) AS TEXT)`.as('accounts'),
      sql<string | null>`CAST(SUM(CASE WHEN balance_fen > 0 THEN balance_fen ELSE 0 END) AS TEXT)`.as('debits'),
      sql<string | null>`CAST(SUM(CASE WHEN balance_fen < 0 THEN balance_fen ELSE 0 END) AS TEXT)`.as('credits'),
    ])
    .executeTakeFirstOrThrow();
  const debits = sqlInteger(row.debits);
  const credits = sqlInteger(row.credits);
  return { accounts: Number(sqlInteger(row.accounts)), debits: yuanOf(debits), credits: yuanOf(credits), sum: yuanOf(debits + credits) };
}

export interface AccountBalance {
  readonly account: string;
  readonly kind: string;
  readonly side: string;
  readonly balance: string;
}

/** Accounts whose code starts with `prefix` (e.g. `project:p-1:`), in code order, at most `limit`. */
export async function accountBalances(db: Kysely<ReadModelSchema>, options: { prefix?: string; limit?: number } = {}): Promise<AccountBalance[]> {
  const limit = options.limit ?? accountPageSizeMax;
  invariant(Number.isInteger(limit) && limit >= 1 && limit <= accountPageSizeMax, `limit ${limit} outside 1..${accountPageSizeMax}`);
  const prefix = options.prefix ?? '';
  const rows = await db
    .selectFrom('journal_accounts')
    .select(['account', 'kind', 'side', 'balance_fen'])
    .$if(prefix !== '', (q) => q.where(sql<string>`substr(account, 1, ${prefix.length})`, '=', prefix))
    .orderBy('account')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ account: row.account, kind: row.kind, side: row.side, balance: yuanOf(sqlInteger(row.balance_fen)) }));
}
