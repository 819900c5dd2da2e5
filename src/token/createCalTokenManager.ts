import { normalizeError } from '../client/errors.js';
import { noop } from '../client/noop.js';
import { browserLocks, crossTabName, openBroadcastChannel, requestLock } from './crossTab.js';
import { type Effect, initialState, type MachineEvent, transition } from './machine.js';
import { callSafely, createStateStore } from './store.js';
import { tokenTimers } from './timers.js';
import type {
  CalToken,
  CalTokenChannel,
  CalTokenFocusSource,
  CalTokenLocks,
  CalTokenManager,
  CalTokenManagerOptions,
  CalTokenOnlineSource,
} from './types.js';

/**
 * Adds `listener` to `target` when it is an event target (servers and workers have no document or
 * window; React Native's `window` has no `addEventListener`); returns the removal.
 */
function listen(target: EventTarget | undefined, type: string, listener: () => void): () => void {
  if (!target?.addEventListener) return noop;
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}

// Read through `globalThis` at each use: `undefined` where the global does not exist (no `typeof`
// guard needed), and a global a test stubs later is still seen.
const g = globalThis as Partial<typeof globalThis>;

/** Visible page = focused; servers, workers and tests without a document count as focused. */
const documentFocus: CalTokenFocusSource = {
  isFocused: () => g.document?.visibilityState !== 'hidden',
  subscribe: (listener) =>
    listen(g.document, 'visibilitychange', () => listener(documentFocus.isFocused())),
};

/** `navigator.onLine` and the window's `online`/`offline`; always online without them. */
const windowOnline: CalTokenOnlineSource = {
  isOnline: () => g.navigator?.onLine !== false,
  subscribe(listener) {
    const off = [
      listen(g.window, 'online', () => listener(true)),
      listen(g.window, 'offline', () => listener(false)),
    ];
    return () => {
      for (const remove of off) remove();
    };
  },
};

/**
 * `handle` as a function that handles one event at a time: an event sent while one is handled (by
 * `handle` itself, or a host callback it calls) waits for its turn.
 */
function serial<E>(handle: (event: E) => void): (event: E) => void {
  const queue: E[] = [];
  let busy = false;
  return (event) => {
    queue.push(event);
    if (busy) return;
    busy = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) handle(next);
    } finally {
      busy = false;
    }
  };
}

/**
 * Creates the framework-free Cal.com token lifecycle: it fetches a token, refreshes it before it
 * expires (single-flight, with backoff, across tabs), and exposes an immutable state for
 * `useSyncExternalStore`. This is the runner of the pure state machine in `machine.ts`: it performs
 * the machine's effects and feeds what happens back as events. Creating it touches no browser API;
 * `start()` or `getToken()` does.
 */
export function createCalTokenManager(options: CalTokenManagerOptions): CalTokenManager {
  const { client, identity, refreshLeewaySeconds: leeway } = options;
  if (leeway !== undefined && !(Number.isFinite(leeway) && leeway >= 0)) {
    throw new TypeError('createCalTokenManager: refreshLeewaySeconds must be a finite number >= 0');
  }
  const now = options.now ?? Date.now;
  const monotonic = options.monotonicNow ?? (() => performance.now());
  const random = options.random ?? Math.random;
  const focus = options.focus ?? documentFocus;
  const online = options.online ?? windowOnline;
  // Sharing needs an identity: two signed-out or unknown users must never adopt each other's token.
  const name = identity && options.crossTab !== false ? crossTabName(client.baseUrl, identity) : '';
  const store = createStateStore();
  const waiters: [(token: CalToken) => void, (error: unknown) => void][] = [];
  let state = initialState(leeway);
  let request: AbortController | undefined;
  let lockWait: AbortController | undefined;
  let release: (() => void) | undefined;
  let channel: CalTokenChannel | null = null;
  let locks: CalTokenLocks | null = null;
  let unsubscribe: (() => void)[] = [];
  const [monotonicNow, arm, restartTimers] = tokenTimers(monotonic, () => send({ type: 'due' }));

  /** Feeds events to the machine one at a time (an effect or a host callback may send more). */
  const send = serial((event: MachineEvent) => {
    if (event.type === 'ok' || event.type === 'fail') restartTimers();
    const result = transition(state, { ...event, w: now(), m: monotonicNow(), r: random() });
    state = result.state;
    const { status, token, error, nextRefreshAt } = state;
    store.update({ status, token, error, nextRefreshAt });
    for (const effect of result.effects) perform(effect);
  });

  const onMessage = (event: { readonly data: unknown }) =>
    send({ type: 'message', data: event.data });

  function perform(effect: Effect): void {
    switch (effect.type) {
      case 'request': {
        restartTimers();
        const controller = new AbortController();
        request = controller;
        // (a client that throws synchronously is caught too)
        new Promise((resolve) =>
          resolve(client.refreshToken(options.tokenRequest ?? {}, { signal: controller.signal })),
        ).then(
          (body) => request === controller && send({ type: 'ok', body }),
          (error) =>
            request === controller && send({ type: 'fail', error: normalizeError(error, 'token') }),
        );
        break;
      }
      case 'lock':
        // A request left from an earlier wait (we adopted another tab's token meanwhile) is dropped.
        lockWait?.abort();
        // Held until `unlock`.
        lockWait = requestLock(
          locks,
          name,
          (contended) =>
            new Promise<void>((resolve) => {
              release = resolve;
              send({ type: 'locked', contended });
            }),
        );
        break;
      case 'unlock':
        release?.();
        release = undefined;
        break;
      case 'broadcast':
        try {
          channel?.postMessage(effect.message);
        } catch {
          // A closed channel: the other tabs refresh by themselves.
        }
        break;
      case 'resolve':
        for (const [resolve] of waiters.splice(0)) resolve(effect.token);
        break;
      case 'reject':
        for (const [, reject] of waiters.splice(0)) reject(effect.error);
        break;
      case 'refreshed':
        callSafely(options.onTokenRefreshed, effect.token);
        break;
      case 'error':
        callSafely(options.onError, effect.error);
        break;
      case 'authError':
        callSafely(options.onAuthError, effect.error);
        break;
      case 'arm':
        arm(effect);
        break;
      case 'stop':
        request?.abort();
        lockWait?.abort();
        release?.();
        request = lockWait = release = undefined;
        for (const off of unsubscribe.splice(0)) off();
        channel?.removeEventListener('message', onMessage);
        try {
          channel?.close();
        } catch {
          // already closed
        }
        store.close();
        break;
    }
  }

  function start(): void {
    if (state.phase !== 'off') return;
    if (name) {
      channel = (options.createChannel ?? openBroadcastChannel)(name);
      channel?.addEventListener('message', onMessage);
      locks = options.locks === undefined ? browserLocks() : options.locks;
    }
    unsubscribe = [
      focus.subscribe((value) => send({ type: 'focus', value })),
      online.subscribe((value) => send({ type: 'online', value })),
    ];
    send({
      type: 'start',
      focused: focus.isFocused(),
      online: online.isOnline(),
      locks: !!locks,
      chan: !!channel,
    });
  }

  function getToken(getOptions?: { forceRefresh?: boolean }): Promise<CalToken> {
    const promise = new Promise<CalToken>((resolve, reject) => {
      waiters.push([resolve, reject]);
    });
    start();
    send({ type: 'get', force: !!getOptions?.forceRefresh });
    return promise;
  }

  return {
    getState: store.get,
    subscribe: store.subscribe,
    getToken,
    getAccessToken: (getOptions) => getToken(getOptions).then((token) => token.accessToken),
    start,
    dispose: () => send({ type: 'dispose' }),
  };
}
