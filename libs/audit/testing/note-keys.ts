import { generateKeyPairSync } from 'node:crypto';
import { type NoteVerifierKey, formatVerifierKey, noteKeyId, rawPublicKey, signEd25519 } from '../src/checkpoint/note-keys';
import { formatSignatureLine } from '../src/checkpoint/signed-note';

/** A fresh Ed25519 note key for tests: its verifier key text and a function that signs a text into a note. */
export function testNoteKey(name: string): { verifierKey: string; key: NoteVerifierKey; sign: (text: string) => string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = rawPublicKey(privateKey);
  const keyId = noteKeyId(name, publicKey);
  return {
    verifierKey: formatVerifierKey(name, publicKey),
    key: { name, keyId, publicKey },
    sign: (text) => `${text}\n${formatSignatureLine(name, keyId, signEd25519(privateKey, Buffer.from(text, 'utf8')))}`,
  };
}
