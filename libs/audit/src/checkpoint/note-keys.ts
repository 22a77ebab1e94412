import { type KeyObject, createPublicKey, hash, sign, verify } from 'node:crypto';
import { auditInvariant } from '../audit-error';
import { decodeBase64 } from './base64';
import { type Parsed, parsed, refused } from './parsed';

/** C2SP signed-note signature type of Ed25519 (RFC 8032) signatures. */
export const ed25519SignatureType = 0x01;

/** Bytes of a key ID: an identifier, not a hash (signed-note "Signatures"). */
export const keyIdSize = 4;

/** RFC 8032 encodes an Ed25519 public key in 32 bytes. */
const ed25519PublicKeySize = 32;

/** A key that verifies notes: its name, its 4-byte ID and its Ed25519 public key. */
export interface NoteVerifierKey {
  readonly name: string;
  readonly keyId: Buffer;
  readonly publicKey: Buffer;
}

/** Key names are non-empty and hold no Unicode space, no `+` and no control character. */
export function isKeyName(name: string): boolean {
  return /^[^\s+\p{Cc}]+$/u.test(name);
}

/** SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4], as signed-note fixes it for Ed25519. */
export function noteKeyId(name: string, publicKey: Buffer): Buffer {
  const material = Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([ed25519SignatureType]), publicKey]);
  return Buffer.from(hash('sha256', material, 'hex'), 'hex').subarray(0, keyIdSize);
}

/** `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`: the text a verifier pins. */
export function formatVerifierKey(name: string, publicKey: Buffer): string {
  const material = Buffer.concat([Buffer.from([ed25519SignatureType]), publicKey]);
  return `${name}+${noteKeyId(name, publicKey).toString('hex')}+${material.toString('base64')}`;
}

/** Reads a verifier key; only Ed25519 keys are supported, and their key ID must be the derived one. */
export function parseVerifierKey(text: string): Parsed<NoteVerifierKey> {
  // Key names hold no `+`, but base64 may: the key is everything after the second `+`.
  const [name, idHex, ...keyParts] = text.split('+');
  const keyBase64 = keyParts.join('+');
  if (idHex === undefined || keyParts.length === 0) return refused('a verifier key is name+keyid+key');
  if (!isKeyName(name)) return refused('the key name is empty or holds a space or control character');
  if (!/^[0-9a-f]{8}$/.test(idHex)) return refused('the key ID is not 8 lowercase hex digits');
  const material = decodeBase64(keyBase64);
  if (material === null || material.length !== 1 + ed25519PublicKeySize || material[0] !== ed25519SignatureType) {
    return refused('the key is not a base64 Ed25519 key (type 0x01 and 32 bytes)');
  }
  const publicKey = material.subarray(1);
  const keyId = Buffer.from(idHex, 'hex');
  if (!keyId.equals(noteKeyId(name, publicKey))) return refused('the key ID does not match the name and key');
  return parsed({ name, keyId, publicKey });
}

export function signEd25519(privateKey: KeyObject, message: Buffer): Buffer {
  return sign(null, message, privateKey);
}

export function verifyEd25519(publicKey: Buffer, message: Buffer, signature: Buffer): boolean {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' });
  return verify(null, message, key, signature);
}

/** The raw 32-byte public key of an Ed25519 private key (the caller checked its type). */
export function rawPublicKey(privateKey: KeyObject): Buffer {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const raw = typeof jwk.x === 'string' ? Buffer.from(jwk.x, 'base64url') : Buffer.alloc(0);
  auditInvariant(raw.length === ed25519PublicKeySize, 'an Ed25519 public key is 32 bytes');
  return raw;
}
