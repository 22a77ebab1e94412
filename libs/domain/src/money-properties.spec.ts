import fc from 'fast-check';
import { allocationDecider } from './allocation/allocation.decider';
import type { AllocationEvent } from './allocation/allocation.events';
import { evolveAllocation, initialAllocationState, unassigned, type Allocation, type AllocationState } from './allocation/allocation.state';
import { decideDisbursement, decideDisbursementReversal, decideReimbursement } from './money-movements/payments';
import { decideFundingMove, decideFundingReduction, decideProjectFunding, type FundingSourceState } from './money-movements/project-funding';
import { voucherBookStream } from './money-movements/postings';
import { decideFundsReceipt, decideReceiptReversal } from './money-movements/receipts';
import type { PoolEvent } from './pool/pool.events';
import { channelAvailable, evolvePool, initialPoolState, type Pool, type PoolState } from './pool/pool.state';
import { projectDecider } from './project/project.decider';
import type { ProjectCommand } from './project/project.commands';
import type { ProjectEvent } from './project/project.events';
import { evolveProject, initialProjectState, type FundingSourceRef, type Project, type ProjectState } from './project/project.state';
import { DomainError } from './shared/domain-error';
import { defaultLocalRules } from './shared/local-rules';
import { Money } from './shared/money';
import type { StreamDecision } from './shared/stream-decision';
import { streams } from './streams';
import { voucherBookDecider, type VoucherBookState } from './voucher-book/voucher-book.decider';
import type { VoucherBookEvent } from './voucher-book/voucher-book.events';

/**
 * Random sequences of money commands, decided the way the handlers will decide them (load the
 * streams, decide, append every stream of the decision at once), with refusals skipped. After every
 * step the ledger must still balance: nothing received beyond what was allocated, nothing assigned
 * beyond what was received, nothing spent beyond a line, every line traced to allocations, and
 * every yuan received found again, to the fen, somewhere in the ledger.
 */
const county = '513336';
const year = 2024;
const projectIds = ['p-0', 'p-1', 'p-2'];
const allocations = allocationDecider(defaultLocalRules);

class Ledger {
  readonly allocations = new Map<string, AllocationState>();
  readonly pools = new Map<string, PoolState>();
  readonly projects = new Map<string, ProjectState>();
  readonly books = new Map<string, VoucherBookState>();
  readonly log: { stream: string; event: object }[] = [];
  private nextId = 0;

  id(prefix: string): string {
    return `${prefix}-${++this.nextId}`;
  }

  allocation(id: string): AllocationState {
    return this.allocations.get(streams.allocation(id)) ?? initialAllocationState();
  }
  pool(): PoolState {
    return this.pools.get(streams.pool(county, year)) ?? initialPoolState();
  }
  project(id: string): ProjectState {
    return this.projects.get(streams.project(id)) ?? initialProjectState();
  }
  book(date: string): VoucherBookState {
    return this.books.get(voucherBookStream(county, date)) ?? voucherBookDecider.initialState();
  }
  source(ref: FundingSourceRef): FundingSourceState {
    return ref.kind === 'allocation' ? { kind: 'allocation', state: this.allocation(ref.allocationId) } : { kind: 'pool', state: this.pool() };
  }

  /** The one atomic append: every stream of the decision, or (on a refusal, before this) none. */
  append(decision: StreamDecision): void {
    for (const { stream, events } of decision) {
      for (const event of events) this.log.push({ stream, event });
      if (stream.startsWith('allocation-')) this.allocations.set(stream, (events as AllocationEvent[]).reduce(evolveAllocation, this.allocations.get(stream) ?? initialAllocationState()));
      else if (stream.startsWith('pool-')) this.pools.set(stream, (events as PoolEvent[]).reduce(evolvePool, this.pools.get(stream) ?? initialPoolState()));
      else if (stream.startsWith('project-')) this.projects.set(stream, (events as ProjectEvent[]).reduce(evolveProject, this.projects.get(stream) ?? initialProjectState()));
      else if (stream.startsWith('voucherbook-')) this.books.set(stream, (events as VoucherBookEvent[]).reduce(voucherBookDecider.evolve, this.books.get(stream) ?? voucherBookDecider.initialState()));
      else throw new Error(`unknown stream ${stream}`);
    }
  }

  projectCommand(command: ProjectCommand): void {
    const stream = streams.project(command.data.projectId);
    this.append([{ stream, events: projectDecider.decide(command, this.project(command.data.projectId)) }]);
  }
}

const yuanOf = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const yuan = fc.integer({ min: 1, max: 30_000 }).map(yuanOf);
const payment = fc.integer({ min: 1, max: 8_000 }).map(yuanOf);
const allocationSize = fc.integer({ min: 10_000, max: 200_000 }).map(yuanOf);
const pick = fc.nat({ max: 9 });
/** Mostly fresh voucher numbers, now and then one used before: the book must refuse it. */
const voucher = fc.option(fc.constantFrom('V-1', 'V-2'), { freq: 8 });

const rarely = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 1 });
const often = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 4 });
const step = fc.oneof(
  rarely(fc.record({ kind: fc.constant('allocate' as const), fundType: fc.constantFrom('special', 'integrated', 'paired_assistance'), amount: allocationSize })),
  often(fc.record({ kind: fc.constant('receive' as const), a: pick, amount: yuan, voucher })),
  often(fc.record({ kind: fc.constant('reverseReceipt' as const), a: pick, r: pick, amount: yuan })),
  rarely(fc.record({ kind: fc.constant('reduceAllocation' as const), a: pick, amount: yuan })),
  rarely(fc.record({ kind: fc.constant('clawBack' as const), a: pick, amount: yuan })),
  often(fc.record({ kind: fc.constant('fundFromAllocation' as const), p: pick, a: pick, amount: yuan })),
  often(fc.record({ kind: fc.constant('fundFromPool' as const), p: pick, amount: yuan })),
  often(fc.record({ kind: fc.constant('reduceFunding' as const), p: pick, l: pick, amount: yuan })),
  rarely(fc.record({ kind: fc.constant('moveFunding' as const), p: pick, l: pick, to: pick, amount: yuan })),
  often(fc.record({ kind: fc.constant('disburse' as const), p: pick, l: pick, amount: payment, voucher })),
  often(fc.record({ kind: fc.constant('reverseDisbursement' as const), p: pick, d: pick, amount: payment })),
  rarely(fc.record({ kind: fc.constant('reimburse' as const), p: pick, d: pick })),
  rarely(fc.record({ kind: fc.constant('advance' as const), p: pick })),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const nth = <T>(items: Iterable<T>, i: number): T | undefined => {
  const list = [...items];
  return list.length === 0 ? undefined : list[i % list.length];
};

function allocationIds(ledger: Ledger): string[] {
  return [...ledger.allocations.values()].flatMap((a) => (a.status === 'none' ? [] : [a.allocationId]));
}

const allocationStepKinds = ['allocate', 'receive', 'reverseReceipt', 'reduceAllocation', 'clawBack'] as const;
type AllocationStep = Extract<Step, { kind: (typeof allocationStepKinds)[number] }>;
type ProjectStep = Exclude<Step, AllocationStep>;

/** Decides one step as a handler would (loading the streams it names); undefined when there is nothing to act on. */
function decide(ledger: Ledger, s: Step): StreamDecision | undefined {
  const voucherNo = ('voucher' in s && s.voucher) || ledger.id('V');
  return (allocationStepKinds as readonly string[]).includes(s.kind)
    ? decideAllocationStep(ledger, s as AllocationStep, voucherNo)
    : decideProjectStep(ledger, s as ProjectStep, voucherNo);
}

function decideAllocationStep(ledger: Ledger, s: AllocationStep, voucherNo: string): StreamDecision | undefined {
  const allocationId = 'a' in s ? nth(allocationIds(ledger), s.a) : undefined;
  switch (s.kind) {
    case 'allocate': {
      const allocationId = ledger.id('a');
      const extra = s.fundType === 'integrated' ? { originalChannel: '农业生产发展资金' } : s.fundType === 'paired_assistance' ? { partner: '佛山市' } : {};
      const data = { allocationId, county, fundType: s.fundType, sourceLevel: 'central', fiscalYear: year, amount: s.amount, documentNo: '指标文', allocatedOn: '2024-02-01', ...extra };
      return [{ stream: streams.allocation(allocationId), events: allocations.decide({ type: 'AllocateFunds', data }, ledger.allocation(allocationId)) }];
    }
    case 'receive':
      if (!allocationId) return undefined;
      return decideFundsReceipt(
        { type: 'ReceiveFunds', data: { allocationId, receiptId: ledger.id('rc'), amount: s.amount, receivedOn: '2024-03-01', voucherNo } },
        { allocation: ledger.allocation(allocationId), pool: ledger.pool(), voucherBook: ledger.book('2024-03-01') },
      );
    case 'reverseReceipt': {
      const receiptId = allocationId && nth((ledger.allocation(allocationId) as Allocation).receipts.keys(), s.r);
      if (!allocationId || !receiptId) return undefined;
      const data = { allocationId, reversalId: ledger.id('rv'), receiptId, amount: s.amount, reason: '冲销', voucherNo, reversedOn: '2024-03-05' };
      return decideReceiptReversal({ type: 'ReverseReceipt', data }, { allocation: ledger.allocation(allocationId), pool: ledger.pool(), voucherBook: ledger.book('2024-03-05') });
    }
    case 'reduceAllocation':
    case 'clawBack': {
      if (!allocationId) return undefined;
      const command =
        s.kind === 'reduceAllocation'
          ? ({ type: 'ReduceAllocation', data: { allocationId, reductionId: ledger.id('rd'), amount: s.amount, documentNo: '调减文', reason: '调减', reducedOn: '2024-06-01' } } as const)
          : ({ type: 'ClawBackFunds', data: { allocationId, clawBackId: ledger.id('cb'), amount: s.amount, documentNo: '收回文', reason: '收回', clawedBackOn: '2024-12-31' } } as const);
      return [{ stream: streams.allocation(allocationId), events: allocations.decide(command, ledger.allocation(allocationId)) }];
    }
  }
}

function decideProjectStep(ledger: Ledger, s: ProjectStep, voucherNo: string): StreamDecision | undefined {
  const allocationId = 'a' in s ? nth(allocationIds(ledger), s.a) : undefined;
  const projectId = projectIds[s.p % projectIds.length]!;
  const project = ledger.project(projectId) as Project;
  const fundingId = 'l' in s ? nth(project.lines.keys(), s.l) : undefined;
  const disbursementId = 'd' in s ? nth(project.disbursements.keys(), s.d) : undefined;
  switch (s.kind) {
    case 'fundFromAllocation':
    case 'fundFromPool': {
      const source: FundingSourceRef | undefined =
        s.kind === 'fundFromPool' ? { kind: 'pool', county, fiscalYear: year } : allocationId ? { kind: 'allocation', allocationId } : undefined;
      if (!source) return undefined;
      const data = { projectId, fundingId: ledger.id('f'), source, amount: s.amount, fundedOn: '2024-04-01' };
      return decideProjectFunding({ type: 'FundProject', data }, { project, source: ledger.source(source) });
    }
    case 'reduceFunding':
    case 'moveFunding': {
      if (!fundingId) return undefined;
      const line = project.lines.get(fundingId)!;
      const data = { projectId, fundingId, reductionId: ledger.id('rd'), amount: s.amount, reason: '结余' };
      const states = { project, source: ledger.source(line.source) };
      if (s.kind === 'reduceFunding') return decideFundingReduction({ type: 'ReduceFunding', data: { ...data, reducedOn: '2024-11-01' } }, states);
      const toProjectId = projectIds[s.to % projectIds.length]!;
      const move = { ...data, toProjectId, toFundingId: ledger.id('f'), movedOn: '2024-11-01' };
      return decideFundingMove({ type: 'MoveFunding', data: move }, { ...states, toProject: ledger.project(toProjectId) });
    }
    case 'disburse': {
      if (!fundingId) return undefined;
      const payee = { kind: 'household' as const, householdRef: 'hh-1' };
      const data = { projectId, disbursementId: ledger.id('d'), fundingId, amount: s.amount, payee, voucherNo, paidOn: '2024-05-01', purpose: '补助' };
      return decideDisbursement({ type: 'DisburseFunds', data }, { project, voucherBook: ledger.book('2024-05-01') });
    }
    case 'reverseDisbursement': {
      if (!disbursementId) return undefined;
      const data = { projectId, reversalId: ledger.id('r'), disbursementId, amount: s.amount, reason: '更正', voucherNo, reversedOn: '2024-05-10' };
      return decideDisbursementReversal({ type: 'ReverseDisbursement', data }, { project, voucherBook: ledger.book('2024-05-10') });
    }
    case 'reimburse': {
      if (!disbursementId) return undefined;
      const data = { projectId, reimbursementId: ledger.id('rb'), disbursementId, reimbursedOn: '2024-06-01', voucherNo };
      return decideReimbursement({ type: 'ReimburseDisbursement', data }, { project, voucherBook: ledger.book('2024-06-01') });
    }
    case 'advance': {
      const next = { approved: 'StartProject', started: 'CompleteProject', completed: 'AcceptProject' } as const;
      const type = next[project.status as keyof typeof next];
      if (!type) return undefined;
      const data = { projectId, startedOn: '2024-04-10', completedOn: '2024-09-30', acceptedOn: '2024-10-15', acceptedBy: '验收组' };
      return [{ stream: streams.project(projectId), events: projectDecider.decide({ type, data } as ProjectCommand, project) }];
    }
  }
}

/** Applies a step; a refusal (DomainError) leaves the ledger as it was. Anything else is a bug and fails the run. */
function apply(ledger: Ledger, s: Step): 'accepted' | 'refused' | 'skipped' {
  let decision: StreamDecision | undefined;
  try {
    decision = decide(ledger, s);
  } catch (error) {
    if (error instanceof DomainError) return 'refused';
    throw error;
  }
  if (!decision) return 'skipped';
  ledger.append(decision);
  return 'accepted';
}

function openLedger(): Ledger {
  const ledger = new Ledger();
  for (const projectId of projectIds) {
    ledger.projectCommand({
      type: 'ListProject',
      data: {
        projectId,
        name: '村道硬化',
        category: 'infrastructure',
        villageCode: '513336100201',
        fiscalYear: year,
        plannedInvestment: '1000.00',
        implementingUnit: '交通运输局',
        performanceTargets: ['硬化村道'],
        povertyLinkage: '务工带动',
        householdLevel: true,
        listedOn: '2024-01-10',
      },
    });
    ledger.projectCommand({ type: 'ApproveProject', data: { projectId, approvedOn: '2024-02-01', documentNo: '批复' } });
  }
  // Money to work with from the first step: a special allocation and two channels of the pool.
  const seed: Step[] = [
    { kind: 'allocate', fundType: 'special', amount: '1000.00' },
    { kind: 'allocate', fundType: 'integrated', amount: '800.00' },
    { kind: 'allocate', fundType: 'integrated', amount: '300.00' },
    { kind: 'receive', a: 0, amount: '600.00', voucher: null },
    { kind: 'receive', a: 1, amount: '500.00', voucher: null },
    { kind: 'receive', a: 2, amount: '300.00', voucher: null },
  ];
  for (const s of seed) expect(apply(ledger, s)).toBe('accepted');
  return ledger;
}

/** Everything that must hold after every step. */
function checkBalances(ledger: Ledger): void {
  // Plain checks, not `expect`: they run after every one of thousands of steps.
  const must = (holds: boolean, what: string) => {
    if (!holds) throw new Error(`broken: ${what}`);
  };
  const lines = [...ledger.projects.values()].flatMap((p) => (p.status === 'none' ? [] : [...p.lines.values()]));
  const pool = ledger.pool();
  for (const line of lines) {
    must(!line.spent.isNegative(), 'a line spent less than nothing');
    must(line.spent.lte(line.funded), 'disbursed − reversed ≤ funded, per line');
    must(Money.sum(line.byAllocation.values()).eq(line.funded), 'each line traced to allocations');
  }
  for (const a of ledger.allocations.values()) {
    if (a.status === 'none') continue;
    must(a.received.lte(a.allocated), 'received ≤ allocated');
    must(a.assigned.plus(a.clawedBack).lte(a.received), 'assigned + clawed back ≤ received');
    // What the allocation gave to projects, directly or through the pool, is all it ever gave them.
    const inLines = Money.sum(lines.map((line) => line.byAllocation.get(a.allocationId) ?? Money.zero));
    const channel = pool.status === 'open' ? (pool as Pool).channels.get(a.allocationId) : undefined;
    const inPool = channel ? channelAvailable(channel) : Money.zero;
    if (a.fundType === 'integrated') {
      must((channel?.pooled ?? Money.zero).eq(a.assigned), 'integrated money assigned = pooled');
      must((channel?.drawn ?? Money.zero).eq(inLines), 'drawn from a channel = on lines from it');
    } else {
      must(inLines.eq(a.assigned), 'assigned = on lines from it');
    }
    // Not a fen lost: every yuan received is unassigned, clawed back, waiting in the pool, or on a line.
    must(unassigned(a).plus(a.clawedBack).plus(inPool).plus(inLines).eq(a.received), 'not a fen lost');
  }
  // Every yuan spent traces back to allocations that received it.
  const spent = Money.sum(lines.map((line) => line.spent));
  const received = Money.sum([...ledger.allocations.values()].map((a) => (a.status === 'none' ? Money.zero : a.received)));
  must(spent.lte(received), 'spent ≤ received');
}

/** Replaying the log stream by stream gives the same states: the balances are a pure function of the history. */
function checkReplay(ledger: Ledger): void {
  const replayed = new Ledger();
  for (const { stream, event } of ledger.log) replayed.append([{ stream, events: [event as AllocationEvent] }]);
  expect(replayed.allocations).toEqual(ledger.allocations);
  expect(replayed.pools).toEqual(ledger.pools);
  expect(replayed.projects).toEqual(ledger.projects);
  expect(replayed.books).toEqual(ledger.books);
}

describe('the money, under random sequences of commands (property)', () => {
  it('keeps every balance and every trace after every step', () => {
    const outcomes = { accepted: 0, refused: 0, skipped: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }), (steps) => {
        const ledger = openLedger();
        for (const s of steps) {
          outcomes[apply(ledger, s)] += 1;
          checkBalances(ledger);
        }
        checkReplay(ledger);
      }),
      { numRuns: 150 },
    );
    // The generator must exercise the ledger, not only its refusals.
    expect(outcomes.accepted).toBeGreaterThan(outcomes.refused / 4);
  });
});
