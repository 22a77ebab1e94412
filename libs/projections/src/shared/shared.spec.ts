import { fenOf, ratio, splitFen, yuanOf } from './fen';
import { regionPrefix } from './region';
import { addWorkingDays } from './working-days';

describe('amounts in fen', () => {
  it('parse 2-dp yuan strings exactly and print them back', () => {
    expect(fenOf('12345.67')).toBe(1234567n);
    expect(fenOf('-0.05')).toBe(-5n);
    expect(yuanOf(1234567n)).toBe('12345.67');
    expect(yuanOf(-5n)).toBe('-0.05');
    expect(() => fenOf('1.234')).toThrow(expect.objectContaining({ code: 'MONEY.INVALID' }));
  });

  it('split to the fen, the parts adding up, and give rates to 4 dp half-up, null over zero', () => {
    expect(splitFen(1001n, [3000n, 2000n])).toEqual([601n, 400n]);
    expect(ratio(2n, 3n)).toBe('0.6667');
    expect(ratio(1n, 8n)).toBe('0.1250');
    expect(ratio(5n, 0n)).toBeNull();
  });
});

describe('disclosure deadlines in working days', () => {
  it('count Monday to Friday from the next day', () => {
    expect(addWorkingDays('2024-02-01', 15)).toBe('2024-02-22'); // a Thursday
    expect(addWorkingDays('2024-02-10', 15)).toBe('2024-03-01'); // a Saturday
    expect(addWorkingDays('2024-03-01', 0)).toBe('2024-03-01');
  });
});

describe('region prefixes', () => {
  it('take their level from their length', () => {
    expect(regionPrefix('513336')).toMatchObject({ level: 'county', column: 'county' });
    expect(regionPrefix('513336100')).toMatchObject({ level: 'township', column: 'township' });
    expect(regionPrefix('513336100201')).toMatchObject({ level: 'village', column: 'village' });
    expect(() => regionPrefix('5133361')).toThrow(expect.objectContaining({ code: 'REGION.INVALID' }));
  });
});
