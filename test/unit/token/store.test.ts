import { describe, expect, it, vi } from 'vitest';
import { createStateStore, INITIAL_STATE } from '../../../src/token/store.js';

describe('state store', () => {
  it('keeps the same state object and notifies no one when an update changes nothing', () => {
    const store = createStateStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.update({ status: 'idle', token: null, error: null, nextRefreshAt: null });
    store.update({});
    expect(store.get()).toBe(INITIAL_STATE);
    expect(listener).not.toHaveBeenCalled();
  });

  it('replaces the state with a new frozen object and notifies once per change', () => {
    const store = createStateStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.update({ status: 'loading' });
    const loading = store.get();
    expect(loading).not.toBe(INITIAL_STATE);
    expect(loading).toEqual({ ...INITIAL_STATE, status: 'loading' });
    expect(Object.isFrozen(loading)).toBe(true);
    expect(INITIAL_STATE.status).toBe('idle');
    store.update({ status: 'loading' });
    expect(store.get()).toBe(loading);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('after close, updates are ignored and listeners are not called', () => {
    const store = createStateStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.close();
    store.update({ status: 'ready' });
    expect(store.get()).toBe(INITIAL_STATE);
    expect(listener).not.toHaveBeenCalled();
  });
});
