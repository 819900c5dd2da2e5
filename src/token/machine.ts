/**
 * The token lifecycle as a pure transition function: `transition(state, event) → { state, effects }`.
 * It reads no clock and touches no API; the runner (createCalTokenManager.ts) stamps every event with
 * the wall clock `w`, the monotonic clock `m` and a random number `r`, and performs the effects.
 *
 * Phases: off (not started) · idle · lock (waiting for the Web Lock) · query (lock held, asked the
 * other tabs for a newer token, waiting QUERY_WAIT_MS) · fetch (request in flight) · done (disposed).
 * Every event first drops a token that has expired on either clock, and ends by starting a request
 * when one is due and allowed ("act") and by computing the one next action at ("plan").
 *
 * | event \ phase      | off            | idle                          | lock              | query                    | fetch                      | done       |
 * |--------------------|----------------|-------------------------------|-------------------|--------------------------|----------------------------|------------|
 * | start              | → idle, due now unless fresh | –               | –                 | –                        | –                          | –          |
 * | due (timer, tick)  | –              | act                           | –                 | wait over → fetch        | –                          | –          |
 * | get                | (runner starts first) | fresh: resolve; unauthorized: reject; else wait, due now | join | join     | join                       | reject aborted |
 * | get forceRefresh   | (runner starts first) | wait, due now (gap still applies) | join    | join                     | join                       | reject aborted |
 * | locked             | –              | stale grant: unlock           | peers or contended: → query + broadcast query; else → fetch | unlock | unlock | –  |
 * | reply ok           | –              | –                             | –                 | –                        | → idle: ready, broadcast, unlock, resolve, refreshed | – |
 * | reply 5xx/network/timeout | –       | –                             | –                 | –                        | → idle: due after backoff; 5th failure (or waiting): error, reject, onError | – |
 * | reply 401/403      | –              | –                             | –                 | –                        | → idle: unauthorized, token dropped, reject, onAuthError once | – |
 * | reply 400/malformed| –              | –                             | –                 | –                        | → idle: error (token kept until expiry), reject, onError | – |
 * | focus / blur       | –              | store; act                    | store             | store                    | store                      | –          |
 * | online / offline   | –              | store; act (backoff respected)| store             | store                    | store                      | –          |
 * | message token      | –              | valid + newer: adopt, ready, resolve | adopt; fresh → idle | adopt; fresh → idle, unlock | adopt (refreshing) | – |
 * | message query      | –              | answer when fresh and newer   | answer            | answer                   | answer                     | –          |
 * | dispose            | → done, stop   | → done, reject, stop          | → done, reject, stop | → done, reject, stop  | → done, reject, stop       | –          |
 *
 * "contended": another tab held or awaited the lock when this tab asked for it (the runner asks the
 * lock manager with `ifAvailable` first), so that tab may have just refreshed and its token may still
 * be on its way. How long the grant took says nothing: a booting page's lock manager can be slow.
 *
 * "act": in idle, a request starts when `due` has come (either clock), the monotonic `floor` has
 * passed (backoff after a retryable failure, else MIN_GAP_MS after the last request; a waiting caller
 * waits at most MIN_GAP_MS after the last reply; never more than MAX_PER_MINUTE a minute), and the
 * page is focused and online or a caller waits.
 */
import { BookingsApiError, isRetryableKind } from '../client/errors.js';
import { nonEmpty } from '../client/validate.js';
import { backoffDelay, MAX_ATTEMPTS } from './backoff.js';
import { refreshMoment } from './schedule.js';
import { toCalToken } from './toCalToken.js';
import type { CalToken, CalTokenMessage, CalTokenState } from './types.js';

/** No two token requests closer than this (except quick retries), whatever `expires_in` says. */
export const MIN_GAP_MS = 5_000;
/** Hard cap on token requests in any minute. */
export const MAX_PER_MINUTE = 12;
/** How long a tab holding the lock waits for another tab's answer before requesting. */
export const QUERY_WAIT_MS = 200;
/** A cross-tab token may expire at most this far beyond the longest lifetime we received ourselves. */
const LIFETIME_MARGIN_MS = 60_000;
/** ...or this far ahead before we have received any token. */
const MAX_FOREIGN_LIFETIME_MS = 31 * 86_400_000;
/** How far in the future a cross-tab `issuedAt` may lie (tabs share one clock). */
const MAX_SKEW_MS = 5_000;
const MINUTE_MS = 60_000;

/** A moment on both clocks (`w` wall, `m` monotonic): it has come when either says so. */
export interface Deadline {
  readonly w: number;
  readonly m: number;
}

export type Phase = 'off' | 'idle' | 'lock' | 'query' | 'fetch' | 'done';

export interface MachineState extends CalTokenState {
  readonly phase: Phase;
  /** The held token's expiry and refresh moment (fresh before it); wall ms when its request started. */
  readonly exp: Deadline | null;
  readonly ref: Deadline | null;
  readonly iss: number;
  /** When the next request is wanted (in `query`: when the wait ends). */
  readonly due: Deadline | null;
  /** The one next action at: what the runner's timer waits for. */
  readonly next: Deadline | null;
  /** Monotonic: no automatic request before this. */
  readonly floor: number;
  /** Monotonic: when the last reply came. */
  readonly end: number;
  /** Monotonic starts of the last requests (at most MAX_PER_MINUTE). */
  readonly starts: readonly number[];
  /** When the request in flight (or the wait for the lock) started. */
  readonly at: Deadline;
  readonly failures: number;
  /** A `getToken` caller waits. */
  readonly waiting: boolean;
  readonly focused: boolean;
  readonly online: boolean;
  readonly locks: boolean;
  readonly chan: boolean;
  /** Another tab has spoken on the channel: worth asking it before requesting. */
  readonly peers: boolean;
  /** onAuthError was called since the last token. */
  readonly reported: boolean;
  /** The longest lifetime (ms) of a token we requested ourselves; 0 before the first. */
  readonly maxLife: number;
  readonly leeway: number | undefined;
}

export type MachineEvent =
  | { type: 'start'; focused: boolean; online: boolean; locks: boolean; chan: boolean }
  | { type: 'due' }
  | { type: 'get'; force: boolean }
  /** The Web Lock is ours; `contended` when another tab held or awaited it when we asked. */
  | { type: 'locked'; contended: boolean }
  | { type: 'ok'; body: unknown }
  | { type: 'fail'; error: BookingsApiError }
  | { type: 'focus'; value: boolean }
  | { type: 'online'; value: boolean }
  | { type: 'message'; data: unknown }
  | { type: 'dispose' };

/** What the runner adds to every event: wall and monotonic time, and a random number in [0, 1). */
export type Stamped = MachineEvent & { w: number; m: number; r: number };

export type Effect =
  | { type: 'request' }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'broadcast'; message: CalTokenMessage }
  | { type: 'resolve'; token: CalToken }
  | { type: 'reject'; error: BookingsApiError }
  | { type: 'refreshed'; token: CalToken }
  | { type: 'error'; error: BookingsApiError }
  | { type: 'authError'; error: BookingsApiError }
  | { type: 'arm'; at: Deadline | null; ms: number; tick: boolean }
  | { type: 'stop' };

export function initialState(leeway?: number): MachineState {
  return {
    status: 'idle',
    token: null,
    error: null,
    nextRefreshAt: null,
    phase: 'off',
    exp: null,
    ref: null,
    iss: 0,
    due: null,
    next: null,
    floor: -Infinity,
    end: -Infinity,
    starts: [],
    at: { w: 0, m: 0 },
    failures: 0,
    waiting: false,
    focused: true,
    online: true,
    locks: false,
    chan: false,
    peers: false,
    reported: false,
    maxLife: 0,
    leeway,
  };
}

/** Milliseconds until `d` comes (≤ 0 when it has), by whichever clock gets there first. */
export const until = (d: Deadline, e: Deadline): number => Math.min(d.w - e.w, d.m - e.m);
const after = (e: Deadline, ms: number): Deadline => ({ w: e.w + ms, m: e.m + ms });
/** A wall moment as a deadline, its monotonic twin counted from now. */
const wallAt = (w: number, e: Deadline): Deadline => ({ w, m: e.m + w - e.w });
const earlier = (a: Deadline | null, b: Deadline | null, e: Deadline) =>
  !a || (b && until(b, e) < until(a, e)) ? b : a;

const aborted = () => new BookingsApiError({ kind: 'aborted', endpoint: 'token' });

type Draft = { -readonly [K in keyof MachineState]: MachineState[K] };

export function transition(
  state: MachineState,
  e: Stamped,
): { state: MachineState; effects: Effect[] } {
  const fx: Effect[] = [];
  if (state.phase === 'done') {
    if (e.type === 'get') fx.push({ type: 'reject', error: aborted() });
    return { state, effects: fx };
  }
  const s: Draft = { ...state };
  /** This moment as a deadline (deadlines are never mutated, so one object serves every field). */
  const now: Deadline = { w: e.w, m: e.m };
  // `ref` and `exp` are set and cleared with `token`.
  const fresh = () => !!s.ref && until(s.ref, e) > 0;
  const drop = () => Object.assign(s, { token: null, exp: null, ref: null });
  /** Monotonic moment from which a request may start. */
  const floor = () =>
    Math.max(
      s.waiting ? Math.min(s.floor, s.end + MIN_GAP_MS) : s.floor,
      s.starts.length >= MAX_PER_MINUTE ? s.starts[0]! + MINUTE_MS : -Infinity,
    );
  const settle = (token: CalToken, issuedAt: number, exp: Deadline) => {
    const w = refreshMoment(issuedAt, token.expiresAt, e.w, s.leeway, e.r);
    // Its monotonic twin comes no later than the expiry's: a wall clock set back while the request
    // ran would otherwise put the refresh off by as much, past the expiry.
    const ref = { w, m: Math.min(e.m + w - e.w, exp.m - (exp.w - w)) };
    Object.assign(s, { token, iss: issuedAt, exp, ref, failures: 0, reported: false });
    // A token too close to its expiry is kept, but the refresh still goes ahead.
    if (until(ref, e) <= 0) return;
    if (s.phase === 'fetch') s.status = 'refreshing';
    else {
      if (s.phase === 'query') fx.push({ type: 'unlock' });
      Object.assign(s, { phase: 'idle', status: 'ready', error: null, due: ref });
    }
    s.waiting = false;
    fx.push({ type: 'resolve', token });
  };
  const fail = (error: BookingsApiError) => {
    Object.assign(s, { phase: 'idle', end: e.m });
    if (s.locks) fx.push({ type: 'unlock' });
    s.floor = e.m + MIN_GAP_MS;
    if (isRetryableKind(error.kind)) {
      s.failures += 1;
      const delay = backoffDelay(s.failures) * (1 + e.r);
      s.floor = e.m + delay;
      s.due = after(e, delay);
      // Callers wait out the quick retries; the background goes on retrying after that.
      if (s.failures < MAX_ATTEMPTS || (s.failures > MAX_ATTEMPTS && !s.waiting)) return;
    } else Object.assign(s, { due: null, failures: 0 });
    const unauthorized = error.kind === 'unauthorized';
    Object.assign(s, { status: unauthorized ? 'unauthorized' : 'error', error, waiting: false });
    fx.push({ type: 'reject', error });
    if (!unauthorized) fx.push({ type: 'error', error });
    else {
      drop();
      if (!s.reported) fx.push({ type: 'authError', error });
      s.reported = true;
    }
  };
  const fetch = () => {
    Object.assign(s, { phase: 'fetch', at: now, due: null });
    s.starts = [...s.starts, e.m].slice(-MAX_PER_MINUTE);
    fx.push({ type: 'request' });
  };
  const query = () => {
    Object.assign(s, { phase: 'query', due: after(e, QUERY_WAIT_MS) });
    fx.push({ type: 'broadcast', message: { type: 'query', have: s.token?.expiresAt ?? 0 } });
  };

  // A token that has expired by either clock is no token.
  if (s.exp && until(s.exp, e) <= 0) {
    drop();
    if (s.status === 'ready' || s.status === 'refreshing') s.status = 'loading';
  }

  switch (e.type) {
    case 'start':
      if (s.phase !== 'off') break;
      Object.assign(s, {
        phase: 'idle',
        focused: e.focused,
        online: e.online,
        locks: e.locks,
        chan: e.chan,
        due: now,
      });
      break;
    case 'get':
      if (!s.waiting && !e.force && fresh()) fx.push({ type: 'resolve', token: s.token! });
      else if (!s.waiting && !e.force && s.status === 'unauthorized' && s.phase === 'idle') {
        fx.push({ type: 'reject', error: s.error! });
      } else {
        s.waiting = true;
        if (s.phase === 'idle') s.due = now;
      }
      break;
    case 'locked':
      if (s.phase !== 'lock') fx.push({ type: 'unlock' });
      // Another tab held the lock (or we have heard from one): its token may be on its way.
      else if (s.chan && (s.peers || e.contended)) query();
      else fetch();
      break;
    case 'ok': {
      if (s.phase !== 'fetch') break;
      let token: CalToken;
      try {
        token = toCalToken(e.body, s.at.w);
      } catch (error) {
        fail(error as BookingsApiError);
        break;
      }
      const life = token.expiresAt - s.at.w;
      const exp = { w: token.expiresAt, m: s.at.m + life };
      // A token that expired while its request ran is treated as a time-out (retried with backoff).
      if (until(exp, e) <= 0) {
        fail(new BookingsApiError({ kind: 'timeout', endpoint: 'token' }));
        break;
      }
      Object.assign(s, { phase: 'idle', end: e.m });
      s.maxLife = Math.max(s.maxLife, life);
      s.floor = s.at.m + MIN_GAP_MS;
      settle(token, s.at.w, exp);
      if (s.chan) {
        fx.push({ type: 'broadcast', message: { type: 'token', token, issuedAt: s.at.w } });
      }
      if (s.locks) fx.push({ type: 'unlock' });
      fx.push({ type: 'refreshed', token });
      break;
    }
    case 'fail':
      if (s.phase === 'fetch') fail(e.error);
      break;
    case 'focus':
      s.focused = e.value;
      break;
    case 'online':
      s.online = e.value;
      break;
    case 'message': {
      const data = (e.data ?? {}) as Partial<Record<string, unknown>>;
      if (data.type === 'query' && Number.isFinite(data.have)) {
        s.peers = true;
        if (fresh() && s.token!.expiresAt > (data.have as number)) {
          fx.push({
            type: 'broadcast',
            message: { type: 'token', token: s.token!, issuedAt: s.iss },
          });
        }
      }
      const token = foreignToken(data, s, e.w);
      if (token) {
        s.peers = true;
        if (!s.token || token.expiresAt > s.token.expiresAt) {
          settle(token, data.issuedAt as number, wallAt(token.expiresAt, e));
        }
      }
      break;
    }
    case 'dispose':
      if (s.phase !== 'off') fx.push({ type: 'reject', error: aborted() });
      // The token is dropped too: a disposed manager (a previous user's) must not hold it in memory.
      drop();
      Object.assign(s, { phase: 'done', due: null, next: null, waiting: false });
      fx.push({ type: 'stop' }, { type: 'arm', at: null, ms: 0, tick: false });
      return { state: s, effects: fx };
  }

  // act: start a request when one is due and allowed.
  if (s.phase === 'query' && s.due && until(s.due, e) <= 0) fetch();
  // The request's start: when it is due, or when the floor allows it if that is later.
  const gate: Deadline = { w: Infinity, m: floor() };
  const start =
    s.phase === 'idle' && s.due ? (until(s.due, e) < until(gate, e) ? gate : s.due) : null;
  if (start && until(start, e) <= 0 && (s.waiting || (s.focused && s.online))) {
    // Background retries after the quick ones keep the error state on screen.
    if (s.waiting || s.status !== 'error') {
      Object.assign(s, { status: s.token ? 'refreshing' : 'loading', error: null });
    }
    if (s.locks) {
      Object.assign(s, { phase: 'lock', at: now });
      fx.push({ type: 'lock' });
    } else if (s.chan && s.peers) query();
    else fetch();
  }

  // plan: the one next action at — the held token's expiry, the end of a query, or the next request
  // (unless it is only held back by focus or network, whose events will wake us).
  const pending = s.phase === 'query' ? s.due : s.phase === 'idle' ? start : null;
  s.next = earlier(s.exp, pending && until(pending, e) > 0 ? pending : null, e);
  s.nextRefreshAt = s.phase === 'idle' && start ? Math.min(start.w, e.w + start.m - e.m) : null;
  const ms = s.next ? Math.max(0, until(s.next, e)) : 0;
  fx.push({ type: 'arm', at: s.next, ms, tick: s.focused && !!s.next });
  return { state: s, effects: fx };
}

/**
 * Another tab's token, rebuilt from checked fields, or `null`: well formed, issued neither in the
 * future nor after it expires, not expired, and expiring no further ahead than we would believe.
 */
function foreignToken(
  data: Partial<Record<string, unknown>>,
  s: MachineState,
  now: number,
): CalToken | null {
  const t = (data.token ?? {}) as Partial<Record<keyof CalToken, unknown>>;
  const { issuedAt } = data;
  const expiresAt = t.expiresAt as number;
  const limit = (s.maxLife || MAX_FOREIGN_LIFETIME_MS) + LIFETIME_MARGIN_MS;
  return data.type === 'token' &&
    nonEmpty(t.accessToken) &&
    typeof t.tokenType === 'string' &&
    typeof t.calClientId === 'string' &&
    typeof t.refreshed === 'boolean' &&
    (t.integrationStatus === 'created' || t.integrationStatus === 'existing') &&
    Number.isFinite(expiresAt) &&
    Number.isFinite(issuedAt) &&
    (issuedAt as number) <= now + MAX_SKEW_MS &&
    (issuedAt as number) < expiresAt &&
    expiresAt > now &&
    expiresAt - now <= limit
    ? Object.freeze({
        accessToken: t.accessToken as string,
        tokenType: t.tokenType,
        expiresAt,
        calClientId: t.calClientId,
        integrationStatus: t.integrationStatus,
        refreshed: t.refreshed,
      })
    : null;
}
