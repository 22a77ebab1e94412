import { StreamLocks } from './stream-locks';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('stream locks', () => {
  it('runs work on a common stream one at a time, in arrival order', async () => {
    const locks = new StreamLocks();
    const log: string[] = [];
    const job = (name: string, streams: string[]) =>
      locks.withLocks(streams, async () => {
        log.push(`${name} in`);
        await tick();
        log.push(`${name} out`);
      });
    await Promise.all([job('a', ['book', 'p1']), job('b', ['p2', 'book']), job('c', ['p3'])]);
    expect(log.indexOf('a out')).toBeLessThan(log.indexOf('b in'));
    expect(log.indexOf('c in')).toBeLessThan(log.indexOf('a out'));
  });

  it('releases the locks when the work fails', async () => {
    const locks = new StreamLocks();
    await expect(locks.withLocks(['s'], () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(locks.withLocks(['s'], () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
