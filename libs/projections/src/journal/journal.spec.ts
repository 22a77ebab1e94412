import { InvariantViolation } from '@ledger/domain';
import * as e from '../../testing/ledger-events';
import { projectionHarness, type ProjectionHarness } from '../../testing/projection-harness';
import { countyYearScenario } from '../../testing/scenario';
import { SqliteReadModel } from '../read-model/sqlite-read-model';
import { accountBalances, trialBalance } from './journal.queries';
import { journalProjection } from './journal.projection';
import { journalTables } from './journal.tables';

async function journal(): Promise<ProjectionHarness> {
  return projectionHarness(SqliteReadModel.open(':memory:'), [journalProjection]);
}

async function balances(h: ProjectionHarness, prefix?: string): Promise<Record<string, string>> {
  const rows = await accountBalances(h.readModel.db, { prefix });
  return Object.fromEntries(rows.map((row) => [row.account, row.balance]));
}

describe('the journal of an allocation of 100.00, 60.00 received, 40.00 assigned to a project line', () => {
  it('posts one balanced entry per money event, and the accounts say where every yuan is', async () => {
    const h = await journal();
    await h.given(e.allocated('a', '100.00'), e.received('a', 'rc', '60.00'), e.fundedFromAllocation('p', 'f', 'a', '40.00'));
    expect(await balances(h)).toEqual({
      'allocation:a:allocated': '-100.00',
      'allocation:a:unreceived': '40.00',
      'allocation:a:unassigned': '20.00',
      'project:p:line:f': '40.00',
    });
    expect(await h.rows(journalTables.postings)).toEqual([
      ['1', 0, 'allocation:a:allocated', '-10000', 'FundsAllocated', '2024-02-01'],
      ['1', 1, 'allocation:a:unreceived', '10000', 'FundsAllocated', '2024-02-01'],
      ['2', 0, 'allocation:a:unreceived', '-6000', 'FundsReceived', '2024-03-01'],
      ['2', 1, 'allocation:a:unassigned', '6000', 'FundsReceived', '2024-03-01'],
      ['3', 0, 'allocation:a:unassigned', '-4000', 'FundsAssigned', '2024-04-01'],
      ['3', 1, 'project:p:line:f', '4000', 'FundsAssigned', '2024-04-01'],
    ]);
  });

  it('posts the line once: the project’s ProjectFunded is a memo of the allocation’s FundsAssigned', async () => {
    const h = await journal();
    await h.given(e.allocated('a', '100.00'), e.received('a', 'rc', '100.00'), e.fundedFromAllocation('p', 'f', 'a', '40.00'));
    expect((await h.rows(journalTables.postings)).filter((row) => row[4] === 'ProjectFunded')).toEqual([]);
  });
});

describe('a disbursement of 30.00 from the line, 10.00 of it reversed, the rest reimbursed', () => {
  it('moves the money line → disbursed → reimbursed, the reversal back to the line', async () => {
    const h = await journal();
    await h.given(
      e.allocated('a', '100.00'),
      e.received('a', 'rc', '100.00'),
      e.fundedFromAllocation('p', 'f', 'a', '40.00'),
      e.disbursed('p', 'd', 'f', '30.00'),
      e.disbursementReversed('p', 'r', 'd', 'f', '10.00'),
      e.reimbursed('p', 'rb', 'd', '20.00'),
    );
    expect(await balances(h, 'project:p:')).toEqual({ 'project:p:disbursed': '0.00', 'project:p:line:f': '20.00', 'project:p:reimbursed': '20.00' });
  });
});

describe('the integrated pool', () => {
  it('takes receipts into channels, funds a line pro rata and takes a reduction back by shares', async () => {
    const h = await journal();
    await h.given(
      e.allocated('a1', '60.00', { fundType: 'integrated', originalChannel: 'x' }),
      e.allocated('a2', '40.00', { fundType: 'integrated', originalChannel: 'y' }),
      e.pooledReceipt('a1', 'rc1', '60.00'),
      e.pooledReceipt('a2', 'rc2', '40.00'),
      e.fundedFromPool('p', 'f', '50.00', [['a1', '30.00'], ['a2', '20.00']]),
      e.reducedToPool('p', 'f', 'rd', '10.00', [['a1', '6.00'], ['a2', '4.00']]),
    );
    expect(await balances(h, 'pool:')).toEqual({ 'pool:513336-2024:a1': '36.00', 'pool:513336-2024:a2': '24.00' });
    expect(await balances(h, 'project:')).toEqual({ 'project:p:line:f': '40.00' });
  });
});

describe('micro-credit', () => {
  it('lends from the bank, takes repayments back, writes a compensated loss off and pays the bank from the fund', async () => {
    const h = await journal();
    await h.given(
      e.allocated('m', '300.00', { fundType: 'micro_credit', sourceLevel: 'county' }),
      e.received('m', 'rc', '300.00'),
      e.riskFundDeposit('dep', 'm', '250.00'),
      e.loanIssued('l', '200.00'),
      e.loanRepaid('l', 'rp', '80.00'),
      e.loanOverdue('l'),
      e.loanCompensated('l', 'c', '120.00', '96.00', '24.00'),
    );
    expect(await balances(h, 'loan:')).toEqual({ 'loan:l:outstanding': '0.00', 'loan:l:written_off': '120.00' });
    expect(await balances(h, 'riskfund:')).toEqual({ 'riskfund:513336': '154.00' });
    // The bank lent 200, got 80 back and 96 from the fund: it bears 24 of the loss.
    expect(await balances(h, 'bank:')).toEqual({ 'bank:乡城县农村信用联社': '-24.00' });
  });

  it('counts only the new money of a renewal as lending', async () => {
    const h = await journal();
    await h.given(e.loanIssued('l', '150.00'), e.loanRepaid('l', 'rp', '50.00'), e.loanRenewed('l', 'rn', '120.00'));
    expect(await balances(h, 'loan:')).toEqual({ 'loan:l:outstanding': '120.00' });
  });
});

describe('an impossible history', () => {
  it('stops when a receipt would take more than was allocated out of an allocation', async () => {
    const h = await journal();
    await expect(h.given(e.allocated('a', '100.00'), e.received('a', 'rc', '100.01'))).rejects.toThrow(InvariantViolation);
    expect(await h.rows(journalTables.accounts)).toEqual([]);
  });

  it('stops when a disbursement overdraws its line', async () => {
    const h = await journal();
    await h.given(e.allocated('a', '100.00'), e.received('a', 'rc', '100.00'), e.fundedFromAllocation('p', 'f', 'a', '40.00'));
    await expect(h.given(e.disbursed('p', 'd', 'f', '40.01'))).rejects.toThrow(/project:p:line:f would go below zero/);
  });

  it('stops on a return of an assignment it never saw', async () => {
    const h = await journal();
    await h.given(e.allocated('a', '100.00'), e.received('a', 'rc', '100.00'));
    await expect(h.given(e.reducedToAllocation('p', 'f', 'rd', 'a', '1.00'))).rejects.toThrow(InvariantViolation);
  });
});

describe('the whole county year', () => {
  it('keeps the sum over all accounts at zero after every event', async () => {
    const h = await journal();
    for (const event of countyYearScenario()) {
      await h.given(event);
      expect((await trialBalance(h.readModel.db)).sum).toBe('0.00');
    }
    // Credits: the five allocations (950 + 500 + 600 + 400 + 300) and the bank (lent 370, repaid 130, paid 96 by the fund).
    expect(await trialBalance(h.readModel.db)).toEqual({ accounts: 29, debits: '2894.00', credits: '-2894.00', sum: '0.00' });
  });
});
