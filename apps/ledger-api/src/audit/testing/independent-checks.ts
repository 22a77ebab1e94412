import { createHash, createPublicKey, verify } from 'node:crypto';
import { referenceVerifyInclusion } from '../../../../../libs/audit/testing/rfc9162-reference';

/**
 * What an outside verifier does with what the audit routes serve, written for the tests from the
 * specifications (C2SP signed-note and tlog-checkpoint, RFC 9162 §2.1), sharing no code with the
 * ledger: not libs/audit/src, not the routes. The Merkle algorithms are libs/audit/testing's
 * reference, itself written from RFC 9162 alone.
 */

export interface OpenedCheckpoint {
  readonly origin: string;
  readonly size: bigint;
  readonly rootHash: Buffer;
}

/** `<name>+<8 hex>+<base64(0x01 ‖ 32-byte Ed25519 key)>` → its parts; throws on anything else. */
export function readVerifierKey(text: string): { name: string; keyId: Buffer; publicKey: Buffer } {
  const [name, idHex, ...rest] = text.split('+');
  const material = Buffer.from(rest.join('+'), 'base64');
  if (name === undefined || !/^[0-9a-f]{8}$/.test(idHex ?? '') || material.length !== 33 || material[0] !== 0x01) throw new Error(`not a verifier key: ${text}`);
  const publicKey = material.subarray(1);
  // signed-note: key ID = SHA-256(name ‖ "\n" ‖ 0x01 ‖ key)[:4].
  const keyId = createHash('sha256').update(`${name}\n`).update(material).digest().subarray(0, 4);
  if (keyId.toString('hex') !== idHex) throw new Error('the key ID does not derive from the name and key');
  return { name, keyId, publicKey };
}

/** Opens a checkpoint note signed by the key; throws unless its Ed25519 signature verifies. */
export function openCheckpointNote(note: string, verifierKey: string): OpenedCheckpoint {
  const key = readVerifierKey(verifierKey);
  const split = note.indexOf('\n\n');
  if (split < 0) throw new Error('a note is text, a blank line, signature lines');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2).split('\n').filter((line) => line !== '');
  const mine = lines.find((line) => line.startsWith(`\u2014 ${key.name} `));
  if (mine === undefined) throw new Error(`no signature by ${key.name}`);
  const blob = Buffer.from(mine.slice(`\u2014 ${key.name} `.length), 'base64');
  if (!blob.subarray(0, 4).equals(key.keyId)) throw new Error('the signature names another key ID');
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey.toString('base64url') }, format: 'jwk' });
  if (!verify(null, Buffer.from(text, 'utf8'), publicKey, blob.subarray(4))) throw new Error('the signature does not verify');
  const [origin, size, root] = text.split('\n');
  if (origin !== key.name) throw new Error(`the checkpoint is of ${origin}, the key of ${key.name}`);
  return { origin, size: BigInt(size!), rootHash: Buffer.from(root!, 'base64') };
}

/** RFC 9162 §2.1.1: a leaf's hash is SHA-256(0x00 ‖ leaf bytes). */
export function leafHashOf(leaf: Buffer): Buffer {
  return createHash('sha256').update(Buffer.from([0x00])).update(leaf).digest();
}

/** An inclusion proof as the routes serve it (base64), checked against a checkpoint. */
export function isIncluded(leaf: Buffer, index: number, proof: readonly string[], checkpoint: OpenedCheckpoint): boolean {
  const path = proof.map((hash) => Buffer.from(hash, 'base64'));
  return referenceVerifyInclusion(leafHashOf(leaf), BigInt(index), checkpoint.size, path, checkpoint.rootHash);
}
