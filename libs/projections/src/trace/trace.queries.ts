import { entityId } from '@ledger/domain';
import type { Kysely, Selectable } from 'kysely';
import { traceMovementsMax } from '../limits';
import { readConsistently } from '../read-model/consistent-read';
import type { ReadModelSchema } from '../read-model/read-schema';
import { sqlInteger, yuanOf } from '../shared/fen';
import { ProjectionError } from '../shared/projection-error';

type MovementRow = Selectable<ReadModelSchema['trace_movements']>;
type DisbursementRowOf = Selectable<ReadModelSchema['trace_disbursements']>;
type AllocationRowOf = Selectable<ReadModelSchema['trace_allocations']>;

export interface TracedAllocation {
  readonly allocationId: string;
  readonly county: string;
  readonly fundType: string;
  readonly sourceLevel: string;
  readonly fiscalYear: number;
  readonly documentNo: string;
  readonly allocatedOn: string;
  readonly partner: string | null;
  readonly originalChannel: string | null;
}

export interface Payee {
  readonly kind: 'unit' | 'household';
  /** A unit's name, or a household's pseudonymous reference (never a name: names are not in the log). */
  readonly name: string;
}

export interface TracedDisbursement {
  readonly disbursementId: string;
  readonly paidOn: string;
  readonly payee: Payee;
  readonly voucherNo: string;
  readonly purpose: string;
  /** This allocation's part of the payment, and of its reversals and reimbursement. */
  readonly amount: string;
  readonly reversed: string;
  readonly netDisbursed: string;
  readonly reimbursed: string;
}

export interface TracedLine {
  readonly fundingId: string;
  readonly viaPool: boolean;
  /** This allocation's money put on the line, and given back by reductions. */
  readonly funded: string;
  readonly reduced: string;
  readonly disbursed: string;
  readonly reversed: string;
  readonly netDisbursed: string;
  readonly reimbursed: string;
  /** (funded − reduced) − net disbursed: what the line still holds of this allocation. */
  readonly unspent: string;
  readonly disbursements: readonly TracedDisbursement[];
}

export interface TracedProject {
  readonly projectId: string;
  readonly name: string;
  readonly villageCode: string;
  readonly lines: readonly TracedLine[];
}

export interface TracedItem {
  readonly id: string | null;
  readonly on: string;
  readonly amount: string;
  readonly voucherNo: string | null;
  readonly documentNo: string | null;
  readonly note: string | null;
}

export interface TracedReceipt extends TracedItem {
  readonly reversals: readonly TracedItem[];
  /** amount − reversals. */
  readonly net: string;
}

export interface AllocationTrace {
  /** The log position the trace reflects (the trace projection's checkpoint). */
  readonly position: bigint;
  readonly allocation: TracedAllocation;
  readonly summary: {
    readonly allocated: string;
    readonly reduced: string;
    readonly received: string;
    readonly unreceived: string;
    readonly clawedBack: string;
    readonly riskFund: string;
    /** Pooled and not drawn onto a project line: in the county's integrated pool as this channel's share. */
    readonly inPool: string;
    readonly unassigned: string;
    /** Earmarked for a later year (结转): part of `unassigned`, not a movement. */
    readonly carriedOver: string;
    readonly onProjects: {
      readonly funded: string;
      readonly disbursed: string;
      readonly reversed: string;
      readonly netDisbursed: string;
      readonly reimbursed: string;
      readonly unspent: string;
    };
  };
  /** The identities the figures satisfy, each checked to the fen: a false one is a bug. */
  readonly balances: readonly { readonly identity: string; readonly holds: boolean }[];
  readonly reductions: readonly TracedItem[];
  readonly receipts: readonly TracedReceipt[];
  readonly pool: { readonly pool: string; readonly pooled: string; readonly unpooled: string; readonly drawn: string; readonly inPool: string } | null;
  readonly riskFundDeposits: readonly TracedItem[];
  readonly carryOvers: readonly (TracedItem & { readonly toFiscalYear: number })[];
  readonly clawBacks: readonly TracedItem[];
  readonly projects: readonly TracedProject[];
}

export interface DisbursementSource extends TracedAllocation {
  readonly viaPool: boolean;
  readonly amount: string;
  readonly reversed: string;
  readonly netDisbursed: string;
  readonly reimbursed: string;
}

export interface DisbursementTrace {
  readonly position: bigint;
  readonly disbursement: {
    readonly disbursementId: string;
    readonly projectId: string;
    readonly projectName: string;
    readonly county: string;
    readonly villageCode: string;
    readonly fundingId: string;
    readonly viaPool: boolean;
    readonly payee: Payee;
    readonly voucherNo: string;
    readonly paidOn: string;
    readonly purpose: string;
    readonly amount: string;
    readonly reversed: string;
    readonly netDisbursed: string;
    readonly reimbursed: string;
  };
  /** The allocations it was paid from, each with its document number; the parts add up to the payment to the fen. */
  readonly sources: readonly DisbursementSource[];
}

const traceProjection = ['trace'] as const;

/** Where every yuan of an allocation went; undefined when no such allocation was made. */
export async function traceAllocation(db: Kysely<ReadModelSchema>, allocationId: string): Promise<AllocationTrace | undefined> {
  const id = entityId(allocationId, 'allocationId');
  const { value, position } = await readConsistently(db, traceProjection, async () => {
    const allocation = await db.selectFrom('trace_allocations').selectAll().where('allocation_id', '=', id).executeTakeFirst();
    if (allocation === undefined) return undefined;
    const movements = await db
      .selectFrom('trace_movements')
      .selectAll()
      .where('allocation_id', '=', id)
      .orderBy('position')
      .orderBy('seq')
      .limit(traceMovementsMax + 1)
      .execute();
    if (movements.length > traceMovementsMax) {
      throw new ProjectionError('PROJECTION.QUERY_INVALID', `allocation ${id} has more than ${traceMovementsMax} movements to trace`, { allocationId: id });
    }
    const [disbursements, projects] = await Promise.all([
      db
        .selectFrom('trace_disbursements as d')
        .innerJoin('trace_movements as m', 'm.disbursement_id', 'd.disbursement_id')
        .selectAll('d')
        .distinct()
        .where('m.allocation_id', '=', id)
        .where('m.kind', '=', 'disbursed')
        .execute(),
      db
        .selectFrom('trace_projects as p')
        .innerJoin('trace_movements as m', 'm.project_id', 'p.project_id')
        .selectAll('p')
        .distinct()
        .where('m.allocation_id', '=', id)
        .where('m.kind', '=', 'funded')
        .execute(),
    ]);
    return { allocation, movements, disbursements, projects };
  });
  if (value === undefined) return undefined;
  return composeAllocationTrace(position, value.allocation, value.movements, value.disbursements, value.projects);
}

/** Which allocations (and their documents) a disbursement was paid from; undefined when no such disbursement was made. */
export async function traceDisbursement(db: Kysely<ReadModelSchema>, disbursementId: string): Promise<DisbursementTrace | undefined> {
  const id = entityId(disbursementId, 'disbursementId');
  const { value, position } = await readConsistently(db, traceProjection, async () => {
    const disbursement = await db
      .selectFrom('trace_disbursements as d')
      .innerJoin('trace_projects as p', 'p.project_id', 'd.project_id')
      .selectAll('d')
      .select(['p.name', 'p.county', 'p.village'])
      .where('d.disbursement_id', '=', id)
      .executeTakeFirst();
    if (disbursement === undefined) return undefined;
    const [movements, line] = await Promise.all([
      db
        .selectFrom('trace_movements as m')
        .innerJoin('trace_allocations as a', 'a.allocation_id', 'm.allocation_id')
        .selectAll('m')
        .select(['a.county', 'a.fund_type', 'a.source_level', 'a.fiscal_year', 'a.document_no', 'a.allocated_on', 'a.partner', 'a.original_channel'])
        .where('m.disbursement_id', '=', id)
        .orderBy('m.allocation_id')
        .orderBy('m.position')
        .orderBy('m.seq')
        .execute(),
      db.selectFrom('trace_lines').select('via_pool').where('project_id', '=', disbursement.project_id).where('funding_id', '=', disbursement.funding_id).executeTakeFirst(),
    ]);
    return { disbursement, movements, viaPool: Number(line?.via_pool ?? 0) === 1 };
  });
  if (value === undefined) return undefined;
  const { disbursement: d, movements, viaPool } = value;
  const byAllocation = new Map<string, { meta: (typeof movements)[number]; sums: Sums }>();
  for (const m of movements) {
    const entry = byAllocation.get(m.allocation_id) ?? { meta: m, sums: new Sums() };
    entry.sums.add(m.kind, sqlInteger(m.amount_fen));
    byAllocation.set(m.allocation_id, entry);
  }
  const sources = [...byAllocation.values()].map(({ meta, sums }): DisbursementSource => ({
    ...allocationOf(meta.allocation_id, meta),
    viaPool,
    amount: yuanOf(sums.of('disbursed')),
    reversed: yuanOf(sums.of('disbursement_reversed')),
    netDisbursed: yuanOf(sums.of('disbursed') - sums.of('disbursement_reversed')),
    reimbursed: yuanOf(sums.of('reimbursed')),
  }));
  const [amount, reversed, reimbursed] = [d.amount_fen, d.reversed_fen, d.reimbursed_fen].map(sqlInteger) as [bigint, bigint, bigint];
  return {
    position,
    disbursement: {
      disbursementId: d.disbursement_id,
      projectId: d.project_id,
      projectName: d.name,
      county: d.county,
      villageCode: d.village,
      fundingId: d.funding_id,
      viaPool,
      payee: payeeOf(d),
      voucherNo: d.voucher_no,
      paidOn: d.paid_on,
      purpose: d.purpose,
      amount: yuanOf(amount),
      reversed: yuanOf(reversed),
      netDisbursed: yuanOf(amount - reversed),
      reimbursed: yuanOf(reimbursed),
    },
    sources,
  };
}

/** Sums of movement amounts by kind, in fen. */
class Sums {
  private readonly byKind = new Map<string, bigint>();
  add(kind: string, fen: bigint): void {
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0n) + fen);
  }
  of(kind: string): bigint {
    return this.byKind.get(kind) ?? 0n;
  }
}

function allocationOf(
  allocationId: string,
  row: Pick<AllocationRowOf, 'county' | 'fund_type' | 'source_level' | 'fiscal_year' | 'document_no' | 'allocated_on' | 'partner' | 'original_channel'>,
): TracedAllocation {
  return {
    allocationId,
    county: row.county,
    fundType: row.fund_type,
    sourceLevel: row.source_level,
    fiscalYear: Number(row.fiscal_year),
    documentNo: row.document_no,
    allocatedOn: row.allocated_on,
    partner: row.partner,
    originalChannel: row.original_channel,
  };
}

function payeeOf(row: Pick<DisbursementRowOf, 'payee_kind' | 'payee'>): Payee {
  return { kind: row.payee_kind === 'household' ? 'household' : 'unit', name: row.payee };
}

function itemOf(m: MovementRow): TracedItem {
  return { id: m.ref_id, on: m.business_date, amount: yuanOf(sqlInteger(m.amount_fen)), voucherNo: m.voucher_no, documentNo: m.document_no, note: m.note };
}

function composeAllocationTrace(
  position: bigint,
  allocation: AllocationRowOf,
  movements: readonly MovementRow[],
  disbursements: readonly DisbursementRowOf[],
  projects: readonly Selectable<ReadModelSchema['trace_projects']>[],
): AllocationTrace {
  const total = new Sums();
  for (const m of movements) total.add(m.kind, sqlInteger(m.amount_fen));
  const of = (kind: string) => total.of(kind);
  const allocated = of('allocated') - of('reduced');
  const received = of('received') - of('receipt_reversed');
  const pooled = of('pooled') - of('unpooled');
  const funded = of('funded') - of('funding_reduced');
  const drawn = sumWhere(movements, (m) => Number(m.via_pool) === 1 && m.kind === 'funded') - sumWhere(movements, (m) => Number(m.via_pool) === 1 && m.kind === 'funding_reduced');
  const direct = funded - drawn;
  const netDisbursed = of('disbursed') - of('disbursement_reversed');
  const inPool = pooled - drawn;
  const unassigned = received - pooled - direct - of('risk_fund') - of('clawed_back');
  const unspent = funded - netDisbursed;
  const stored = allocation;
  const balances = [
    { identity: 'allocated = received + unreceived', holds: received <= allocated && sqlInteger(stored.allocated_fen) === allocated },
    {
      identity: 'received = unassigned + inPool + riskFund + clawedBack + onProjects.funded',
      holds: received === unassigned + inPool + of('risk_fund') + of('clawed_back') + funded && sqlInteger(stored.received_fen) === received,
    },
    { identity: 'onProjects.funded = onProjects.netDisbursed + onProjects.unspent', holds: unspent >= 0n && sqlInteger(stored.direct_fen) + sqlInteger(stored.drawn_fen) === funded },
    { identity: 'onProjects.netDisbursed = onProjects.reimbursed + paid not yet reimbursed', holds: netDisbursed >= of('reimbursed') },
  ];
  const receipts = movements
    .filter((m) => m.kind === 'received')
    .map((m): TracedReceipt => {
      const reversals = movements.filter((r) => r.kind === 'receipt_reversed' && r.of_id === m.ref_id).map(itemOf);
      const net = sqlInteger(m.amount_fen) - reversals.reduce((sum, r) => sum + fenOfYuan(r.amount), 0n);
      return { ...itemOf(m), reversals, net: yuanOf(net) };
    });
  const poolName = movements.find((m) => m.kind === 'pooled')?.note ?? null;
  return {
    position,
    allocation: allocationOf(allocation.allocation_id, allocation),
    summary: {
      allocated: yuanOf(allocated),
      reduced: yuanOf(of('reduced')),
      received: yuanOf(received),
      unreceived: yuanOf(allocated - received),
      clawedBack: yuanOf(of('clawed_back')),
      riskFund: yuanOf(of('risk_fund')),
      inPool: yuanOf(inPool),
      unassigned: yuanOf(unassigned),
      carriedOver: yuanOf(of('carried_over')),
      onProjects: {
        funded: yuanOf(funded),
        disbursed: yuanOf(of('disbursed')),
        reversed: yuanOf(of('disbursement_reversed')),
        netDisbursed: yuanOf(netDisbursed),
        reimbursed: yuanOf(of('reimbursed')),
        unspent: yuanOf(unspent),
      },
    },
    balances,
    reductions: movements.filter((m) => m.kind === 'reduced').map(itemOf),
    receipts,
    pool:
      poolName === null
        ? null
        : { pool: poolName, pooled: yuanOf(of('pooled')), unpooled: yuanOf(of('unpooled')), drawn: yuanOf(drawn), inPool: yuanOf(inPool) },
    riskFundDeposits: movements.filter((m) => m.kind === 'risk_fund').map(itemOf),
    carryOvers: movements.filter((m) => m.kind === 'carried_over').map((m) => ({ ...itemOf(m), toFiscalYear: Number(m.note) })),
    clawBacks: movements.filter((m) => m.kind === 'clawed_back').map(itemOf),
    projects: tracedProjects(movements, disbursements, projects),
  };
}

function sumWhere(movements: readonly MovementRow[], predicate: (m: MovementRow) => boolean): bigint {
  return movements.filter(predicate).reduce((sum, m) => sum + sqlInteger(m.amount_fen), 0n);
}

function fenOfYuan(yuan: string): bigint {
  const [whole, fraction] = yuan.split('.') as [string, string];
  return BigInt(whole) * 100n + BigInt(fraction);
}

/** The allocation's money per project and line, with each payment's part, in the order the lines were funded. */
function tracedProjects(
  movements: readonly MovementRow[],
  disbursements: readonly DisbursementRowOf[],
  projects: readonly Selectable<ReadModelSchema['trace_projects']>[],
): TracedProject[] {
  const details = new Map(disbursements.map((d) => [d.disbursement_id, d]));
  const names = new Map(projects.map((p) => [p.project_id, p]));
  const lines = new Map<string, { projectId: string; fundingId: string; viaPool: boolean; sums: Sums; payments: Map<string, Sums> }>();
  for (const m of movements) {
    if (m.project_id === null || m.funding_id === null) continue;
    const key = `${m.project_id}\u0000${m.funding_id}`;
    let line = lines.get(key);
    if (line === undefined) lines.set(key, (line = { projectId: m.project_id, fundingId: m.funding_id, viaPool: Number(m.via_pool) === 1, sums: new Sums(), payments: new Map() }));
    const fen = sqlInteger(m.amount_fen);
    line.sums.add(m.kind, fen);
    if (m.disbursement_id !== null) {
      const payment = line.payments.get(m.disbursement_id) ?? new Sums();
      payment.add(m.kind, fen);
      line.payments.set(m.disbursement_id, payment);
    }
  }
  const byProject = new Map<string, TracedProject & { lines: TracedLine[] }>();
  for (const line of lines.values()) {
    const project = names.get(line.projectId);
    const entry = byProject.get(line.projectId) ?? { projectId: line.projectId, name: project?.name ?? '', villageCode: project?.village ?? '', lines: [] };
    byProject.set(line.projectId, entry);
    const s = line.sums;
    const net = s.of('disbursed') - s.of('disbursement_reversed');
    entry.lines.push({
      fundingId: line.fundingId,
      viaPool: line.viaPool,
      funded: yuanOf(s.of('funded')),
      reduced: yuanOf(s.of('funding_reduced')),
      disbursed: yuanOf(s.of('disbursed')),
      reversed: yuanOf(s.of('disbursement_reversed')),
      netDisbursed: yuanOf(net),
      reimbursed: yuanOf(s.of('reimbursed')),
      unspent: yuanOf(s.of('funded') - s.of('funding_reduced') - net),
      disbursements: [...line.payments.entries()].map(([disbursementId, p]): TracedDisbursement => {
        const d = details.get(disbursementId);
        return {
          disbursementId,
          paidOn: d?.paid_on ?? '',
          payee: d === undefined ? { kind: 'unit', name: '' } : payeeOf(d),
          voucherNo: d?.voucher_no ?? '',
          purpose: d?.purpose ?? '',
          amount: yuanOf(p.of('disbursed')),
          reversed: yuanOf(p.of('disbursement_reversed')),
          netDisbursed: yuanOf(p.of('disbursed') - p.of('disbursement_reversed')),
          reimbursed: yuanOf(p.of('reimbursed')),
        };
      }),
    });
  }
  return [...byProject.values()];
}
