import { hash } from 'node:crypto';
import type { JsonValue } from '../port/json';
import type { EventMetadata } from '../port/recorded-event';
import { canonicalJson, canonicalString } from './canonical-json';

/**
 * The bytes that identify an event forever (a public contract, see the README): the RFC 8785
 * serialisation of exactly these eight members. `revision` is a decimal string (JSON has no
 * bigint), `recordedAt` RFC 3339 UTC with milliseconds, `metadata` `{}` when none was given.
 */
export interface CanonicalEventFields {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/** The same fields with `data` and `metadata` already canonical and `recordedAt` formatted. */
export interface CanonicalEventParts {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly recordedAt: string;
}

export function canonicalEventBytes(event: CanonicalEventFields): Buffer {
  const text = canonicalEventText({
    eventId: event.eventId,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    dataJson: canonicalJson(event.data),
    metadataJson: canonicalJson(event.metadata),
    recordedAt: formatRecordedAt(event.recordedAt),
  });
  return Buffer.from(text, 'utf8');
}

/**
 * Assembles the canonical text from canonical parts, so the append path canonicalises `data`
 * once for both storing and hashing. The member names are written in their JCS order
 * (data < eventId < metadata < recordedAt < revision < schemaVersion < stream < type by UTF-16
 * code units); a unit test pins this against `canonicalJson` of the whole object.
 */
export function canonicalEventText(parts: CanonicalEventParts): string {
  return canonicalEventTokens(parts).join('');
}

// Joined once by the caller, so the text is one flat string (see CanonicalWriter).
function canonicalEventTokens(parts: CanonicalEventParts): string[] {
  return [
    '{"data":',
    parts.dataJson,
    ',"eventId":',
    canonicalString(parts.eventId),
    ',"metadata":',
    parts.metadataJson,
    ',"recordedAt":',
    canonicalString(parts.recordedAt),
    ',"revision":"',
    parts.revision.toString(),
    '","schemaVersion":',
    canonicalJson(parts.schemaVersion),
    ',"stream":',
    canonicalString(parts.stream),
    ',"type":',
    canonicalString(parts.type),
    '}',
  ];
}

// RFC 9162 §2.1.1: a leaf is hashed as HASH(0x00 ‖ leaf), interior nodes as HASH(0x01 ‖ l ‖ r),
// so no leaf can be passed off as an interior node.
const leafPrefix = Buffer.from([0x00]);

export function leafHash(bytes: Uint8Array): Buffer {
  return Buffer.from(hash('sha256', Buffer.concat([leafPrefix, bytes]), 'hex'), 'hex');
}

/**
 * `leafHash(canonicalEventBytes(…))` from canonical parts, hashing the text directly: U+0000 is
 * the single UTF-8 byte 0x00, so the prefixed string encodes to exactly 0x00 ‖ canonical bytes.
 */
export function canonicalEventLeafHash(parts: CanonicalEventParts): Buffer {
  const tokens = canonicalEventTokens(parts);
  tokens.unshift('\u0000');
  // Hex then decode: measured faster than asking node:crypto for a Buffer directly.
  return Buffer.from(hash('sha256', tokens.join(''), 'hex'), 'hex');
}

/** The length of `YYYY-MM-DDTHH:mm:ss.sssZ`; toISOString is longer outside years 0000–9999. */
const recordedAtLength = 24;

/**
 * RFC 3339 UTC with milliseconds. Fixed width, so stored timestamps also sort as text; a Date
 * outside years 0000–9999 (or invalid) has no such form and is refused with a RangeError.
 */
export function formatRecordedAt(moment: Date): string {
  if (Number.isNaN(moment.getTime())) throw new RangeError('recordedAt is an invalid Date');
  const text = moment.toISOString();
  if (text.length !== recordedAtLength) throw new RangeError(`recordedAt ${text} is outside years 0000–9999`);
  return text;
}
