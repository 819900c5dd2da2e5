import { noop } from '../client/noop.js';
import type { CalTokenChannel, CalTokenLocks } from './types.js';

/** The channel (and lock) name: one per API and signed-in identity. */
export function crossTabName(baseUrl: string, identity: string): string {
  return `aisquare-bookings:${baseUrl}:${identity}`;
}

/** `new BroadcastChannel(name)` where it exists (and works), else `null`. */
export function openBroadcastChannel(name: string): CalTokenChannel | null {
  try {
    return new BroadcastChannel(name);
  } catch {
    return null;
  }
}

/** `navigator.locks` where the Web Locks API exists, else `null`. */
export function browserLocks(): CalTokenLocks | null {
  const locks = (globalThis.navigator as { locks?: CalTokenLocks } | undefined)?.locks;
  return typeof locks?.request === 'function' ? locks : null;
}

/**
 * Asks `locks` for the lock `name` without waiting first: `null` means another tab holds or awaits
 * the lock, which is when its token may be on its way (timing the grant cannot tell: a booting page's
 * lock manager alone can take 20-90 ms); then waits for it. `hold(contended)` runs once the lock is
 * ours and holds it until its promise settles. Aborting the controller returned drops the wait (a
 * later wait or the manager's disposal), and the lock when it comes. (`ifAvailable` cannot be
 * combined with a signal.)
 */
export function requestLock(
  locks: CalTokenLocks | null,
  name: string,
  hold: (contended: boolean) => Promise<void>,
): AbortController {
  const controller = new AbortController();
  const { signal } = controller;
  const held = (contended: boolean) => !signal.aborted && hold(contended);
  locks
    ?.request(name, { ifAvailable: true }, async (lock) => {
      if (lock !== null) return held(false);
      if (!signal.aborted) locks.request(name, { signal }, async () => held(true)).catch(noop);
    })
    .catch(noop);
  return controller;
}
