import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createLedgerApp } from '../../src/bootstrap';
import { readLedgerConfig } from '../../src/config/ledger-config';

/** The demo profile's documented tokens (README, "Access"). */
export const tokens = {
  finance513336: 'demo-finance-513336',
  finance341821: 'demo-finance-341821',
  inspector51: 'demo-inspector-51',
  admin: 'demo-admin',
} as const;

export interface Answer {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back in assertions
  readonly headers: Headers;
}

/**
 * The whole ledger as a user meets it: a real HTTP server on an ephemeral loopback port over a
 * real SQLite file in a fresh data directory, with an empty ledger (no demo county).
 */
export class LedgerUnderTest {
  private constructor(
    private readonly app: INestApplication,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  static async start(): Promise<LedgerUnderTest> {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    const app = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_DEMO: '0', LOG_LEVEL: 'silent' }));
    await app.listen(0, '127.0.0.1');
    return new LedgerUnderTest(app, (await app.getUrl()).replace('[::1]', '127.0.0.1'), dataDir);
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** POSTs JSON with a bearer token and an Idempotency-Key (a fresh one unless given; null for none). */
  post(path: string, body: unknown, options: { token?: string; key?: string | null } = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
    if (options.key !== null) headers['Idempotency-Key'] = options.key ?? randomUUID();
    return this.send(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  }

  get(path: string, token?: string): Promise<Answer> {
    return this.send(path, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
  }

  async position(): Promise<number> {
    return (await this.get('/health')).body.position as number;
  }

  private async send(path: string, init: RequestInit): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
  }
}
