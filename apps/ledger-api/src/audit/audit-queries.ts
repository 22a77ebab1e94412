import { IsOptional, ValidateBy, buildMessage } from 'class-validator';
import { isEventType, isStreamName } from '@ledger/event-store';
import { EdgeError } from '../http/edge-error';
import { parseMoment } from './moment';

/**
 * Query parameters of the audit routes, validated by the global pipe (unknown parameters are
 * FIELD.UNKNOWN) and named in VALIDATION.FAILED; the controllers check what spans two fields.
 */

/** Decimal, no sign, no leading zero, at most 15 digits: below 2^53, so a JSON number carries it exactly. */
const logIntegerPattern = /^(0|[1-9][0-9]{0,14})$/;

/** Region prefixes at level boundaries: province 2, city 4, county 6, township 9, village 12 digits. */
const regionPrefixPattern = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

function rule(name: string, isValid: (value: unknown) => boolean, mustBe: string): PropertyDecorator {
  return ValidateBy({
    name,
    validator: { validate: (value: unknown) => isValid(value), defaultMessage: buildMessage(() => `$property must be ${mustBe}`) },
  });
}

/** A tree size, leaf index, position or revision, written in decimal. */
export const IsLogInteger = (): PropertyDecorator =>
  rule('INTEGER.INVALID', (value) => typeof value === 'string' && logIntegerPattern.test(value), 'a decimal integer ≥ 0 (at most 15 digits)');

const IsMoment = (): PropertyDecorator =>
  rule('MOMENT.INVALID', (value) => parseMoment(value) !== undefined, 'an RFC 3339 moment with an offset, e.g. 2019-04-01T12:00:00+08:00');

const IsRegionPrefix = (): PropertyDecorator =>
  rule('REGION.INVALID', (value) => typeof value === 'string' && regionPrefixPattern.test(value), 'a region code prefix of 2, 4, 6, 9 or 12 digits');

const IsEventTypeName = (): PropertyDecorator => rule('TYPE.INVALID', isEventType, 'an event type, e.g. FundsDisbursed');

export const IsStreamName = (): PropertyDecorator => rule('STREAM.INVALID', isStreamName, 'a stream name, e.g. project-p-2019-01');

export class CheckpointQuery {
  /** A tree size at which a checkpoint was cut; the latest checkpoint when absent. */
  @IsOptional() @IsLogInteger() size?: string;
}

export class EntriesQuery {
  /** First leaf index (0-based, inclusive). */
  @IsLogInteger() start!: string;
  /** Leaf index after the last one (exclusive); start + the page size when absent. */
  @IsOptional() @IsLogInteger() end?: string;
}

export class InclusionProofQuery {
  /** Leaf index: position − 1. */
  @IsLogInteger() index!: string;
  @IsLogInteger() size!: string;
}

export class ConsistencyProofQuery {
  @IsLogInteger() from!: string;
  @IsLogInteger() to!: string;
}

export class StreamAsOfQuery {
  /** The moment of recording time the stream is shown as of (RFC 3339 with offset). */
  @IsOptional() @IsMoment() asOf?: string;
  /** Or the log position it is shown as of. Neither: as of now. */
  @IsOptional() @IsLogInteger() asOfPosition?: string;
  @IsOptional() @IsLogInteger() fromRevision?: string;
  @IsOptional() @IsLogInteger() limit?: string;
}

export class LogQuery {
  /** First position (inclusive), 1 when absent. */
  @IsOptional() @IsLogInteger() from?: string;
  /** Last position (inclusive), the log's head when absent. */
  @IsOptional() @IsLogInteger() to?: string;
  /** Prefix of the region code the event was recorded for (metadata.regionCode). */
  @IsOptional() @IsRegionPrefix() region?: string;
  @IsOptional() @IsEventTypeName() type?: string;
  @IsOptional() @IsLogInteger() limit?: string;
}

/** VALIDATION.FAILED naming one field, for what a single field's rule cannot see. */
export function invalidField(field: string, ruleName: string, message: string): EdgeError {
  return new EdgeError('VALIDATION.FAILED', `The request has invalid fields: ${field}`, { errors: [{ field, rule: ruleName, message }] });
}

/** A size, index or position the log has not reached: 404, the log may grow there later. */
export function beyondTree(field: string, value: bigint, treeSize: bigint): EdgeError {
  return new EdgeError('AUDIT.BEYOND_TREE', `${field} ${value} is beyond the log, which holds ${treeSize} events`);
}

/** A page size between 1 and `max`, `max` when absent. */
export function pageSize(limit: string | undefined, max: number): number {
  if (limit === undefined) return max;
  const size = Number(limit);
  if (size < 1 || size > max) throw invalidField('limit', 'LIMIT.INVALID', `limit must be from 1 to ${max}`);
  return size;
}

/** The moment's instant; the pipe has checked its form. */
export function momentOf(text: string): Date {
  const moment = parseMoment(text);
  if (moment === undefined) throw invalidField('asOf', 'MOMENT.INVALID', 'asOf must be an RFC 3339 moment with an offset');
  return moment;
}
