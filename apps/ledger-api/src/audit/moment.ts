/**
 * A moment of recording time as inspectors write it: RFC 3339 with an explicit offset
 * (`2019-04-01T12:00:00+08:00`, `…Z`); seconds may be left out (`2019-04-01T12:00+08:00`, as
 * ISO 8601 allows). A moment without an offset is refused: "12:00" in Beijing and in UTC are
 * eight hours of postings apart. Business dates (`paidOn: 2019-03-28`) are not moments.
 */
const momentPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** The offsets in use on Earth lie within ±14:00. */
const offsetMinutesMax = 14 * 60;

/** The instant `text` names, or undefined when it is not such a moment (2019-02-30 included). */
export function parseMoment(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const match = momentPattern.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? '0')) as [number, number, number, number, number, number];
  const millis = Math.floor(Number(`0${match[7] ?? ''}`) * 1000);
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 30 February over into March: a real calendar moment survives the round trip.
  const real =
    local.getUTCFullYear() === year && local.getUTCMonth() === month - 1 && local.getUTCDate() === day && local.getUTCHours() === hour && local.getUTCMinutes() === minute && local.getUTCSeconds() === second;
  if (!real || year < 1) return undefined;
  const offset = offsetMinutesOf(match[8]!);
  if (offset === undefined) return undefined;
  return new Date(local.getTime() - offset * 60_000);
}

function offsetMinutesOf(text: string): number | undefined {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (minutes > 59) return undefined;
  const offset = sign * (hours * 60 + minutes);
  return Math.abs(offset) > offsetMinutesMax ? undefined : offset;
}
