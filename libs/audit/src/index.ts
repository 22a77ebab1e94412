/**
 * The ledger's audit trail: an RFC 9162 Merkle tree over every event in position order, kept in
 * the ledger's SQLite database by an append hook; inclusion and consistency proofs; signed
 * checkpoints (C2SP tlog-checkpoint, Ed25519 signed notes); and the verifiers, local and remote.
 */
export { AuditError, AuditInvariantViolation, type AuditErrorCode, auditErrorCodes } from './audit-error';

// Pure core
export { type Hash, emptyRoot, hashChildren, hashLeaf, hashSize } from './merkle/hashes';
export type { Subtree, SubtreeHash } from './merkle/tree-shape';
export { merkleRoot, rangeHash } from './merkle/root';
export { consistencyProof, inclusionProof } from './merkle/proofs';
export { verifyConsistency, verifyInclusion } from './merkle/verify-proofs';
export { type StoreSubtree, type TreeEdge, appendLeaves, edgeRoot, emptyEdge, readEdge } from './merkle/compact-range';
export { MemoryNodeStore } from './merkle/memory-node-store';

// SQLite storage
export { auditComponent, latestAuditSchemaVersion, migrateAuditSchema } from './sqlite/audit-schema';
export { catchUp, catchUpBatchSize, createMerkleAppendHook } from './sqlite/merkle-append-hook';
export { SqliteMerkleTree } from './sqlite/sqlite-merkle-tree';
export { type LogEntry, entriesPageSizeMax, readEntries } from './sqlite/entries';

// Checkpoints
export { type Checkpoint, formatCheckpointText, parseCheckpointText } from './checkpoint/checkpoint-text';
export { type NoteVerifierKey, formatVerifierKey, noteKeyId, parseVerifierKey } from './checkpoint/note-keys';
export { type NoteSignature, type SignedNote, noteSignaturesMax, openSignedNote, parseSignedNote } from './checkpoint/signed-note';
export type { Parsed } from './checkpoint/parsed';
export { signingKeyFileName } from './checkpoint/signing-key-file';
export {
  type CheckpointSigner,
  type CheckpointSignerOptions,
  openCheckpointSigner,
  rotateCheckpointKey,
} from './checkpoint/checkpoint-signer';
export { type PublishedVerifierKey, publishedVerifierKeys } from './checkpoint/key-registry';
export {
  type CheckpointTimerOptions,
  type StoredCheckpoint,
  SqliteCheckpoints,
  checkpointIntervalMs,
  startCheckpointTimer,
} from './checkpoint/sqlite-checkpoints';

// Verification
export { type LocalLogReport, type LogProblem, type LogProblemCode, logProblemCodes } from './verify/log-problem';
export { verifyLocalLog, verifyPageSize } from './verify/verify-local-log';
export {
  type RemoteFailureCode,
  type RemoteVerdict,
  remoteFailureCodes,
  verifyCheckpointExtends,
  verifyCheckpointNote,
  verifyIncludedIn,
} from './verify/verify-remote';

// The ledger's projections: the read side's and the warnings
export { ledgerProjections } from './ledger-projections';
