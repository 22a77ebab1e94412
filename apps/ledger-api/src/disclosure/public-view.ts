import { findPersonalData, maskName } from '@ledger/domain';
import type { JsonSchema } from './disclosure.schema';

/**
 * THE de-identification layer of the public read routes (三级公开: "never an ID number, phone,
 * bank account or health status"). Every @PublicRead route's answer passes through `deidentify`:
 *
 * 1. allow-list: the value is rebuilt from its published JSON Schema; a field the schema does not
 *    name is dropped, whatever the view builder put there;
 * 2. masking: fields marked `x-pii` are masked here, whatever the builder did before
 *    (household references to `hh-513336-****`, names to `卓*次仁`; both idempotent);
 * 3. last line of defence: the domain's personal-data detector runs over every string of the
 *    result, and anything it finds refuses the answer (a 500, logged with the path only: the
 *    value itself must not reach the log either).
 */
export class PersonalDataInPublicView extends Error {
  constructor(readonly path: string, readonly kind: string) {
    super(`a ${kind.replace('_', ' ')} was about to be published at ${path}; the answer was refused`);
    this.name = 'PersonalDataInPublicView';
  }
}

/** A value that does not have the shape its schema publishes: a bug of the view builder, never served. */
export class PublicViewShapeError extends Error {
  constructor(readonly path: string, expected: string) {
    super(`public view at ${path} is not ${expected}`);
    this.name = 'PublicViewShapeError';
  }
}

export function deidentify(schema: JsonSchema, value: unknown): unknown {
  const filtered = allowed(schema, value, '$');
  assertNoPersonalDataIn(filtered, '$');
  return filtered;
}

/** `hh-513336-0042` → `hh-513336-****`: the region part of a reference says where, the rest would say who. */
export function maskHouseholdReference(reference: string): string {
  const cut = reference.lastIndexOf('-');
  return cut > 0 ? `${reference.slice(0, cut + 1)}****` : `${reference.slice(0, 2)}****`;
}

function typesOf(schema: JsonSchema): readonly string[] {
  return schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
}

function allowed(schema: JsonSchema, value: unknown, path: string): unknown {
  const types = typesOf(schema);
  if (value === null) {
    if (types.includes('null')) return null;
    throw new PublicViewShapeError(path, types.join(' or '));
  }
  if (types.includes('object') && typeof value === 'object' && !Array.isArray(value)) {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (!Object.hasOwn(source, key) || source[key] === undefined) {
        if (schema.required?.includes(key)) throw new PublicViewShapeError(`${path}.${key}`, 'present');
        continue;
      }
      out[key] = allowed(property, source[key], `${path}.${key}`);
    }
    return out;
  }
  if (types.includes('array') && Array.isArray(value)) return value.map((item, i) => allowed(schema.items ?? {}, item, `${path}[${i}]`));
  if (types.includes('string') && typeof value === 'string') return masked(schema, value);
  if (types.includes('integer') && Number.isSafeInteger(value)) return value;
  if (types.includes('boolean') && typeof value === 'boolean') return value;
  throw new PublicViewShapeError(path, types.join(' or ') || 'described by the schema');
}

function masked(schema: JsonSchema, text: string): string {
  switch (schema['x-pii']) {
    case 'household-reference':
      return maskHouseholdReference(text);
    case 'name':
      return maskName(text);
    default:
      return text;
  }
}

/** Runs the domain's detector over every string (and object key) of a value; throws at the first find. */
export function assertNoPersonalDataIn(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const kind = findPersonalData(value);
    if (kind !== null) throw new PersonalDataInPublicView(path, kind);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoPersonalDataIn(item, `${path}[${i}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      assertNoPersonalDataIn(key, `${path} (a key)`);
      assertNoPersonalDataIn(item, `${path}.${key}`);
    }
  }
}
