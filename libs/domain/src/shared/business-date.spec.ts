import { expectDomainError } from '../../testing';
import { addMonths, ageInYear, businessDate, daysBetween } from './business-date';

describe('a business date', () => {
  it.each(['2024-02-29', '2024-12-31', '2000-01-01'])('accepts the calendar date %s as written', (input) => {
    expect(businessDate(input)).toBe(input);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-5', '20240105', '2024-01-05T00:00:00Z', 20240105, null])('refuses %p', (input) => {
    expect(expectDomainError(() => businessDate(input, 'paidOn'), 'DATE.INVALID').details).toMatchObject({ field: 'paidOn' });
  });

  it('orders as text in date order', () => {
    expect('2024-02-01' < '2024-10-01').toBe(true);
  });

  it('counts whole days between two dates, negative backwards, across leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2023-12-31', '2024-12-31')).toBe(366);
  });

  it('adds calendar months, clamped to the end of a shorter month', () => {
    expect(addMonths('2021-03-10', 36)).toBe('2024-03-10');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('gives an age in whole years from a birth year', () => {
    expect(ageInYear(1975, '2021-03-10')).toBe(46);
  });
});
