/**
 * The text encodings an import accepts, as county finance systems export CSV: UTF-8 with a BOM
 * (Excel's "CSV UTF-8"), UTF-8 without one, and GB18030 (Excel and most domestic finance software
 * on a Chinese Windows, whose "ANSI" code page 936 is GBK, a subset of GB18030).
 */
export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'gb18030';

export class UndecodableText extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecodableText';
  }
}

const utf8Bom = [0xef, 0xbb, 0xbf];

/**
 * Detects and decodes: a UTF-8 BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (GBK text of
 * any length is practically never valid UTF-8, while ASCII is both and reads the same); anything
 * else is GB18030, which maps every byte sequence, so a file in yet another encoding shows up as
 * a header that does not match. UTF-16 (Excel's "Unicode text") is refused by its BOM.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (utf8Bom.every((byte, index) => bytes[index] === byte)) {
    const text = decodeOrNull('utf-8', bytes.subarray(utf8Bom.length));
    if (text === null) throw new UndecodableText('the file starts with a UTF-8 byte order mark but is not UTF-8');
    return { text, encoding: 'utf-8-bom' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UndecodableText('the file is UTF-16 (Excel "Unicode text"); save it as "CSV UTF-8" or CSV instead');
  }
  const utf8 = decodeOrNull('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb18030 = decodeOrNull('gb18030', bytes);
  if (gb18030 !== null) return { text: gb18030, encoding: 'gb18030' };
  throw new UndecodableText('the file is neither UTF-8 nor GB18030 text');
}

/** The text, or null when the bytes are not valid in that encoding (a fatal decoder throws ERR_ENCODING_INVALID_ENCODED_DATA). */
function decodeOrNull(encoding: 'utf-8' | 'gb18030', bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: a BOM is handled above; one left inside the bytes is kept as the character it is.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    // By its code, not `instanceof TypeError`: the error comes from Node's own realm (under Jest, another one).
    if ((error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return null;
    throw error;
  }
}
