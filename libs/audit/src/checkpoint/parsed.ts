/** The outcome of reading untrusted text: the value, or why it was refused (for humans, not matching). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function refused<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}
