import { hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type Hash,
  SqliteMerkleTree,
  catchUp,
  createMerkleAppendHook,
  hashChildren,
  migrateAuditSchema,
  verifyConsistency,
  verifyInclusion,
} from '@ledger/audit';
import { type NewEvent, SqliteEventStore, newEventId } from '@ledger/event-store';

/**
 * The audit tree's costs (libs/audit):
 * 1. proof times over a 1,000,000-leaf tree in a real SQLite `tree_nodes` table, against raw
 *    SHA-256 of as many nodes as each proof holds (what a proof costs if reads were free);
 * 2. append throughput through the real SqliteEventStore with the tree hook, against the same
 *    store without it. Hooked and bare batches alternate, so both see the same disk and CPU
 *    contention (this machine is shared: absolute figures drift, the ratio much less).
 */

/** Leaves of the proof tree: the size the issue asks proofs to stay fast at. */
const proofTreeSize = 1_000_000;
/** Proofs timed per kind; enough for a stable p99 (the 20th slowest of 2,000). */
const proofSamples = 2_000;
/** Proofs per kind run before timing, so that statements are prepared and pages cached. */
const warmUpSamples = 200;
/** Leaves hashed and inserted per transaction while building the proof tree. */
const buildBatchSize = 50_000;
/** The target: a proof answers in under 2 ms at the 99th percentile. */
const proofP99TargetMs = 2;

/** Enough batches for the ratio to settle, few enough for the run to stay within minutes. */
const appendEvents = 100_000;
/** The batch size the issue names: an import's batch, one commit each. */
const appendBatchSize = 1_000;
/** The target: appends with the tree at ≥ 70 % of the store's bare rate. */
const appendRatioTarget = 0.7;

export async function runProofsBench(): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ledger-proofs-bench-'));
  try {
    console.log(`proofs bench in ${dir}`);
    await measureAppends(dir);
    measureProofs(join(dir, 'tree.sqlite'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureProofs(filename: string): void {
  const began = process.hrtime.bigint();
  buildTree(filename, proofTreeSize);
  console.log(`built a ${proofTreeSize}-leaf tree in ${(elapsedMs(began) / 1e3).toFixed(1)} s`);
  // A fresh connection, as a server that has been running has: the build's WAL is checkpointed.
  const db = new Database(filename);
  const tree = new SqliteMerkleTree(db);
  const root = tree.root();
  const random = pseudoRandom(0x1ed6e5);
  const size = BigInt(proofTreeSize);
  const inclusion = timeProofs(random, (pick) => {
    const index = BigInt(Math.floor(pick() * proofTreeSize));
    const proof = tree.inclusionProof(index, size);
    return { proof, check: () => verifyInclusion(leafHashAt(Number(index)), index, size, proof, root) };
  });
  const consistency = timeProofs(random, (pick) => {
    const from = BigInt(1 + Math.floor(pick() * (proofTreeSize - 1)));
    const proof = tree.consistencyProof(from, size);
    return { proof, check: () => verifyConsistency(from, size, proof, tree.root(from), root) };
  });
  console.log('proof\tp50 ms\tp99 ms\tsha p50 ms\tsha p99 ms\tp99/sha\tnodes\ttarget');
  for (const [kind, timing] of [
    ['inclusion', inclusion],
    ['consistency', consistency],
  ] as const) {
    const verdict = timing.p99 < proofP99TargetMs ? 'ok' : 'MISSED';
    console.log(
      `${kind}\t${timing.p50.toFixed(3)}\t${timing.p99.toFixed(3)}\t${timing.shaP50.toFixed(3)}\t\t${timing.shaP99.toFixed(3)}\t\t` +
        `${(timing.p99 / timing.shaP99).toFixed(1)}\t${timing.nodes.toFixed(1)}\tp99 < ${proofP99TargetMs} ms ${verdict}`,
    );
  }
  db.close();
}

/**
 * Builds the tree the way an existing database is brought up: synthetic leaf hashes in a table
 * shaped like the part of `events` the tree reads (position, leaf_hash), then `catchUp`, the
 * production path. Generating a million full events through the store would take minutes and
 * measure the store, not the tree.
 */
function buildTree(filename: string, size: number): void {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, leaf_hash BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO events (position, leaf_hash) VALUES (?, ?)');
  const insertBatch = db.transaction((start: number, count: number) => {
    for (let offset = 0; offset < count; offset++) insert.run(start + offset + 1, leafHashAt(start + offset));
  });
  for (let start = 0; start < size; start += buildBatchSize) insertBatch(start, Math.min(buildBatchSize, size - start));
  migrateAuditSchema(db);
  const began = process.hrtime.bigint();
  const added = catchUp(db);
  const seconds = elapsedMs(began) / 1e3;
  console.log(`catchUp hashed ${added} leaves into the tree in ${seconds.toFixed(1)} s (${Math.round(size / seconds)} leaves/s)`);
  db.close();
}

interface ProofTiming {
  readonly p50: number;
  readonly p99: number;
  readonly shaP50: number;
  readonly shaP99: number;
  /** Mean hashes per proof. */
  readonly nodes: number;
}

type ProofSample = (pick: () => number) => { proof: Hash[]; check: () => boolean };

/** Times proofs and, right after each, raw SHA-256 of as many 65-byte nodes as the proof holds. */
function timeProofs(random: () => number, sample: ProofSample): ProofTiming {
  const times: number[] = [];
  const shaTimes: number[] = [];
  let nodes = 0;
  for (let draw = 0; draw < warmUpSamples + proofSamples; draw++) {
    let began = process.hrtime.bigint();
    const { proof, check } = sample(random);
    const proofMs = elapsedMs(began);
    began = process.hrtime.bigint();
    rawSha256(proof.length);
    const shaMs = elapsedMs(began);
    if (!check()) throw new Error(`a proof failed to verify (draw ${draw})`);
    if (draw < warmUpSamples) continue;
    times.push(proofMs);
    shaTimes.push(shaMs);
    nodes += proof.length;
  }
  return {
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    shaP50: percentile(shaTimes, 0.5),
    shaP99: percentile(shaTimes, 0.99),
    nodes: nodes / proofSamples,
  };
}

const someNode = leafHashAt(0);

/** SHA-256 of `count` interior nodes (0x01 ‖ left ‖ right), as the tree hashes them. */
function rawSha256(count: number): void {
  let node = someNode;
  for (let at = 0; at < count; at++) node = hashChildren(node, someNode);
}

function leafHashAt(index: number): Hash {
  return Buffer.from(hash('sha256', `leaf-${index}`, 'hex'), 'hex');
}

async function measureAppends(dir: string): Promise<void> {
  const hooked = new SqliteEventStore({ filename: join(dir, 'hooked.sqlite'), onAppend: createMerkleAppendHook() });
  migrateAuditSchema(hooked.database);
  const bare = new SqliteEventStore({ filename: join(dir, 'bare.sqlite') });
  let hookedTime = 0n;
  let bareTime = 0n;
  for (let start = 0; start < appendEvents; start += appendBatchSize) {
    const events = Array.from({ length: appendBatchSize }, (_, offset) => sampleEvent(start + offset));
    const stream = `allocation-${(start / appendBatchSize) % 100}`;
    // Whichever store goes first pays for the garbage of building the batch: take turns.
    const turns = (start / appendBatchSize) % 2 === 0 ? (['hooked', 'bare'] as const) : (['bare', 'hooked'] as const);
    for (const turn of turns) {
      const began = process.hrtime.bigint();
      await (turn === 'hooked' ? hooked : bare).append([{ stream, expectedRevision: 'any', events }]);
      const spent = process.hrtime.bigint() - began;
      if (turn === 'hooked') hookedTime += spent;
      else bareTime += spent;
    }
  }
  const treeSize = new SqliteMerkleTree(hooked.database).size();
  if (treeSize !== BigInt(appendEvents)) throw new Error(`the tree holds ${treeSize} leaves after ${appendEvents} appends`);
  await hooked.close();
  await bare.close();
  const hookedRate = appendEvents / (Number(hookedTime) / 1e9);
  const bareRate = appendEvents / (Number(bareTime) / 1e9);
  const ratio = hookedRate / bareRate;
  console.log('batch\tevents\twith tree ev/s\tbare ev/s\tratio\ttarget');
  console.log(
    `${appendBatchSize}\t${appendEvents}\t${Math.round(hookedRate)}\t\t${Math.round(bareRate)}\t\t${ratio.toFixed(2)}\t` +
      `≥ ${appendRatioTarget} ${ratio >= appendRatioTarget ? 'ok' : 'MISSED'}`,
  );
}

/** A receipt of central funds at a county, ≈300 bytes of data like the ledger's real events. */
function sampleEvent(index: number): NewEvent {
  return {
    eventId: newEventId(),
    type: 'AllocationReceived',
    data: {
      allocationId: 'allocation-513336-2017-0042',
      receiptId: `receipt-${index}`,
      amount: `${1_000 + (index % 9_000)}.${String(index % 100).padStart(2, '0')}`,
      fundType: 'central_linkage',
      regionCode: '513336',
      fiscalYear: 2017,
      documentNo: '川财农〔2017〕123号',
      receivedOn: '2017-04-01',
      voucherNo: `记-${index}`,
    },
    metadata: { actor: 'user:513336-0042', regionCode: '513336', correlationId: 'bench' },
  };
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function elapsedMs(began: bigint): number {
  return Number(process.hrtime.bigint() - began) / 1e6;
}

/** mulberry32: the same proof positions on every run. */
function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
