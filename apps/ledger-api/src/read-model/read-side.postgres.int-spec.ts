import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { postgresAvailability, startThrowawayCluster, type ThrowawayCluster } from '../../../../tests/support/postgres/throwaway-cluster';
import { createLedgerApp } from '../bootstrap';
import { readLedgerConfig } from '../config/ledger-config';
import { ReadSide } from './read-side';

/**
 * The read side with LEDGER_READ_DB: the projections in a real PostgreSQL (a throwaway cluster
 * from the local binaries), fed by subscription. An answered 201 is readable once the
 * subscription has applied it; every read says which position it reflects.
 */
const availability = postgresAvailability();
if (!availability.available) console.warn(`read side on PostgreSQL SKIPPED: ${availability.reason}`);
const describePostgres = availability.available ? describe : describe.skip;

describePostgres('the read side with LEDGER_READ_DB=postgres://… (subscription)', () => {
  let cluster: ThrowawayCluster;
  let app: INestApplication;
  let url: string;
  let dataDir: string;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-readdb-'));
    const readDb = await cluster.createDatabase('read_side');
    app = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_DEMO: '0', LOG_LEVEL: 'silent', LEDGER_READ_DB: readDb }));
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('follows the log by subscription: a read reflects the position it says, and reaches the append', async () => {
    expect(app.get(ReadSide).mode).toBe('subscription');
    const body = { allocationId: 'a-pg', countyCode: '513336', fundType: 'special', sourceLevel: 'central', fiscalYear: 2024, amount: '100.00', documentNo: '川财农〔2024〕1号', allocatedOn: '2024-03-01' };
    const posted = await fetch(`${url}/v1/allocations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-finance-513336', 'Idempotency-Key': 'pg-1' },
      body: JSON.stringify(body),
    });
    expect(posted.status).toBe(201);
    const { position } = (await posted.json()) as { position: number };
    await app.get(ReadSide).runner.waitForPosition(BigInt(position));
    const answer = await fetch(`${url}/v1/metrics?region=513336`, { headers: { Authorization: 'Bearer demo-inspector-51' } });
    const metrics = (await answer.json()) as { asOf: { position: number }; amounts: { allocated: string } };
    expect(metrics.asOf.position).toBe(position);
    expect(answer.headers.get('x-ledger-position')).toBe(String(position));
    expect(metrics.amounts.allocated).toBe('100.00');
  });
});
