import { describe, expect, it, vi } from 'vitest';
import { requestLock } from '../../../src/token/crossTab.js';
import type { CalTokenLocks } from '../../../src/token/types.js';

/** One lock, held by another tab when `busy`; a wait is granted when `grant` is called. */
function fakeLocks(busy: boolean) {
  const waits: (() => void)[] = [];
  const locks: CalTokenLocks = {
    request: (_name, options, callback) => {
      if (options.ifAvailable) return callback(busy ? null : {});
      return new Promise((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        waits.push(() => resolve(callback({})));
      });
    },
  };
  return { locks, grant: () => waits.shift()?.() };
}

describe('requestLock', () => {
  it('holds a free lock at once, uncontended', async () => {
    const { locks } = fakeLocks(false);
    const hold = vi.fn(async () => {});
    requestLock(locks, 'name', hold);
    await Promise.resolve();
    expect(hold).toHaveBeenCalledWith(false);
  });

  it('waits for a busy lock and holds it contended', async () => {
    const { locks, grant } = fakeLocks(true);
    const hold = vi.fn(async () => {});
    requestLock(locks, 'name', hold);
    await Promise.resolve();
    expect(hold).not.toHaveBeenCalled();
    grant();
    expect(hold).toHaveBeenCalledWith(true);
  });

  it('drops the wait, and the lock when it comes, once aborted', async () => {
    const { locks, grant } = fakeLocks(true);
    const hold = vi.fn(async () => {});
    const wait = requestLock(locks, 'name', hold);
    await Promise.resolve();
    wait.abort();
    grant();
    expect(hold).not.toHaveBeenCalled();
  });

  it('does nothing without locks', () => {
    expect(requestLock(null, 'name', vi.fn()).signal.aborted).toBe(false);
  });
});
