import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createLedgerApp } from '../src/bootstrap';
import { readLedgerConfig } from '../src/config/ledger-config';

describe('GET /health on a fresh data directory (real HTTP, real SQLite file)', () => {
  let app: INestApplication;
  let dataDir: string;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-health-'));
    app = await createLedgerApp(readLedgerConfig({ PORT: '0', LEDGER_DATA_DIR: dataDir, LEDGER_DEMO: '0', LOG_LEVEL: 'silent' }));
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers ok with the embedded store and its head position', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: 'sqlite', position: 0 });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${baseUrl}/health`, { headers: { 'X-Request-Id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await fetch(`${baseUrl}/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /docs-json: the OpenAPI document', () => {
  let app: INestApplication;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-docs-'));
    app = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_DEMO: '0', LOG_LEVEL: 'silent' }));
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('documents every command route with its body schema and its problem answers', async () => {
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const document = (await (await fetch(`${url}/docs-json`)).json()) as {
      paths: Record<string, { post?: { requestBody?: unknown; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const allocate = document.paths['/v1/allocations']?.post;
    expect(allocate?.requestBody).toBeDefined();
    expect(Object.keys(allocate?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '422']));
    expect(Object.keys(document.components.schemas['AllocateFundsBody']?.properties ?? {})).toEqual(
      expect.arrayContaining(['allocationId', 'countyCode', 'fundType', 'amount', 'allocatedOn']),
    );
  });
});
