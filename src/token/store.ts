import type { CalTokenState } from './types.js';

export const INITIAL_STATE: CalTokenState = Object.freeze({
  status: 'idle',
  token: null,
  error: null,
  nextRefreshAt: null,
});

export interface StateStore {
  get(): CalTokenState;
  /** Applies `patch`; replaces the (frozen) state object and notifies only if a field changed. */
  update(patch: Partial<CalTokenState>): void;
  subscribe(listener: () => void): () => void;
  /** Drops every listener; later updates notify no one. */
  close(): void;
}

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/** An immutable-state store with the `useSyncExternalStore` contract. */
export function createStateStore(): StateStore {
  let state = INITIAL_STATE;
  let closed = false;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(patch) {
      if (closed) return;
      const next: CalTokenState = { ...state, ...patch };
      if (
        next.status === state.status &&
        next.token === state.token &&
        next.error === state.error &&
        next.nextRefreshAt === state.nextRefreshAt
      ) {
        return;
      }
      state = Object.freeze(next);
      for (const listener of Array.from(listeners)) {
        if (closed) return;
        if (!listeners.has(listener)) continue;
        try {
          listener();
        } catch (error) {
          rethrowLater(error);
        }
      }
    },
    subscribe(listener) {
      if (closed) return () => {};
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      listeners.clear();
    },
  };
}
