import { chinaDateAt } from './listing-date';

describe('the date in China of an instant', () => {
  it('turns the day at 16:00 UTC, midnight in Beijing', () => {
    expect(chinaDateAt(new Date('2024-03-01T15:59:59.999Z'))).toBe('2024-03-01');
    expect(chinaDateAt(new Date('2024-03-01T16:00:00.000Z'))).toBe('2024-03-02');
  });

  it('crosses month and year ends like the calendar', () => {
    expect(chinaDateAt(new Date('2023-12-31T16:30:00Z'))).toBe('2024-01-01');
    expect(chinaDateAt(new Date('2024-02-28T20:00:00Z'))).toBe('2024-02-29');
  });
});
