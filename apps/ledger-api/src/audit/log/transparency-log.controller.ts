import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { type PublishedVerifierKey, publishedVerifierKeys, readEntries } from '@ledger/audit';
import { Public } from '../../access/access.decorators';
import { entriesPageSize } from '../audit-limits';
import { beyondTree, CheckpointQuery, ConsistencyProofQuery, EntriesQuery, InclusionProofQuery, invalidField } from '../audit-queries';
import { type AuditEnvelope, envelopeOfCanonical } from '../envelope';
import { TransparencyLog } from '../transparency-log';

const plainText = 'text/plain; charset=utf-8';

export interface EntriesAnswer {
  readonly entries: ReadonlyArray<{ readonly index: number; readonly leaf: string; readonly event: AuditEnvelope }>;
}

export interface InclusionProofAnswer {
  readonly index: number;
  readonly size: number;
  readonly leafHash: string;
  readonly proof: readonly string[];
}

export interface ConsistencyProofAnswer {
  readonly from: number;
  readonly to: number;
  readonly proof: readonly string[];
}

/**
 * The transparency log as RFC 9162 / C2SP clients read it: signed checkpoints, the verifier key,
 * the entries (canonical bytes) and proofs, hashes in base64, proofs in RFC 9162 order (bottom-up).
 * Public: the log holds no personal data (household references only), and it is meant to be
 * checked by anyone. Leaf index = position − 1; tree size N = the first N events.
 */
@ApiTags('audit')
@Public()
@Controller('v1/audit')
export class TransparencyLogController {
  constructor(private readonly log: TransparencyLog) {}

  /** The latest signed checkpoint (C2SP signed note), or one of the first `size` leaves (the one cut at that size if any). */
  @Get('checkpoint')
  @Header('Content-Type', plainText)
  @ApiProduces(plainText)
  checkpoint(@Query() query: CheckpointQuery): string {
    const treeSize = this.log.tree.size();
    if (query.size === undefined) return this.log.covering(treeSize).note;
    const size = BigInt(query.size);
    if (size > treeSize) throw beyondTree('size', size, treeSize);
    return (size === treeSize ? this.log.covering(size) : this.log.checkpoints.ofSize(size)).note;
  }

  /** The key that signs checkpoints now: `<name>+<hex key ID>+<base64 key>`, what verifiers pin. */
  @Get('verifier-key')
  @Header('Content-Type', plainText)
  @ApiProduces(plainText)
  verifierKey(): string {
    return this.log.signer.verifierKey;
  }

  /** Every key that ever signed checkpoints (rotation retires, never deletes), with the sizes it signed. */
  @Get('verifier-keys')
  verifierKeys(): { keys: ReturnType<typeof keyView>[] } {
    return { keys: publishedVerifierKeys(this.log.db).map(keyView) };
  }

  /** Leaves `start` (inclusive) to `end` (exclusive), at most a page; fewer at the tree's end. */
  @Get('entries')
  entries(@Query() query: EntriesQuery): EntriesAnswer {
    const start = BigInt(query.start);
    const end = query.end === undefined ? start + BigInt(entriesPageSize) : BigInt(query.end);
    if (end <= start) throw invalidField('end', 'RANGE.INVALID', 'end must be greater than start: it is exclusive');
    const treeSize = this.log.tree.size();
    if (start >= treeSize) throw beyondTree('start', start, treeSize);
    const pageEnd = end - start > BigInt(entriesPageSize) ? start + BigInt(entriesPageSize) : end;
    const entries = readEntries(this.log.db, start, pageEnd - 1n);
    return {
      entries: entries.map((entry) => ({
        index: Number(entry.index),
        leaf: Buffer.from(entry.canonical, 'utf8').toString('base64'),
        event: envelopeOfCanonical(entry.index, entry.canonical),
      })),
    };
  }

  /** The audit path of leaf `index` in the tree of `size`. */
  @Get('proofs/inclusion')
  inclusionProof(@Query() query: InclusionProofQuery): InclusionProofAnswer {
    const index = BigInt(query.index);
    const size = BigInt(query.size);
    if (size === 0n) throw invalidField('size', 'RANGE.INVALID', 'the empty tree includes no leaf: size must be ≥ 1');
    if (index >= size) throw invalidField('index', 'RANGE.INVALID', 'index must be less than size');
    const treeSize = this.log.tree.size();
    if (size > treeSize) throw beyondTree('size', size, treeSize);
    const [entry] = readEntries(this.log.db, index, index);
    return {
      index: Number(index),
      size: Number(size),
      leafHash: entry!.leafHash.toString('base64'),
      proof: this.log.tree.inclusionProof(index, size).map(base64),
    };
  }

  /** The proof that the tree of `from` is a prefix of the tree of `to` (0 < from ≤ to). */
  @Get('proofs/consistency')
  consistencyProof(@Query() query: ConsistencyProofQuery): ConsistencyProofAnswer {
    const from = BigInt(query.from);
    const to = BigInt(query.to);
    if (from === 0n) throw invalidField('from', 'RANGE.INVALID', 'every tree extends the empty one: from must be ≥ 1');
    if (from > to) throw invalidField('from', 'RANGE.INVALID', 'from must not be greater than to');
    const treeSize = this.log.tree.size();
    if (to > treeSize) throw beyondTree('to', to, treeSize);
    return { from: Number(from), to: Number(to), proof: this.log.tree.consistencyProof(from, to).map(base64) };
  }
}

function base64(hash: Buffer): string {
  return hash.toString('base64');
}

function keyView(key: PublishedVerifierKey) {
  return {
    keyId: key.keyId,
    keyName: key.keyName,
    verifierKey: key.verifierKey,
    activatedAt: key.activatedAt.toISOString(),
    retiredAt: key.retiredAt?.toISOString() ?? null,
    /** The smallest and largest tree sizes it signed checkpoints at; null when it signed none. */
    firstSize: key.firstSize === null ? null : Number(key.firstSize),
    lastSize: key.lastSize === null ? null : Number(key.lastSize),
  };
}
