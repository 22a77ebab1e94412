import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImportStatus } from '../../ledger-api/src/imports/import-job';

/** How long the CLI waits for `GET /health` before it concludes no ledger runs at the URL. */
export const probeTimeoutMs = 1_500;

/** Between two reads of an import's progress. */
export const pollIntervalMs = 200;

/** A network hiccup tolerated while polling before the CLI gives up (the import goes on in the ledger regardless). */
const pollFailuresMax = 10;

export type Probe = { readonly running: true } | { readonly running: false; readonly reason: string } | { readonly running: 'other'; readonly reason: string };

/** Whether a ledger answers at `url`: its `/health` says `{status: 'ok', position}`. Nothing answering is not an error. */
export async function probeLedger(url: string): Promise<Probe> {
  let response: Response;
  try {
    response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(probeTimeoutMs) });
  } catch (error) {
    return { running: false, reason: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
  }
  const body = (await response.json().catch(() => undefined)) as { status?: unknown; position?: unknown } | undefined;
  if (response.ok && body?.status === 'ok' && typeof body.position === 'number') return { running: true };
  return { running: 'other', reason: `${url}/health answered ${response.status}, not as a ledger does` };
}

/** A refusal of the request itself (400, 401, 403, 413 …): the problem the ledger answered. */
export class ImportRequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly problem: { code?: string; detail?: string; errors?: { field: string; rule: string; message: string }[] },
  ) {
    super(`${status} ${problem.code ?? ''}: ${problem.detail ?? ''}`);
    this.name = 'ImportRequestRefused';
  }
}

/**
 * Posts the file to `POST /v1/imports` (multipart, a fresh Idempotency-Key per run: the rows' own
 * keys come from the file's hash, so running the CLI twice posts nothing twice) and follows the
 * import on `GET /v1/imports/{id}` until it is done or failed.
 */
export async function importRemote(options: {
  url: string;
  token: string;
  file: string;
  bytes: Buffer;
  kind?: string;
  progress: (status: ImportStatus) => void;
}): Promise<ImportStatus> {
  const form = new FormData();
  if (options.kind !== undefined) form.append('kind', options.kind);
  form.append('file', new Blob([new Uint8Array(options.bytes)]), basename(options.file));
  const headers = { authorization: `Bearer ${options.token}` };
  const response = await fetch(`${options.url}/v1/imports`, { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body: form });
  const answer = (await response.json().catch(() => ({}))) as ImportStatus & ImportRequestRefused['problem'];
  if (response.status !== 202) throw new ImportRequestRefused(response.status, answer);
  let status: ImportStatus = answer;
  let failures = 0;
  options.progress(status);
  while (status.status !== 'done' && status.status !== 'failed') {
    await sleep(pollIntervalMs);
    try {
      const poll = await fetch(`${options.url}/v1/imports/${status.importId}`, { headers });
      if (poll.status === 404) throw new Error(`the ledger no longer knows import ${status.importId} (restarted?); import the same file again to finish it`);
      if (!poll.ok) throw new Error(`GET /v1/imports/${status.importId} answered ${poll.status}`);
      status = (await poll.json()) as ImportStatus;
      failures = 0;
    } catch (error) {
      // fetch fails with a TypeError ('fetch failed') when the connection does; by name, as it comes from undici's realm.
      if (error instanceof Error && error.name === 'TypeError' && ++failures <= pollFailuresMax) continue;
      throw error;
    }
    options.progress(status);
  }
  return status;
}
