import type Database from 'better-sqlite3';
import type { OnAppend } from '@ledger/event-store';
import { AuditInvariantViolation, auditInvariant } from '../audit-error';
import type { TreeEdge } from '../merkle/compact-range';
import type { Hash } from '../merkle/hashes';
import { type TreeNodes, treeNodes } from './tree-nodes';

/**
 * Leaves hashed into the tree per transaction (and per read) when catching up with events already
 * stored. Bounds how long catch-up holds the write lock and how many leaf hashes it holds in memory.
 */
export const catchUpBatchSize = 10_000;

/**
 * The append hook that keeps the tree: registered with the SQLite store (`onAppend`), it runs in
 * the append transaction, so events and their tree nodes commit or roll back together and the
 * tree always covers exactly the log. Run `migrateAuditSchema` and `catchUp` before registering
 * it. Should events have been appended without it (another process, a hook registered late), it
 * first hashes the missing ones into the tree, inside the same transaction.
 */
export function createMerkleAppendHook(): OnAppend {
  return (db, recorded) => {
    auditInvariant(recorded.length > 0, 'the store reports an append of no events');
    const nodes = treeNodes(db);
    const before = recorded[0].position - 1n;
    let edge = nodes.edge();
    if (edge.size < before) edge = extendFromEvents(db, nodes, edge, before);
    assertTreeNotAhead(edge.size, before);
    recorded.forEach((event, at) => {
      auditInvariant(event.position === before + 1n + BigInt(at), `appended positions are not consecutive at ${event.position}`);
    });
    nodes.append(edge, recorded.map((event) => event.leafHash));
  };
}

/**
 * Hashes into the tree the events stored but not yet in it, `catchUpBatchSize` per transaction,
 * and returns how many it added. Run at start, after `migrateAuditSchema`, for a database that
 * held events before the tree existed (or was appended to without the hook).
 */
export function catchUp(db: Database.Database): bigint {
  const nodes = treeNodes(db);
  const head = db.prepare('SELECT max(position) FROM events').pluck().safeIntegers();
  const step = db.transaction((): bigint => {
    const edge = nodes.edge();
    const last: unknown = head.get();
    const logSize = typeof last === 'bigint' ? last : 0n;
    assertTreeNotAhead(edge.size, logSize);
    const target = logSize - edge.size > BigInt(catchUpBatchSize) ? edge.size + BigInt(catchUpBatchSize) : logSize;
    return extendFromEvents(db, nodes, edge, target).size - edge.size;
  });
  let added = 0n;
  for (let batch = step.immediate(); batch > 0n; batch = step.immediate()) added += batch;
  return added;
}

/** Appends the stored leaf hashes of positions (edge.size, upTo] to the tree, a bounded page at a time. */
function extendFromEvents(db: Database.Database, nodes: TreeNodes, from: TreeEdge, upTo: bigint): TreeEdge {
  const page = db
    .prepare('SELECT position, leaf_hash AS leafHash FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?')
    .safeIntegers();
  let edge = from;
  while (edge.size < upTo) {
    const rows = page.all(edge.size, upTo, catchUpBatchSize) as { position: bigint; leafHash: Hash }[];
    auditInvariant(rows.length > 0, `the log ends before position ${edge.size + 1n}`);
    rows.forEach((row, at) => {
      auditInvariant(row.position === edge.size + 1n + BigInt(at), `the log has a gap before position ${row.position}`);
    });
    edge = nodes.append(edge, rows.map((row) => row.leafHash));
  }
  return edge;
}

function assertTreeNotAhead(treeSize: bigint, logSize: bigint): void {
  if (treeSize > logSize) {
    throw new AuditInvariantViolation(
      `the tree holds ${treeSize} leaves but the log ${logSize} events: events were removed (run the verifier)`,
    );
  }
}
