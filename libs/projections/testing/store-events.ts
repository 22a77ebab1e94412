import { streams } from '@ledger/domain';
import { newEventId, type AppendResult, type EventStore } from '@ledger/event-store';
import type { LedgerEvent } from '../src/events/ledger-event';

/** The stream a ledger event belongs to, by the domain's stream names. */
export function streamOf(event: LedgerEvent): string {
  switch (event.type) {
    case 'ChannelFundsPooled':
    case 'ChannelFundsUnpooled':
    case 'PoolFundingDrawn':
    case 'PoolFundingReturned':
      return streams.pool(event.data.county, event.data.fiscalYear);
    case 'VoucherNumberUsed':
      return streams.voucherBook(event.data.county, event.data.fiscalYear);
    case 'RiskFundDeposited':
    case 'RiskFundCompensationPaid':
      return streams.riskFund(event.data.county);
    case 'NoticePublished':
    case 'NoticeWithdrawn':
      return streams.notice(event.data.noticeId);
    case 'RectificationOpened':
    case 'RectificationTaskClosed':
    case 'RectificationClosed':
    case 'RectificationReopened':
      return streams.rectification(event.data.rectificationId);
    default:
      if ('loanId' in event.data) return streams.loan(event.data.loanId);
      if ('projectId' in event.data && !('allocationId' in event.data)) return streams.project(event.data.projectId);
      return streams.allocation((event.data as { allocationId: string }).allocationId);
  }
}

/**
 * Appends events to a real store in their order, up to `perAppend` in one append (one append may
 * write several streams, each once: a stream that would come back starts the next append).
 */
export async function appendLedgerEvents(store: EventStore, events: readonly LedgerEvent[], perAppend = 1): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  let writes: { stream: string; events: LedgerEvent[] }[] = [];
  let count = 0;
  const flush = async (): Promise<void> => {
    if (writes.length === 0) return;
    const append = writes.map((write) => ({
      stream: write.stream,
      expectedRevision: 'any' as const,
      events: write.events.map((event) => ({ eventId: newEventId(), type: event.type, data: event.data as never })),
    }));
    writes = [];
    count = 0;
    results.push(await store.append(append));
  };
  for (const event of events) {
    const stream = streamOf(event);
    const last = writes[writes.length - 1];
    if (count >= perAppend || (last?.stream !== stream && writes.some((w) => w.stream === stream))) await flush();
    const current = writes[writes.length - 1];
    if (current?.stream === stream) current.events.push(event);
    else writes.push({ stream, events: [event] });
    count += 1;
  }
  await flush();
  return results;
}
