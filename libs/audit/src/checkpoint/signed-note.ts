import { decodeBase64 } from './base64';
import { type NoteVerifierKey, isKeyName, keyIdSize, verifyEd25519 } from './note-keys';
import { type Parsed, parsed, refused } from './parsed';

/**
 * C2SP signed-note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one or
 * more lines `— <key name> <base64(4-byte key ID ‖ signature)>`, each ending in a newline. The
 * signature covers the text with its final newline, not the blank line.
 */

/** U+2014 EM DASH and a space open every signature line. */
const signaturePrefix = '\u2014 ';

/**
 * Signatures read from one note at most. The spec asks verifiers to bound them and to accept at
 * least 16 (witness cosignatures ride on the same note); this accepts exactly that many.
 */
export const noteSignaturesMax = 16;

/**
 * Characters of a note at most: 16 signatures of the largest (post-quantum, ≈ 5 kB) kind plus a
 * checkpoint's few lines fit well within it; anything longer is refused before it is split.
 */
export const noteLengthMax = 128 * 1024;

export interface NoteSignature {
  readonly keyName: string;
  readonly keyId: Buffer;
  /** The signature bytes after the key ID. */
  readonly signature: Buffer;
}

export interface SignedNote {
  /** The signed text, ending in its newline. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export function formatSignatureLine(keyName: string, keyId: Buffer, signature: Buffer): string {
  return `${signaturePrefix}${keyName} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

export function parseSignedNote(note: string): Parsed<SignedNote> {
  if (note.length > noteLengthMax) return refused(`the note is longer than ${noteLengthMax} characters`);
  // ASCII control characters other than newline are forbidden anywhere in a note.
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(note)) return refused('the note holds a control character');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return refused('the note has no blank line before its signatures');
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > noteSignaturesMax) return refused(`the note has more than ${noteSignaturesMax} signatures`);
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const signature = parseSignatureLine(line);
    if (!signature.ok) return signature;
    signatures.push(signature.value);
  }
  return parsed({ text: note.slice(0, split + 1), signatures });
}

function parseSignatureLine(line: string): Parsed<NoteSignature> {
  if (!line.startsWith(signaturePrefix)) return refused('a signature line does not start with an em dash and a space');
  const [keyName, encoded, ...rest] = line.slice(signaturePrefix.length).split(' ');
  if (rest.length > 0 || encoded === undefined || !isKeyName(keyName)) {
    return refused('a signature line is not "— <key name> <signature>"');
  }
  const bytes = decodeBase64(encoded);
  if (bytes === null || bytes.length <= keyIdSize) return refused('a signature is not base64 of a key ID and a signature');
  return parsed({ keyName, keyId: bytes.subarray(0, keyIdSize), signature: bytes.subarray(keyIdSize) });
}

/**
 * The note's text if `key` signed it. As the spec requires: signatures by other keys (same name
 * or same ID, not both) are ignored; a signature by the key that does not verify rejects the
 * whole note; a note with no signature by the key is rejected.
 */
export function openSignedNote(note: string, key: NoteVerifierKey): Parsed<string> {
  const read = parseSignedNote(note);
  if (!read.ok) return read;
  const message = Buffer.from(read.value.text, 'utf8');
  const byKey = read.value.signatures.filter((entry) => entry.keyName === key.name && entry.keyId.equals(key.keyId));
  if (byKey.length === 0) return refused(`the note carries no signature by ${key.name}+${key.keyId.toString('hex')}`);
  if (!byKey.every((entry) => verifyEd25519(key.publicKey, message, entry.signature))) {
    return refused(`a signature by ${key.name} does not verify`);
  }
  return parsed(read.value.text);
}
