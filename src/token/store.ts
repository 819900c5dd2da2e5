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

/**
 * Calls a host callback (or listener); its error surfaces as its own uncaught error, without
 * breaking our control flow.
 */
export function callSafely<T>(callback: ((value: T) => void) | undefined, value?: T): void {
  try {
    callback?.(value as T);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/** An immutable-state store with the `useSyncExternalStore` contract. */
export function createStateStore(): StateStore {
  let state = INITIAL_STATE;
  /** `undefined` once closed. */
  let listeners: Set<() => void> | undefined = new Set();
  return {
    get: () => state,
    update(patch) {
      const keys = Object.keys(patch) as (keyof CalTokenState)[];
      if (!listeners || !keys.some((key) => patch[key] !== state[key])) return;
      state = Object.freeze({ ...state, ...patch });
      // A listener may unsubscribe others (or close the store): only those still subscribed are called.
      for (const listener of [...listeners]) if (listeners?.has(listener)) callSafely(listener);
    },
    subscribe(listener) {
      listeners?.add(listener);
      return () => {
        listeners?.delete(listener);
      };
    },
    close() {
      listeners = undefined;
    },
  };
}
