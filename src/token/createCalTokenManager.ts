import { BookingsApiError, isRetryableKind, normalizeError } from '../client/errors.js';
import { backoffDelay, MAX_ATTEMPTS } from './backoff.js';
import { crossTabName } from './crossTab.js';
import { MAX_TIMER_DELAY_MS, refreshMoment, TICK_INTERVAL_MS } from './schedule.js';
import { createStateStore, rethrowLater } from './store.js';
import { toCalToken } from './toCalToken.js';
import type {
  CalToken,
  CalTokenChannel,
  CalTokenLocks,
  CalTokenManager,
  CalTokenManagerOptions,
  CalTokenMessage,
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

function abortedError(): BookingsApiError {
  return new BookingsApiError({ kind: 'aborted', endpoint: 'token' });
}

/** True unless a document says the page is hidden (servers, workers and tests without one count as visible). */
function isPageVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/** `new BroadcastChannel(name)` where it exists (and works), else `null`. */
function openBroadcastChannel(name: string): CalTokenChannel | null {
  try {
    return new BroadcastChannel(name);
  } catch {
    return null;
  }
}

/** `navigator.locks` where the Web Locks API exists, else `null`. */
function browserLocks(): CalTokenLocks | null {
  const locks = (globalThis.navigator as { locks?: CalTokenLocks } | undefined)?.locks;
  return typeof locks?.request === 'function' ? locks : null;
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
  const tokenRequest = options.tokenRequest ?? {};
  const lockName = crossTabName(client.baseUrl, options.identity ?? 'anonymous');
  const store = createStateStore();
  const { get, update } = store;

  let started = false;
  let disposed = false;
  let cycle: Cycle | null = null;
  /** When the next try (scheduled refresh or retry) is due; `null` when none is. */
  let dueAt: number | null = null;
  /**
   * The moment the current token stops being fresh (its scheduled refresh); `null` whenever there is
   * no token, so a non-null value implies a token.
   */
  let tokenRefreshAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let tick: ReturnType<typeof setInterval> | undefined;
  let channel: CalTokenChannel | null = null;
  let locks: CalTokenLocks | null = null;
  let authErrorReported = false;

  function callHost<T>(callback: ((value: T) => void) | undefined, value: T): void {
    if (disposed) return;
    try {
      callback?.(value);
    } catch (error) {
      // The host's bug surfaces as its own uncaught error; our state machine carries on.
      rethrowLater(error);
    }
  }

  const isFresh = (): boolean => tokenRefreshAt !== null && now() < tokenRefreshAt;

  const canRequest = (): boolean => isPageVisible() || !!cycle?.explicit;

  /** When to refresh a token obtained now (jittered; see `computeRefreshAt`). */
  const nextRefresh = (issuedAt: number, expiresAt: number, receivedAt: number): number =>
    refreshMoment(issuedAt, expiresAt, receivedAt, options.refreshLeewaySeconds, random());

  // --- timers -----------------------------------------------------------------------------------

  /**
   * Arms the timeout for `dueAt`, and runs the short tick only while something is due and the page is
   * visible. Long delays are clamped; `check` re-arms when the clamped timeout fires early.
   */
  function syncTimers(): void {
    clearTimeout(timer);
    timer = undefined;
    if (disposed || dueAt === null) {
      clearInterval(tick);
      tick = undefined;
      return;
    }
    timer = setTimeout(
      () => {
        timer = undefined;
        check();
      },
      Math.min(Math.max(dueAt - now(), 0), MAX_TIMER_DELAY_MS),
    );
    if (!isPageVisible()) {
      clearInterval(tick);
      tick = undefined;
    } else tick ??= setInterval(check, TICK_INTERVAL_MS);
  }

  /** Sets the due moment (and any other state change, in one notification) and arms the timers. */
  function setDue(at: number | null, patch: Partial<ReturnType<typeof get>> = {}): void {
    dueAt = at;
    update({ ...patch, nextRefreshAt: at });
    syncTimers();
  }

  /** Compares the clock with the due moment and runs the try when it has come (and may run). */
  function check(): void {
    if (disposed || dueAt === null || cycle?.controller) return;
    if (now() < dueAt) {
      if (timer === undefined) syncTimers();
    } else if (canRequest()) {
      // (hidden: `visibilitychange` picks it up)
      if (cycle) void attempt(cycle);
      else startCycle(false);
    }
  }

  // --- requests ---------------------------------------------------------------------------------

  function startCycle(explicit: boolean): Cycle {
    let resolve!: (token: CalToken) => void;
    let reject!: (error: BookingsApiError) => void;
    const promise = new Promise<CalToken>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A cycle nobody awaits (a scheduled refresh) must not report an unhandled rejection.
    promise.catch(() => {});
    const next: Cycle = { promise, resolve, reject, attempts: 0, explicit, controller: null };
    cycle = next;
    if (canRequest()) void attempt(next);
    else setDue(now());
    return next;
  }

  async function attempt(current: Cycle): Promise<void> {
    current.attempts += 1;
    const controller = new AbortController();
    const { signal } = controller;
    current.controller = controller;
    dueAt = null;
    syncTimers();
    const tokenBefore = get().token;
    update({ status: tokenBefore ? 'refreshing' : 'loading', error: null, nextRefreshAt: null });
    /** Set when this try obtained the token itself (not adopted from another tab). */
    let refreshAt: number | undefined;
    let token: CalToken | undefined;
    let failure: unknown;
    const run = async (): Promise<CalToken> => {
      // Aborted only by dispose, which rejects the callers itself: what this throws goes nowhere.
      signal.throwIfAborted();
      // Another tab may have refreshed while we waited for the lock: use its token.
      const latest = get().token;
      if (latest && latest !== tokenBefore && isFresh()) return latest;
      const issuedAt = now();
      const response = await client.refreshToken(tokenRequest, { signal });
      signal.throwIfAborted();
      const fresh = toCalToken(response, issuedAt);
      refreshAt = nextRefresh(issuedAt, fresh.expiresAt, now());
      // Before the lock is released, so waiting tabs see it.
      if (channel && !disposed) {
        try {
          channel.postMessage({ type: 'token', token: fresh, issuedAt } satisfies CalTokenMessage);
        } catch {
          // Another tab will refresh by itself; nothing to report.
        }
      }
      return fresh;
    };
    try {
      token = await (locks ? locks.request(lockName, { signal }, run) : run());
    } catch (error) {
      failure = error;
    }
    if (disposed || cycle !== current) return;
    current.controller = null;

    if (token) {
      if (refreshAt !== undefined) tokenRefreshAt = refreshAt;
      settle(token);
      if (refreshAt !== undefined) callHost(options.onTokenRefreshed, token);
      return;
    }

    const error = normalizeError(failure, 'token');
    if (isRetryableKind(error.kind) && current.attempts < MAX_ATTEMPTS) {
      setDue(now() + backoffDelay(current.attempts));
      return;
    }
    cycle = null;
    const unauthorized = error.kind === 'unauthorized';
    // A failed refresh keeps a token that has not expired yet; 401/403 drops it.
    const held = get().token;
    const kept = !unauthorized && held && now() < held.expiresAt ? held : null;
    if (!kept) tokenRefreshAt = null;
    update({ status: unauthorized ? 'unauthorized' : 'error', token: kept, error });
    current.reject(error);
    if (!unauthorized) callHost(options.onError, error);
    else if (!authErrorReported) {
      authErrorReported = true;
      callHost(options.onAuthError, error);
    }
  }

  // --- triggers ---------------------------------------------------------------------------------

  /** Visible again, back online: refresh at once if due, or restart after exhausted retries. */
  function wake(): void {
    if (disposed || !started) return;
    const { status, error } = get();
    if (!cycle && status === 'error' && error && isRetryableKind(error.kind)) startCycle(false);
    else check();
  }

  function onVisibilityChange(): void {
    syncTimers();
    if (isPageVisible()) wake();
  }

  function onOnline(): void {
    // Waiting out a backoff after a network failure: the network is back, so try now.
    if (!disposed && cycle && !cycle.controller && dueAt !== null) setDue(now());
    wake();
  }

  /** A token is here (ours or another tab's): ready, refresh scheduled, waiting callers served. */
  function settle(token: CalToken): void {
    const waiting = cycle;
    cycle = null;
    authErrorReported = false;
    setDue(tokenRefreshAt, { status: 'ready', token, error: null });
    waiting?.resolve(token);
  }

  /**
   * A token from another tab: adopted when it is well formed and outlives ours. The token is the
   * message's own structured clone, frozen.
   */
  function onMessage(event: { readonly data: unknown }): void {
    const { type, token, issuedAt } = (event.data ?? {}) as Partial<CalTokenMessage>;
    const t = (token ?? {}) as Partial<Record<keyof CalToken, unknown>>;
    const at = now();
    const current = get().token;
    if (
      disposed ||
      type !== 'token' ||
      typeof t.accessToken !== 'string' ||
      t.accessToken === '' ||
      typeof t.tokenType !== 'string' ||
      typeof t.calClientId !== 'string' ||
      typeof t.refreshed !== 'boolean' ||
      !['created', 'existing'].includes(t.integrationStatus as string) ||
      !Number.isFinite(t.expiresAt) ||
      (t.expiresAt as number) <= at ||
      (current && (t.expiresAt as number) <= current.expiresAt)
    ) {
      return;
    }
    const adopted = Object.freeze(token as CalToken);
    tokenRefreshAt = nextRefresh(
      Number.isFinite(issuedAt) ? Math.min(issuedAt as number, adopted.expiresAt) : at,
      adopted.expiresAt,
      at,
    );
    if (cycle?.controller) {
      // A try is running (or waiting for the lock): it sees this token when it gets the lock.
      authErrorReported = false;
      update({ status: 'refreshing', token: adopted, error: null });
    } else settle(adopted);
  }

  /** Adds (or removes) the wake listeners: `visibilitychange` on the document, `online` on the window. */
  function listen(method: 'addEventListener' | 'removeEventListener'): void {
    if (typeof document !== 'undefined') document[method]('visibilitychange', onVisibilityChange);
    if (typeof window !== 'undefined') window[method]('online', onOnline);
  }

  // --- public API -------------------------------------------------------------------------------

  function start(): void {
    if (started || disposed) return;
    started = true;
    listen('addEventListener');
    if (options.crossTab !== false) {
      channel = (options.createChannel ?? openBroadcastChannel)(lockName);
      channel?.addEventListener('message', onMessage);
      locks = options.locks === undefined ? browserLocks() : options.locks;
    }
    if (!cycle && !isFresh()) startCycle(false);
  }

  function getToken({ forceRefresh }: GetAccessTokenOptions = {}): Promise<CalToken> {
    if (disposed) return Promise.reject(abortedError());
    start();
    if (cycle) {
      if (!cycle.explicit) {
        cycle.explicit = true;
        check(); // a try deferred while hidden runs now that someone waits for it
      }
      return cycle.promise;
    }
    const { status, token, error } = get();
    if (!forceRefresh) {
      if (token && isFresh()) return Promise.resolve(token);
      // (an `unauthorized` state always carries its error)
      if (status === 'unauthorized') return Promise.reject(error);
    }
    return startCycle(true).promise;
  }

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    dueAt = null;
    syncTimers();
    if (started) listen('removeEventListener');
    channel?.removeEventListener('message', onMessage);
    try {
      channel?.close();
    } catch {
      // already closed
    }
    store.close();
    const pending = cycle;
    cycle = null;
    pending?.controller?.abort();
    pending?.reject(abortedError());
  }

  return {
    getState: get,
    subscribe: store.subscribe,
    getToken,
    getAccessToken: (getOptions) => getToken(getOptions).then((token) => token.accessToken),
    start,
    dispose,
  };
}
