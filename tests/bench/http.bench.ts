import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createLedgerApp } from '../../apps/ledger-api/src/bootstrap';
import { readLedgerConfig } from '../../apps/ledger-api/src/config/ledger-config';

/**
 * Disbursements posted through HTTP by 32 concurrent clients, against a trivial GET /health on
 * the same server in the same run: the ratio says what the write path (auth, validation,
 * idempotency, load–decide–append with an fsync per command, the voucher book) costs over
 * serving HTTP at all. Targets: ratio ≥ 0.3 and p99 < 50 ms.
 */
const connections = 32;
const durationSeconds = 10;
const token = 'demo-finance-513336';
const ratioTarget = 0.3;
const p99TargetMs = 50;

export async function runHttpBench(): Promise<void> {
  const dataDir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ledger-http-bench-'));
  const app = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_DEMO: '0', LOG_LEVEL: 'silent' }));
  try {
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    await fundOneProject(url);
    const health = await run({ url: `${url}/health`, connections, duration: durationSeconds });
    let next = 0;
    const disbursements = await run({
      url: `${url}/v1/projects/bench-project/disbursements`,
      connections,
      duration: durationSeconds,
      method: 'POST',
      requests: [
        {
          setupRequest: (request) => {
            const n = next++;
            return {
              ...request,
              headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-${n}` },
              body: JSON.stringify({
                disbursementId: `bench-d-${n}`,
                fundingId: 'bench-funding',
                amount: '1.00',
                payee: '乡城县交通运输局',
                voucherNo: `513336-2017-${String(n).padStart(7, '0')}`,
                paidOn: '2017-06-01',
                purpose: '村道硬化工程进度款',
              }),
            };
          },
        },
      ],
    });
    const ratio = disbursements.requests.average / health.requests.average;
    console.log(`GET /health:            ${health.requests.average.toFixed(0)} req/s, p99 ${health.latency.p99} ms`);
    console.log(`POST disbursements:     ${disbursements.requests.average.toFixed(0)} req/s, p99 ${disbursements.latency.p99} ms (${disbursements.non2xx} non-2xx)`);
    console.log(`ratio: ${ratio.toFixed(3)} (target ≥ ${ratioTarget}: ${ratio >= ratioTarget ? 'ok' : 'MISSED'}); p99 target < ${p99TargetMs} ms: ${disbursements.latency.p99 < p99TargetMs ? 'ok' : 'MISSED'}`);
    if (disbursements.non2xx > 0) throw new Error(`${disbursements.non2xx} disbursements were refused: the bench measured refusals`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** An approved project with one large funding line from a received special allocation. */
async function fundOneProject(url: string): Promise<void> {
  const steps: Array<[string, unknown]> = [
    ['/v1/allocations', { allocationId: 'bench-alloc', countyCode: '513336', fundType: 'special', sourceLevel: 'central', fiscalYear: 2017, amount: '90000000.00', documentNo: '川财农〔2017〕1号', allocatedOn: '2017-01-10' }],
    ['/v1/allocations/bench-alloc/receipts', { receiptId: 'bench-receipt', amount: '90000000.00', receivedOn: '2017-01-20', voucherNo: 'R-2017-1' }],
    ['/v1/projects', { projectId: 'bench-project', name: '村道硬化', category: 'infrastructure', villageCode: '513336100001', fiscalYear: 2017, plannedInvestment: '90000000.00', implementingUnit: '乡城县交通运输局', performanceTargets: ['硬化村道 10 公里'], povertyLinkage: '务工带贫', householdLevel: false, listedOn: '2017-01-05' }],
    ['/v1/projects/bench-project/approval', { on: '2017-01-25', documentNo: '乡扶〔2017〕3号' }],
    ['/v1/projects/bench-project/fundings', { fundingId: 'bench-funding', source: { allocationId: 'bench-alloc' }, amount: '90000000.00', fundedOn: '2017-02-01' }],
  ];
  for (const [index, [path, body]] of steps.entries()) {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-setup-${index}` },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`setup ${path} answered ${response.status}: ${await response.text()}`);
  }
}
