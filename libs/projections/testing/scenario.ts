import type { LedgerEvent } from '../src/events/ledger-event';
import * as e from './ledger-events';

/**
 * One county year touching every kind of event, with figures worked out by hand in the specs
 * (metrics.spec.ts lists them). Amounts are small so the arithmetic can be checked on paper.
 *
 * Allocations (2024): a-sp special/central 1000 (Feb 1), a-pr special/provincial 500 (Feb 5),
 * a-in1 integrated/central 600 and a-in2 integrated/provincial 400 (pooled), a-mc micro_credit/county
 * 300 (all Mar 1). Projects: p-1 (village A, planned 600), p-2 (village B, 800, from the pool),
 * p-3 (village A, 200 → 250 after approval, never funded), p-4 (village B, listed only).
 */
export function countyYearScenario(): LedgerEvent[] {
  const integrated = (id: string, amount: string, sourceLevel: 'central' | 'provincial') =>
    e.allocated(id, amount, { fundType: 'integrated', sourceLevel, originalChannel: '农业生产发展资金', allocatedOn: '2024-03-01' });
  return [
    e.allocated('a-sp', '1000.00'),
    e.allocated('a-pr', '500.00', { sourceLevel: 'provincial', allocatedOn: '2024-02-05' }),
    e.noticePublished('n-1', { kind: 'allocations', county: e.county, fiscalYear: 2024 }, '2024-02-15'),
    integrated('a-in1', '600.00', 'central'),
    integrated('a-in2', '400.00', 'provincial'),
    e.allocated('a-mc', '300.00', { fundType: 'micro_credit', sourceLevel: 'county', allocatedOn: '2024-03-01' }),
    e.received('a-sp', 'rc-1', '800.00'),
    e.received('a-sp', 'rc-2', '100.00', '2024-03-02'),
    e.receiptReversed('a-sp', 'rv-1', 'rc-2', '40.00'),
    e.received('a-pr', 'rc-3', '500.00'),
    ...e.pooledReceipt('a-in1', 'rc-4', '600.00'),
    ...e.pooledReceipt('a-in2', 'rc-5', '400.00'),
    e.received('a-mc', 'rc-6', '300.00'),
    ...e.riskFundDeposit('rfd-1', 'a-mc', '250.00'),
    e.voucherUsed('收-rc-1', 1),
    e.allocationReduced('a-sp', 'red-1', '50.00'),
    e.listed('p-1', { plannedInvestment: '600.00' }),
    e.listed('p-2', { plannedInvestment: '800.00', villageCode: e.villageB }),
    e.listed('p-3', { plannedInvestment: '200.00' }),
    e.listed('p-4', { plannedInvestment: '100.00', villageCode: e.villageB }),
    e.noticePublished('n-p3', { kind: 'project', projectId: 'p-3' }, '2024-01-20', 'village', e.villageA),
    e.approved('p-1', '2024-02-10'),
    e.approved('p-2', '2024-02-11'),
    e.approved('p-3', '2024-02-12'),
    e.noticePublished('n-p1', { kind: 'project', projectId: 'p-1' }, '2024-02-20', 'village', e.villageA),
    e.amendedPlan('p-4', '100.00', '120.00'),
    e.amendedPlan('p-3', '200.00', '250.00'),
    ...e.fundedFromAllocation('p-1', 'f-1', 'a-sp', '500.00'),
    ...e.fundedFromAllocation('p-1', 'f-2', 'a-pr', '100.00'),
    ...e.fundedFromPool('p-2', 'f-3', '500.00', [['a-in1', '300.00'], ['a-in2', '200.00']]),
    e.started('p-1', '2024-04-10'),
    e.started('p-2', '2024-04-15'),
    e.disbursed('p-1', 'd-1', 'f-1', '300.00'),
    e.disbursed('p-1', 'd-2', 'f-2', '100.00'),
    e.disbursed('p-2', 'd-3', 'f-3', '200.00'),
    e.disbursementReversed('p-1', 'rvd-1', 'd-1', 'f-1', '50.00'),
    e.reimbursed('p-1', 'rb-1', 'd-2', '100.00'),
    e.reimbursed('p-1', 'rb-2', 'd-1', '250.00'),
    e.completed('p-1', '2024-09-01'),
    e.accepted('p-1', '2024-10-01'),
    { type: 'AssetRegistered', data: { projectId: 'p-1', assetId: 'as-1', kind: 'public_benefit', value: '400.00', owner: { kind: 'unit', name: '仲德村村民委员会' }, registeredOn: '2024-10-10' } },
    ...e.reducedToAllocation('p-1', 'f-1', 'rdf-1', 'a-sp', '100.00'),
    ...e.reducedToPool('p-2', 'f-3', 'rdf-2', '100.00', [['a-in1', '60.00'], ['a-in2', '40.00']]),
    e.clawedBack('a-pr', 'cb-1', '50.00'),
    e.carriedOver('a-sp', 'co-1', '20.00'),
    e.noticePublished('n-2', { kind: 'allocations', county: e.county, fiscalYear: 2024 }, '2024-04-30'),
    e.loanIssued('l-1', '200.00', '2024-04-01', e.villageA),
    e.loanIssued('l-2', '150.00', '2024-04-01', e.villageB),
    e.loanRepaid('l-2', 'rp-2', '50.00', '2024-09-01'),
    e.loanRepaid('l-1', 'rp-1', '80.00', '2024-10-01'),
    e.loanRenewed('l-2', 'rn-1', '120.00', '2025-03-20'),
    e.loanOverdue('l-1', '2025-04-02'),
    ...e.loanCompensated('l-1', 'cp-1', '120.00', '96.00', '24.00', '2025-08-01'),
    {
      type: 'RectificationOpened',
      data: {
        rectificationId: 'rf-1',
        regionCode: e.county,
        problem: '项目公示不及时',
        tasks: [{ taskId: 't-1', description: '补充公示', responsibleUnit: '乡城县乡村振兴局', deadline: '2024-12-31' }],
        openedOn: '2024-11-15',
        regionCodeEdition: '2023',
      },
    },
  ];
}

/**
 * `copies` county years, the ids of each copy suffixed (`a-sp` → `a-sp-3`): a log of any length
 * with the same shape, for rebuild throughput and larger integration runs. Every field named
 * `…Id` is suffixed, wherever it sits (channel shares, notice subjects).
 */
export function scaledScenario(copies: number): LedgerEvent[] {
  const base = countyYearScenario();
  const events: LedgerEvent[] = [];
  for (let copy = 1; copy <= copies; copy++) events.push(...scenarioCopy(base, copy));
  return events;
}

/**
 * One copy of `base` (a county year) with its ids suffixed `-{copy}`, optionally moved to another
 * county: every string that starts with 513336 (county, village, notice region, pool and subject
 * codes) gets `county` instead. Copies in different counties share no stream, so a generator
 * can append them side by side (benchmarks).
 */
export function scenarioCopy(base: readonly LedgerEvent[], copy: number, county?: string): LedgerEvent[] {
  return base.map((event) => {
    const data = suffixIds(event.data, `-${copy}`);
    return { type: event.type, data: county === undefined ? data : inCounty(data, county) } as LedgerEvent;
  });
}

function inCounty(value: unknown, county: string): unknown {
  if (typeof value === 'string') return value.startsWith(e.county) ? `${county}${value.slice(e.county.length)}` : value;
  if (Array.isArray(value)) return value.map((item) => inCounty(item, county));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, inCounty(field, county)]));
}

function suffixIds(value: unknown, suffix: string): unknown {
  if (Array.isArray(value)) return value.map((item) => suffixIds(item, suffix));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key.endsWith('Id') && typeof field === 'string' ? `${field}${suffix}` : suffixIds(field, suffix)]),
  );
}
