import { BookingsApiError, normalizeError } from '../client/errors.js';
import { backoffDelay, isRetryableKind, MAX_ATTEMPTS } from './backoff.js';
import {
  createTokenMessage,
  crossTabName,
  openBroadcastChannel,
  parseTokenMessage,
} from './crossTab.js';
import { isPageVisible, listenForWake } from './environment.js';
import { browserLocks } from './locks.js';
import {
  computeRefreshAt,
  sanitizeLeewaySeconds,
  TICK_INTERVAL_MS,
  timerDelay,
} from './schedule.js';
import { createStateStore } from './store.js';
import { toCalToken } from './toCalToken.js';
import type {
  CalToken,
  CalTokenChannel,
  CalTokenLocks,
  CalTokenManager,
  CalTokenManagerOptions,
  CalTokenState,
  GetAccessTokenOptions,
} from './types.js';

/**
 * One refresh cycle: up to `MAX_ATTEMPTS` tries (with backoff between them) that every caller shares.
 * `controller` is set while a try runs (waiting for the cross-tab lock included).
 */
interface Cycle {
  readonly promise: Promise<CalToken>;
  readonly resolve: (token: CalToken) => void;
  readonly reject: (error: BookingsApiError) => void;
  attempts: number;
  /** A `getToken` caller waits for it, so it may run while the page is hidden. */
  explicit: boolean;
  controller: AbortController | null;
}

type AttemptOutcome =
  | { readonly adopted: true; readonly token: CalToken }
  | {
      readonly adopted: false;
      readonly token: CalToken;
      readonly issuedAt: number;
      readonly receivedAt: number;
    };

function createCycle(explicit: boolean): Cycle {
  let resolve!: (token: CalToken) => void;
  let reject!: (error: BookingsApiError) => void;
  const promise = new Promise<CalToken>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A cycle nobody awaits (a scheduled refresh) must not report an unhandled rejection.
  promise.catch(() => {});
  return { promise, resolve, reject, attempts: 0, explicit, controller: null };
}

function abortedError(): BookingsApiError {
  return new BookingsApiError({ kind: 'aborted', endpoint: 'token' });
}

/**
 * Creates the framework-free Cal.com token lifecycle: it fetches a token, refreshes it before it
 * expires (single-flight, with backoff, across tabs), and exposes an immutable state for
 * `useSyncExternalStore`. Creating it touches no browser API; `start()` or `getToken()` does.
 */
export function createCalTokenManager(options: CalTokenManagerOptions): CalTokenManager {
  const { client } = options;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? (() => Math.random());
  const leewaySeconds = sanitizeLeewaySeconds(options.refreshLeewaySeconds);
  const tokenRequest = options.tokenRequest ?? {};
  const lockName = crossTabName(client.baseUrl, options.identity ?? 'anonymous');
  const store = createStateStore();

  let started = false;
  let disposed = false;
  let cycle: Cycle | null = null;
  /** When the next try (scheduled refresh or retry) is due; `null` when none is. */
  let dueAt: number | null = null;
  /** The moment the current token stops being fresh (its scheduled refresh). */
  let tokenRefreshAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let tick: ReturnType<typeof setInterval> | null = null;
  let removeWakeListeners: (() => void) | null = null;
  let channel: CalTokenChannel | null = null;
  let locks: CalTokenLocks | null = null;
  let authErrorReported = false;

  function callHost<T>(callback: ((value: T) => void) | undefined, value: T): void {
    if (!callback || disposed) return;
    try {
      callback(value);
    } catch (error) {
      // The host's bug surfaces as its own uncaught error; our state machine carries on.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  function isFresh(): boolean {
    return store.get().token !== null && tokenRefreshAt !== null && now() < tokenRefreshAt;
  }

  function canRequest(): boolean {
    return isPageVisible() || (cycle?.explicit ?? false);
  }

  // --- timers -----------------------------------------------------------------------------------

  function clearTimer(): void {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  }

  function armTimer(): void {
    clearTimer();
    if (disposed || dueAt === null) return;
    timer = setTimeout(
      () => {
        timer = null;
        check();
      },
      timerDelay(dueAt, now()),
    );
  }

  /** The short tick runs only while something is due and the page is visible. */
  function syncTick(): void {
    const wanted = !disposed && dueAt !== null && isPageVisible();
    if (wanted && tick === null) {
      tick = setInterval(check, TICK_INTERVAL_MS);
    } else if (!wanted && tick !== null) {
      clearInterval(tick);
      tick = null;
    }
  }

  /** Sets the due moment (and any other state change, in one notification) and arms the timers. */
  function setDue(at: number | null, patch: Partial<CalTokenState> = {}): void {
    dueAt = at;
    store.update({ ...patch, nextRefreshAt: at });
    armTimer();
    syncTick();
  }

  /** Compares the clock with the due moment and runs the try when it has come (and may run). */
  function check(): void {
    if (disposed || dueAt === null || cycle?.controller) return;
    if (now() < dueAt) {
      if (timer === null) armTimer();
      return;
    }
    if (!canRequest()) return; // hidden: `visibilitychange` picks it up
    if (cycle) {
      void attempt(cycle);
    } else {
      startCycle(false);
    }
  }

  // --- requests ---------------------------------------------------------------------------------

  function startCycle(explicit: boolean): Cycle {
    const next = createCycle(explicit);
    cycle = next;
    if (canRequest()) {
      void attempt(next);
    } else {
      setDue(now());
    }
    return next;
  }

  function exclusive<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
    return locks ? locks.request(lockName, { signal }, run) : run();
  }

  function broadcast(token: CalToken, issuedAt: number): void {
    if (!channel || disposed) return;
    try {
      channel.postMessage(createTokenMessage(token, issuedAt));
    } catch {
      // Another tab will refresh by itself; nothing to report.
    }
  }

  async function attempt(current: Cycle): Promise<void> {
    current.attempts += 1;
    const controller = new AbortController();
    current.controller = controller;
    dueAt = null;
    clearTimer();
    syncTick();
    const tokenBefore = store.get().token;
    store.update({
      status: tokenBefore ? 'refreshing' : 'loading',
      error: null,
      nextRefreshAt: null,
    });
    try {
      const outcome = await exclusive<AttemptOutcome>(controller.signal, async () => {
        if (controller.signal.aborted) throw abortedError();
        // Another tab may have refreshed while we waited for the lock: use its token.
        const latest = store.get().token;
        if (latest !== null && latest !== tokenBefore && isFresh()) {
          return { adopted: true, token: latest };
        }
        const issuedAt = now();
        const response = await client.refreshToken(tokenRequest, { signal: controller.signal });
        if (controller.signal.aborted) throw abortedError();
        const token = toCalToken(response, issuedAt);
        broadcast(token, issuedAt); // before the lock is released, so waiting tabs see it
        return { adopted: false, token, issuedAt, receivedAt: now() };
      });
      if (disposed || cycle !== current) return;
      succeed(current, outcome);
    } catch (error) {
      if (disposed || cycle !== current) return;
      fail(current, normalizeError(error, 'token'));
    }
  }

  function succeed(current: Cycle, outcome: AttemptOutcome): void {
    current.controller = null;
    cycle = null;
    authErrorReported = false;
    const { token } = outcome;
    if (!outcome.adopted) {
      tokenRefreshAt = computeRefreshAt({
        issuedAt: outcome.issuedAt,
        expiresAt: token.expiresAt,
        receivedAt: outcome.receivedAt,
        leewaySeconds,
        random: random(),
      });
    }
    setDue(tokenRefreshAt, { status: 'ready', token, error: null });
    current.resolve(token);
    if (!outcome.adopted) callHost(options.onTokenRefreshed, token);
  }

  function fail(current: Cycle, error: BookingsApiError): void {
    current.controller = null;
    if (isRetryableKind(error.kind) && current.attempts < MAX_ATTEMPTS) {
      setDue(now() + backoffDelay(current.attempts));
      return;
    }
    cycle = null;
    if (error.kind === 'unauthorized') {
      tokenRefreshAt = null;
      store.update({ status: 'unauthorized', token: null, error });
      current.reject(error);
      if (!authErrorReported) {
        authErrorReported = true;
        callHost(options.onAuthError, error);
      }
      return;
    }
    const token = store.get().token;
    const kept = token !== null && now() < token.expiresAt ? token : null;
    if (kept === null) tokenRefreshAt = null;
    store.update({ status: 'error', token: kept, error });
    current.reject(error);
    callHost(options.onError, error);
  }

  // --- triggers ---------------------------------------------------------------------------------

  /** Visible again, back online: refresh at once if due, or restart after exhausted retries. */
  function wake(): void {
    if (disposed || !started) return;
    if (cycle) {
      check();
      return;
    }
    const { status, error } = store.get();
    if (status === 'error' && error !== null && isRetryableKind(error.kind)) {
      startCycle(false);
      return;
    }
    check();
  }

  function onVisibilityChange(): void {
    if (disposed) return;
    syncTick();
    if (isPageVisible()) wake();
  }

  function onOnline(): void {
    if (disposed) return;
    // Waiting out a backoff after a network failure: the network is back, so try now.
    if (cycle && cycle.controller === null && dueAt !== null) setDue(now());
    wake();
  }

  function onMessage(event: { readonly data: unknown }): void {
    if (disposed) return;
    const message = parseTokenMessage(event.data);
    if (!message) return;
    const { token } = message;
    const at = now();
    const current = store.get().token;
    if (token.expiresAt <= at || (current !== null && token.expiresAt <= current.expiresAt)) return;
    tokenRefreshAt = computeRefreshAt({
      issuedAt: Number.isNaN(message.issuedAt) ? at : message.issuedAt,
      expiresAt: token.expiresAt,
      receivedAt: at,
      leewaySeconds,
      random: random(),
    });
    authErrorReported = false;
    if (cycle?.controller) {
      // A try is running (or waiting for the lock): it sees this token when it gets the lock.
      store.update({ status: 'refreshing', token, error: null });
      return;
    }
    const waiting = cycle;
    cycle = null;
    setDue(tokenRefreshAt, { status: 'ready', token, error: null });
    waiting?.resolve(token);
  }

  // --- public API -------------------------------------------------------------------------------

  function start(): void {
    if (started || disposed) return;
    started = true;
    removeWakeListeners = listenForWake(onVisibilityChange, onOnline);
    if (options.crossTab !== false) {
      channel = (options.createChannel ?? openBroadcastChannel)(lockName);
      channel?.addEventListener('message', onMessage);
      locks = options.locks === undefined ? browserLocks() : options.locks;
    }
    if (!cycle && !isFresh()) startCycle(false);
  }

  function getToken(getOptions: GetAccessTokenOptions = {}): Promise<CalToken> {
    if (disposed) return Promise.reject(abortedError());
    start();
    if (cycle) {
      if (!cycle.explicit) {
        cycle.explicit = true;
        check(); // a try deferred while hidden runs now that someone waits for it
      }
      return cycle.promise;
    }
    const { status, token, error } = store.get();
    if (!getOptions.forceRefresh && token !== null && isFresh()) return Promise.resolve(token);
    if (status === 'unauthorized' && error !== null && !getOptions.forceRefresh) {
      return Promise.reject(error);
    }
    return startCycle(true).promise;
  }

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    dueAt = null;
    clearTimer();
    syncTick();
    removeWakeListeners?.();
    removeWakeListeners = null;
    if (channel) {
      channel.removeEventListener('message', onMessage);
      try {
        channel.close();
      } catch {
        // already closed
      }
      channel = null;
    }
    store.close();
    const pending = cycle;
    cycle = null;
    pending?.controller?.abort();
    pending?.reject(abortedError());
  }

  return {
    getState: store.get,
    subscribe: store.subscribe,
    getToken,
    getAccessToken: (getOptions) => getToken(getOptions).then((token) => token.accessToken),
    start,
    dispose,
  };
}
