/**
 * The values an event's `data` and `metadata` may hold. `number` is in the type because integers
 * are legal, but the store refuses every non-integer and every integer beyond ±(2^53 − 1) at its
 * edge: money travels as a decimal string, and the canonical bytes (RFC 8785) of an integer are
 * then just its digits, the same in every language.
 */
export type JsonPrimitive = string | number | boolean | null;

export type JsonValue = JsonPrimitive | readonly JsonValue[] | JsonObject;

/**
 * `undefined` is allowed so that types with optional fields fit; such keys are stripped before
 * hashing and storing (JCS cannot encode `undefined`), so a stored event never holds them.
 */
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}
