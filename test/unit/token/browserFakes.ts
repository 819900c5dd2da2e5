/** Stand-ins for the browser APIs the token manager uses: visibility, online, channels, locks. */
import { vi } from 'vitest';
import type { CalTokenChannel, CalTokenLocks } from '../../../src/token/types.js';

let visibility: DocumentVisibilityState | null = null;

/** Overrides `document.visibilityState`; dispatches `visibilitychange` unless told not to. */
export function setVisibility(state: DocumentVisibilityState, dispatch = true): void {
  visibility = state;
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => visibility,
  });
  if (dispatch) document.dispatchEvent(new Event('visibilitychange'));
}

export function resetVisibility(): void {
  visibility = null;
  delete (document as { visibilityState?: unknown }).visibilityState;
}

export function goOnline(): void {
  window.dispatchEvent(new Event('online'));
}

/** An in-memory stand-in for `BroadcastChannel`: delivers to the other channels of the same name. */
export function createChannelBus() {
  const open = new Set<FakeChannel>();
  const created: FakeChannel[] = [];
  interface FakeChannel extends CalTokenChannel {
    readonly name: string;
    closed: boolean;
    readonly listeners: Set<(event: { readonly data: unknown }) => void>;
    readonly posted: unknown[];
  }
  function factory(name: string): CalTokenChannel {
    const channel: FakeChannel = {
      name,
      closed: false,
      listeners: new Set(),
      posted: [],
      postMessage(message) {
        if (channel.closed) throw new Error('closed');
        channel.posted.push(message);
        const data = structuredClone(message);
        for (const other of open) {
          if (other === channel || other.name !== name) continue;
          queueMicrotask(() => {
            if (other.closed) return;
            for (const listener of Array.from(other.listeners)) listener({ data });
          });
        }
      },
      addEventListener(_type, listener) {
        channel.listeners.add(listener);
      },
      removeEventListener(_type, listener) {
        channel.listeners.delete(listener);
      },
      close() {
        channel.closed = true;
        open.delete(channel);
      },
    };
    open.add(channel);
    created.push(channel);
    return channel;
  }
  return { factory: vi.fn(factory), created };
}

/**
 * A Web Locks stand-in: exclusive per name, in request order; honours `signal` and `ifAvailable`
 * (`null` to the callback when the lock is held or awaited). `grantDelayMs` makes every answer that
 * much later (in fake time), like Chromium's lock manager while a page boots.
 */
export function createFakeLocks(
  options: { grantDelayMs?: number } = {},
): CalTokenLocks & { readonly granted: () => number } {
  const tails = new Map<string, Promise<unknown>>();
  /** Requests held or waiting, per name. */
  const open = new Map<string, number>();
  const slow = () =>
    options.grantDelayMs
      ? new Promise((resolve) => setTimeout(resolve, options.grantDelayMs))
      : null;
  let granted = 0;
  return {
    granted: () => granted,
    request<T>(
      name: string,
      requestOptions: { signal?: AbortSignal; ifAvailable?: boolean },
      callback: (lock: unknown) => Promise<T>,
    ) {
      if (requestOptions.ifAvailable && (open.get(name) ?? 0) > 0) {
        return Promise.resolve(slow()).then(() => callback(null));
      }
      open.set(name, (open.get(name) ?? 0) + 1);
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous
        .then(slow)
        .then(() => {
          if (requestOptions.signal?.aborted) throw new DOMException('aborted', 'AbortError');
          granted += 1;
          return callback({ name, mode: 'exclusive' });
        })
        .finally(() => open.set(name, (open.get(name) ?? 1) - 1));
      tails.set(
        name,
        run.catch(() => {}),
      );
      return run;
    },
  };
}
