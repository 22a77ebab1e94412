import { isEventId, isEventType, isStreamName, newEventId } from './identifiers';

describe('stream names', () => {
  it.each(['allocation-abc', 'pool-513336-2017', 'voucherbook-513336-2017', 'micro_credit-L_001', 'project-0b7c6f1e-9d2a-4c1b-8e3f-5a6b7c8d9e0f'])(
    'accepts %s',
    (name) => expect(isStreamName(name)).toBe(true),
  );

  it.each(['allocation', 'Allocation-1', '1pool-2', 'pool--2', 'pool-2-', '-pool', 'pool-a b', 'pool-中文', ''])('refuses %p', (name) =>
    expect(isStreamName(name)).toBe(false),
  );
});

describe('event types', () => {
  it('accepts identifiers and refuses the rest', () => {
    expect(['AllocationRecorded', 'allocation.recorded', 'Loan-Closed_v2'].every(isEventType)).toBe(true);
    expect(['', '1Recorded', 'Allocation Recorded', 'a'.repeat(101)].some(isEventType)).toBe(false);
  });
});

describe('newEventId', () => {
  it('makes lowercase UUIDv7s the store accepts, ordered by their millisecond', () => {
    const early = newEventId(Date.UTC(2026, 10, 23, 8));
    const late = newEventId(Date.UTC(2026, 10, 23, 8, 0, 0, 1));
    for (const id of [early, late, newEventId()]) {
      expect(isEventId(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect(early.slice(0, 13)).toBe('01a2076b-4400');
    expect(early < late).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newEventId(0))).size).toBe(1000);
  });
});
