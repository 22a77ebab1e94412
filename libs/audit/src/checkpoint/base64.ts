/** RFC 4648 §4 standard alphabet, padded. */
const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes standard padded base64, or null unless `text` is exactly the encoding of its bytes.
 * Buffer.from(…, 'base64') skips characters it does not know and ignores non-zero padding bits,
 * so two spellings could carry one signature; a verifier accepts one spelling only.
 */
export function decodeBase64(text: string): Buffer | null {
  if (!base64Pattern.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}
