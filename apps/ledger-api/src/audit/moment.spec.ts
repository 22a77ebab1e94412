import { parseMoment } from './moment';

describe('a moment of recording time', () => {
  it.each([
    ['2019-04-01T12:00:00+08:00', '2019-04-01T04:00:00.000Z'],
    ['2019-04-01T12:00+08:00', '2019-04-01T04:00:00.000Z'],
    ['2019-04-01T04:00:00.123Z', '2019-04-01T04:00:00.123Z'],
    ['2019-04-01t04:00:00.1234567z', '2019-04-01T04:00:00.123Z'],
    ['2019-03-31T23:30:00-05:00', '2019-04-01T04:30:00.000Z'],
    ['2020-02-29T00:00:00Z', '2020-02-29T00:00:00.000Z'],
  ])('reads %s as the instant %s', (text, instant) => {
    expect(parseMoment(text)?.toISOString()).toBe(instant);
  });

  it.each([
    ['no offset', '2019-04-01T12:00:00'],
    ['a business date', '2019-04-01'],
    ['30 February', '2019-02-30T12:00:00Z'],
    ['29 February of a common year', '2019-02-29T12:00:00Z'],
    ['hour 24', '2019-04-01T24:00:00Z'],
    ['an offset beyond ±14:00', '2019-04-01T12:00:00+15:00'],
    ['offset minutes past 59', '2019-04-01T12:00:00+08:60'],
    ['a space for the T', '2019-04-01 12:00:00Z'],
    ['not a string', 20190401],
  ])('refuses %s', (_case, text) => {
    expect(parseMoment(text)).toBeUndefined();
  });
});
