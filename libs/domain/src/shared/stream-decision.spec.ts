import { eventsFor, streamDecision } from './stream-decision';

const event = (type: string) => ({ type, data: {} });

describe('a stream decision', () => {
  it('keeps streams in the order they are given, leaves out empty ones and merges repeats in order', () => {
    const decision = streamDecision(
      { stream: 'project-p-1', events: [event('A')] },
      { stream: 'pool-513336-2024', events: [] },
      { stream: 'allocation-a-1', events: [event('B')] },
      { stream: 'project-p-1', events: [event('C')] },
    );
    expect(decision).toEqual([
      { stream: 'project-p-1', events: [event('A'), event('C')] },
      { stream: 'allocation-a-1', events: [event('B')] },
    ]);
    expect(eventsFor(decision, 'project-p-1')).toHaveLength(2);
    expect(eventsFor(decision, 'pool-513336-2024')).toEqual([]);
  });
});
