/**
 * In-process locks by stream name. Commands that touch a common stream (every posting of a county
 * and year touches its voucher book) would otherwise all read the same revision, all but one fail
 * the append with a revision conflict, and retry: a storm that wastes the fsyncs it competes for.
 * Taking the streams' locks before loading queues them instead. Locks are taken in sorted order,
 * so two commands never wait on each other. The store's expected revisions stay the guarantee
 * (another process, or a future clustered store, is not covered by these locks); the locks only
 * make conflicts rare.
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async withLocks<T>(streams: readonly string[], work: () => Promise<T>): Promise<T> {
    const ordered = [...new Set(streams)].sort();
    const releases: Array<() => void> = [];
    try {
      for (const stream of ordered) releases.push(await this.acquire(stream));
      return await work();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async acquire(stream: string): Promise<() => void> {
    const previous = this.tails.get(stream) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(stream, tail);
    await previous;
    return () => {
      release();
      // The last holder of a stream leaves no entry behind, so the map stays as small as the queue.
      if (this.tails.get(stream) === tail) this.tails.delete(stream);
    };
  }
}
