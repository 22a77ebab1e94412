import { createHash } from 'node:crypto';
import {
  type CanonicalEventFields,
  canonicalEventBytes,
  canonicalEventLeafHash,
  canonicalEventText,
  formatRecordedAt,
  leafHash,
} from './canonical-event';
import { canonicalJson } from './canonical-json';

const event: CanonicalEventFields = {
  eventId: '0190f0e2-5b3c-7a1d-9e4f-123456789abc',
  stream: 'allocation-513336-2017-0042',
  revision: 12n,
  type: 'AllocationReceived',
  schemaVersion: 1,
  data: { receiptId: 'receipt-1', amount: '1200000.00', fiscalYear: 2017, note: '中央财政专项扶贫资金', voucher: null },
  metadata: { actor: 'user:513336-0042', regionCode: '513336' },
  recordedAt: new Date('2026-11-23T08:00:00Z'),
};

/** The contract in README.md, spelled out: this exact text, these exact bytes. */
const expectedText =
  '{"data":{"amount":"1200000.00","fiscalYear":2017,"note":"中央财政专项扶贫资金","receiptId":"receipt-1","voucher":null},' +
  '"eventId":"0190f0e2-5b3c-7a1d-9e4f-123456789abc",' +
  '"metadata":{"actor":"user:513336-0042","regionCode":"513336"},' +
  '"recordedAt":"2026-11-23T08:00:00.000Z","revision":"12","schemaVersion":1,' +
  '"stream":"allocation-513336-2017-0042","type":"AllocationReceived"}';

describe('canonical event bytes', () => {
  it('are the JCS text of the eight envelope members, revision as a string, time with milliseconds', () => {
    expect(canonicalEventBytes(event).toString('utf8')).toBe(expectedText);
  });

  it('equal canonicalJson of the envelope as a plain object (the member order is JCS order)', () => {
    const asObject = { ...event, revision: event.revision.toString(), recordedAt: event.recordedAt.toISOString() };
    expect(canonicalEventBytes(event).toString('utf8')).toBe(canonicalJson(asObject));
  });

  it('omit unset optional keys rather than writing null', () => {
    const withUnset = { ...event, metadata: { actor: 'user:1', causationId: undefined } };
    expect(canonicalEventBytes(withUnset).toString('utf8')).toContain('"metadata":{"actor":"user:1"}');
  });

  it('hash as an RFC 9162 leaf: SHA-256(0x00 ‖ bytes), pinned', () => {
    const expected = createHash('sha256').update(Buffer.from([0])).update(expectedText, 'utf8').digest();
    expect(leafHash(canonicalEventBytes(event))).toEqual(expected);
    expect(expected.toString('hex')).toBe(pinnedLeafHash);
  });

  it('give the same leaf hash when assembled from canonical parts, as the append path does', () => {
    const parts = {
      ...event,
      dataJson: canonicalJson(event.data),
      metadataJson: canonicalJson(event.metadata),
      recordedAt: formatRecordedAt(event.recordedAt),
    };
    expect(canonicalEventText(parts)).toBe(expectedText);
    expect(canonicalEventLeafHash(parts)).toEqual(leafHash(Buffer.from(expectedText, 'utf8')));
  });
});

describe('formatRecordedAt', () => {
  it('writes RFC 3339 UTC with milliseconds, fixed width', () => {
    expect(formatRecordedAt(new Date(Date.UTC(2019, 3, 1, 4, 5, 6, 7)))).toBe('2019-04-01T04:05:06.007Z');
    expect(formatRecordedAt(new Date('0001-01-01T00:00:00Z'))).toBe('0001-01-01T00:00:00.000Z');
  });

  it('refuses an invalid Date and years it cannot write in that form', () => {
    expect(() => formatRecordedAt(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatRecordedAt(new Date('+010000-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => formatRecordedAt(new Date('-000001-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

// Computed once from expectedText with an independent SHA-256; a change here breaks every audit proof.
const pinnedLeafHash = '4ac2c2ddcbcf046d0839fa857b34e155de7f8fce0a0496f79e70051f56a87365';
