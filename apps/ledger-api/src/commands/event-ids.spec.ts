import { eventIdFor, uuidV5 } from './event-ids';

describe('event ids derived from the idempotency key', () => {
  it('computes RFC 9562 UUIDv5 (the RFC example: DNS namespace, www.example.com)', () => {
    const dnsNamespace = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');
    expect(uuidV5('www.example.com', dnsNamespace)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is the same for the same principal, key and index, and differs otherwise', () => {
    const id = eventIdFor('finance-513336', 'key-1', 0);
    expect(eventIdFor('finance-513336', 'key-1', 0)).toBe(id);
    expect(eventIdFor('finance-513336', 'key-1', 1)).not.toBe(id);
    expect(eventIdFor('finance-341821', 'key-1', 0)).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
