import { testNoteKey } from '../../testing/note-keys';
import { parseVerifierKey } from './note-keys';
import { noteSignaturesMax, openSignedNote, parseSignedNote } from './signed-note';

/**
 * The examples of the C2SP specifications (c2sp.org/signed-note, c2sp.org/tlog-checkpoint),
 * copied verbatim. Only the signed-note one publishes its verifier key.
 */
const specVerifierKey = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const specNote =
  'This is an example message.\n\n' +
  '— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
const specCheckpointNote =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
  '— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';
const specPoemNote =
  'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n' +
  '— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('the signed-note specification examples', () => {
  it('derives the published key ID 530d903a from the example key name and public key', () => {
    const key = valueOf(parseVerifierKey(specVerifierKey));
    expect(key.name).toBe('example.com/foo');
    expect(key.keyId.toString('hex')).toBe('530d903a');
    expect(key.publicKey).toHaveLength(32);
  });

  it('verifies the published example signature with the published verifier key', () => {
    const key = valueOf(parseVerifierKey(specVerifierKey));
    expect(openSignedNote(specNote, key)).toEqual({ ok: true, value: 'This is an example message.\n' });
  });

  it('refuses the example note once one byte of its text changes', () => {
    const key = valueOf(parseVerifierKey(specVerifierKey));
    expect(openSignedNote(specNote.replace('example message', 'example messagE'), key).ok).toBe(false);
  });

  it('reads the tlog-checkpoint example: its text, key name and key ID', () => {
    const note = valueOf(parseSignedNote(specCheckpointNote));
    expect(note.text).toBe('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(note.signatures).toHaveLength(1);
    expect(note.signatures[0].keyName).toBe('example.com/behind-the-sofa');
    expect(note.signatures[0].keyId.toString('hex')).toBe('033de0ae');
    expect(note.signatures[0].signature).toHaveLength(64);
  });

  it('separates text and signatures at the last blank line, keeping blank lines in the text', () => {
    const note = valueOf(parseSignedNote(specPoemNote));
    expect(note.text).toBe('Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n');
    expect(note.signatures.map((signature) => signature.keyName)).toEqual(['quasimodo.example/salvatore']);
  });

  it('ignores a signature it has no key for and refuses a note with none by the pinned key', () => {
    const key = valueOf(parseVerifierKey(specVerifierKey));
    expect(openSignedNote(specPoemNote, key)).toMatchObject({ ok: false });
  });
});

describe('notes signed by this library', () => {
  const log = testNoteKey('ledger.local/513336');
  const text = 'ledger.local/513336\n3\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\n';

  it('are laid out as text, blank line, em dash, space, key name, space, base64(key ID ‖ signature)', () => {
    const note = log.sign(text);
    expect(note).toMatch(/^ledger\.local\/513336\n3\nbjQLnP\+zepicpUTmu3gKLHiQHT\+zNzh2hRGjBhevoB0=\n\n\u2014 ledger\.local\/513336 [A-Za-z0-9+/]{91}=\n$/);
    const signature = Buffer.from(note.split(' ').at(-1)!, 'base64');
    expect(signature.subarray(0, 4)).toEqual(log.key.keyId);
    expect(openSignedNote(note, log.key)).toEqual({ ok: true, value: text });
  });

  it('verify beside signatures by other keys (a witness cosigning), which are ignored', () => {
    const witness = testNoteKey('witness.example/w1');
    const cosigned = log.sign(text) + witness.sign(text).split('\n\n')[1];
    expect(valueOf(parseSignedNote(cosigned)).signatures).toHaveLength(2);
    expect(openSignedNote(cosigned, log.key).ok).toBe(true);
    expect(openSignedNote(cosigned, witness.key).ok).toBe(true);
  });

  it('are refused when a signature by the pinned key fails, even beside a good one', () => {
    const good = log.sign(text);
    const forged = log.sign(text.replace('\n3\n', '\n4\n')).split('\n\n')[1];
    expect(openSignedNote(good + forged, log.key)).toMatchObject({ ok: false });
  });

  it('are refused under a key of the same name but another ID, or the same ID but another name', () => {
    const note = log.sign(text);
    const otherKey = testNoteKey('ledger.local/513336').key;
    expect(openSignedNote(note, otherKey).ok).toBe(false);
    expect(openSignedNote(note, { ...log.key, name: 'ledger.local/other' }).ok).toBe(false);
  });

  it.each([
    ['no blank line', (note: string) => note.replace('\n\n', '\n')],
    ['no final newline', (note: string) => note.slice(0, -1)],
    ['a signature line without the em dash', (note: string) => note.replace('\u2014 ', '- ')],
    ['a control character', (note: string) => note.replace('3', '3\u0007')],
    ['a carriage return', (note: string) => note.replace(/\n/g, '\r\n')],
    ['non-canonical base64 in the signature', (note: string) => note.replace(/=\n$/, '\n')],
    ['a key name with a plus', (note: string) => note.replace('\u2014 ledger.local/513336', '\u2014 ledger+local')],
    ['an extra field on the signature line', (note: string) => note.replace(/=\n$/, '= extra\n')],
  ])('refuses a note with %s', (_, spoil) => {
    expect(parseSignedNote(spoil(log.sign(text))).ok).toBe(false);
  });

  it(`reads up to ${noteSignaturesMax} signatures and refuses more`, () => {
    const line = log.sign(text).split('\n\n')[1];
    expect(parseSignedNote(`${text}\n${line.repeat(noteSignaturesMax)}`).ok).toBe(true);
    expect(parseSignedNote(`${text}\n${line.repeat(noteSignaturesMax + 1)}`).ok).toBe(false);
  });
});

describe('verifier keys', () => {
  it('are read when the base64 key itself holds a plus sign', () => {
    // About half of all keys have a `+` in their base64; take the first such one.
    const keys = Array.from({ length: 100 }, () => testNoteKey('ledger.local/513336'));
    const withPlus = keys.find(({ verifierKey }) => verifierKey.split('+').length > 3);
    expect(withPlus).toBeDefined();
    expect(valueOf(parseVerifierKey(withPlus!.verifierKey))).toEqual(withPlus!.key);
  });

  it('round-trip and are refused with a wrong ID, type, length or name', () => {
    const { verifierKey, key } = testNoteKey('ledger.local/513336');
    expect(valueOf(parseVerifierKey(verifierKey))).toEqual(key);
    const [name, id, material] = verifierKey.split('+');
    const wrongType = Buffer.from(material, 'base64');
    wrongType[0] = 0x02;
    for (const spoiled of [
      `${name}+00000000+${material}`,
      `${name}+${id}+${wrongType.toString('base64')}`,
      `${name}+${id}+${Buffer.from(material, 'base64').subarray(0, 20).toString('base64')}`,
      `other.example/log+${id}+${material}`,
      `${name}+${id.toUpperCase()}+${material}`,
      `${name} x+${id}+${material}`,
      `${name}+${id}`,
    ]) {
      expect(parseVerifierKey(spoiled).ok).toBe(false);
    }
  });
});
