import type { CliIo } from '../cli';

/** The CLI's output captured for assertions, with a quiet log level. */
export function capturedIo(env: NodeJS.ProcessEnv = {}): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: { LOG_LEVEL: 'silent', ...env },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** 乡城县's allocations of a year, with a receipt each: two appends, three events per allocation. */
export async function postAllocations(
  post: (path: string, body: unknown) => Promise<{ status: number }>,
  ids: readonly string[],
  options: { amount?: string; fiscalYear?: number; county?: string; voucherFrom?: number } = {},
): Promise<void> {
  const county = options.county ?? '513336';
  const year = options.fiscalYear ?? 2017;
  let voucher = options.voucherFrom ?? 1;
  for (const id of ids) {
    const allocation = { allocationId: id, countyCode: county, fundType: 'special', sourceLevel: 'central', fiscalYear: year, amount: options.amount ?? '1000000.00', documentNo: '川财农〔2017〕12号', allocatedOn: `${year}-03-01` };
    expect((await post('/v1/allocations', allocation)).status).toBe(201);
    const receipt = { receiptId: `rcpt-${id}`, amount: '600000.00', receivedOn: `${year}-03-20`, voucherNo: `${county}-${year}-${String(voucher++).padStart(6, '0')}` };
    expect((await post(`/v1/allocations/${id}/receipts`, receipt)).status).toBe(201);
  }
}
