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
    requestLock(locks, 'name', new AbortController().signal, hold);
    await Promise.resolve();
    expect(hold).toHaveBeenCalledWith(false);
  });

  it('waits for a busy lock and holds it contended', async () => {
    const { locks, grant } = fakeLocks(true);
    const hold = vi.fn(async () => {});
    requestLock(locks, 'name', new AbortController().signal, hold);
    await Promise.resolve();
    expect(hold).not.toHaveBeenCalled();
    grant();
    expect(hold).toHaveBeenCalledWith(true);
  });

  it('does not wait once its signal aborted', async () => {
    const { locks, grant } = fakeLocks(true);
    const hold = vi.fn(async () => {});
    const controller = new AbortController();
    controller.abort();
    requestLock(locks, 'name', controller.signal, hold);
    await Promise.resolve();
    grant();
    expect(hold).not.toHaveBeenCalled();
  });

  it('does nothing without locks', () => {
    expect(() => requestLock(null, 'name', new AbortController().signal, vi.fn())).not.toThrow();
  });
});
