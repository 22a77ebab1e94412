import { jsonDepthMax } from '../port/limits';

/**
 * RFC 8785, JSON Canonicalization Scheme (JCS): the one serialisation whose bytes are hashed.
 * - no whitespace;
 * - object members sorted by their names as arrays of UTF-16 code units (§3.2.3), which is what
 *   JavaScript's default `sort()` compares, so `Object.keys(o).sort()` is exactly that order;
 * - strings and numbers serialised as ECMAScript's `JSON.stringify` does (§3.2.2.2, §3.2.2.3):
 *   the RFC defines them by reference to ECMA-262, so delegating the leaf case to the engine is
 *   the specification, not an approximation. Only well-formed Unicode is accepted (I-JSON), since
 *   a lone surrogate has no UTF-8 encoding and would hash as U+FFFD.
 * Keys whose value is `undefined` are omitted, like optional fields that are unset.
 */
export function canonicalJson(value: unknown, options: CanonicalJsonOptions = {}): string {
  return new CanonicalWriter(options.integersOnly === true).text(value);
}

export interface CanonicalJsonOptions {
  /**
   * Refuse every number that is not a safe integer. The event store sets it: its events hold no
   * floats, so their canonical numbers are plain digits in every language.
   */
  readonly integersOnly?: boolean;
}

/** `canonicalJson` of one string, without the walk: the event envelope's names and ids. */
export function canonicalString(text: string): string {
  return needsEscapeOrCheck.test(text) ? canonicalJson(text) : `"${text}"`;
}

/** The value cannot be canonicalised; `path` locates the offending part, e.g. `$.lines[2].amount`. */
export class CanonicalJsonError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * ES2024 String.prototype.isWellFormed: false when the string holds a lone surrogate. In V8 since
 * 11.1 (Node 20); TypeScript's ES2023 lib does not declare it. A regexp would do, ten times slower.
 */
const isWellFormed = wellFormedCheck();

/** What JCS escapes (`"`, `\\`, U+0000–U+001F), or any surrogate, paired or not (no `u` flag). */
const needsEscapeOrCheck = /["\\\u0000-\u001f\ud800-\udfff]/;

function wellFormedCheck(): (this: string) => boolean {
  const method = (String.prototype as unknown as { isWellFormed?: (this: string) => boolean }).isWellFormed;
  if (method === undefined) throw new Error('String.prototype.isWellFormed is missing: Node ≥ 20 is required');
  return method;
}

class CanonicalWriter {
  // Keys and indexes from the root to the value being written, for error messages only.
  private readonly path: (string | number)[] = [];
  // Tokens joined once at the end: one flat string. Repeated `+=` builds a deep rope that
  // every later reader (the SHA-256 of the leaf) must flatten first, which costs more than this.
  private readonly out: string[] = [];

  constructor(private readonly integersOnly: boolean) {}

  text(value: unknown): string {
    this.write(value);
    return this.out.join('');
  }

  private write(value: unknown): void {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'number':
        return this.number(value);
      case 'boolean':
        this.out.push(value ? 'true' : 'false');
        return;
      case 'object':
        if (value === null) {
          this.out.push('null');
          return;
        }
        if (this.path.length >= jsonDepthMax) this.fail(`nested deeper than ${jsonDepthMax} levels`);
        return Array.isArray(value) ? this.array(value) : this.object(value);
      default:
        return this.fail(`${typeof value} is not JSON`);
    }
  }

  private string(text: string): void {
    // Most strings hold nothing to escape and no surrogate: quoting them is all JCS asks.
    if (!needsEscapeOrCheck.test(text)) {
      this.out.push('"', text, '"');
      return;
    }
    if (!isWellFormed.call(text)) this.fail('string holds a lone UTF-16 surrogate');
    this.out.push(JSON.stringify(text));
  }

  private number(value: number): void {
    if (!Number.isFinite(value)) this.fail(`${value} is not JSON`);
    if (this.integersOnly && !Number.isSafeInteger(value)) {
      this.fail(`${value} is not an integer within ±(2^53 − 1); write amounts as decimal strings`);
    }
    // ECMAScript Number::toString, as §3.2.2.3 requires; it also prints -0 as "0".
    this.out.push(JSON.stringify(value));
  }

  private array(items: readonly unknown[]): void {
    this.out.push('[');
    for (let index = 0; index < items.length; index++) {
      if (index > 0) this.out.push(',');
      this.path.push(index);
      if (items[index] === undefined) this.fail('undefined is not JSON');
      this.write(items[index]);
      this.path.pop();
    }
    this.out.push(']');
  }

  private object(value: object): void {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      this.fail(`${value.constructor.name} is not a plain JSON object`);
    }
    const record = value as Readonly<Record<string, unknown>>;
    this.out.push('{');
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) this.out.push(',');
      first = false;
      this.path.push(key);
      this.string(key);
      this.out.push(':');
      this.write(member);
      this.path.pop();
    }
    this.out.push('}');
  }

  private fail(message: string): never {
    throw new CanonicalJsonError(message, formatPath(this.path));
  }
}

function formatPath(path: readonly (string | number)[]): string {
  return `$${path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('')}`;
}
