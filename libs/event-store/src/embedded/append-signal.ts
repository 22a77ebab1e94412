/**
 * Wakes subscriptions that have caught up when an append commits. Listeners hold no events:
 * a woken subscription reads the log itself, so a missed or extra wake-up costs at most a query.
 */
export class AppendSignal {
  private readonly listeners = new Set<() => void>();
  private closedFlag = false;

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Resolves at the next append, at close, or when `cancel` aborts; leaves no listener behind. */
  nextAppend(cancel: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (this.closedFlag || cancel.aborted) return resolve();
      const wake = (): void => {
        this.listeners.delete(wake);
        cancel.removeEventListener('abort', wake);
        resolve();
      };
      this.listeners.add(wake);
      cancel.addEventListener('abort', wake, { once: true });
    });
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  close(): void {
    this.closedFlag = true;
    this.notify();
  }
}
