import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '@ledger/event-store';
import { createLedgerApp } from '../bootstrap';
import { readLedgerConfig } from '../config/ledger-config';
import { EVENT_STORE } from '../store/event-store.module';
import { AppendHooks } from '../store/append-hooks';

it('measures', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zz-'));
  const app = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_DEMO: '0', LOG_LEVEL: 'silent' }));
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const store = app.get<EventStore>(EVENT_STORE);
  const hooks = app.get(AppendHooks) as unknown as { hooks: ((...a: unknown[]) => void)[] };
  const hookMs = hooks.hooks.map(() => 0);
  hooks.hooks.forEach((hook, i) => { hooks.hooks[i] = (...a: unknown[]) => { const t = performance.now(); hook(...a); hookMs[i]! += performance.now() - t; }; });
  const append = store.append.bind(store);
  let appendMs = 0; let appends = 0; let maxAppend = 0;
  (store as { append: unknown }).append = async (w: Parameters<EventStore['append']>[0]) => { const t = performance.now(); try { return await append(w); } finally { const d = performance.now() - t; appendMs += d; appends++; maxAppend = Math.max(maxAppend, d); } };
  const rows = Array.from({ length: 3_000 }, (_, i) => `imp-p-${i},513336,special,central,2017,1.00,川财农〔2017〕12号,2017-03-01,,`);
  const csv = ['allocationId,countyCode,fundType,sourceLevel,fiscalYear,amount,documentNo,allocatedOn,partner,channel', ...rows].join('\n') + '\n';
  const form = new FormData();
  form.append('file', new Blob([csv]), 'allocations.csv');
  const h = monitorEventLoopDelay({ resolution: 10 }); h.enable();
  const t0 = Date.now();
  const r = await fetch(`${url}/v1/imports`, { method: 'POST', headers: { authorization: 'Bearer demo-finance-513336', 'idempotency-key': 'k1' }, body: form });
  const { importId } = await r.json() as { importId: string };
  for (;;) { const s = await (await fetch(`${url}/v1/imports/${importId}`, { headers: { authorization: 'Bearer demo-finance-513336' } })).json() as { status: string }; if (s.status === 'done' || s.status === 'failed') break; await sleep(25); }
  h.disable();
  console.log('total ms', Date.now() - t0, 'max loop delay ms', h.max / 1e6, 'appends', appends, 'appendMs', appendMs, 'max', maxAppend, 'hooks', hookMs);
  await app.close();
}, 120_000);
