/**
 * The token lifecycle as a pure transition function: `transition(state, event) → { state, effects }`.
 * It reads no clock and touches no API; the runner (createCalTokenManager.ts) stamps every event with
 * the wall clock `w`, the monotonic clock `m` and a random number `r`, and performs the effects.
 *
 * Phases: off (not started) · idle · lock (waiting for the Web Lock) · query (lock held, asked the
 * other tabs for a newer token, waiting QUERY_WAIT_MS) · fetch (request in flight) · done (disposed).
 * Every event first drops a token that has expired on either clock; `transition` then hands it to
 * its phase's handler, and every event but `dispose` ends with "act" (start a request when one is
 * due and allowed) and "plan" (the one next action at). The table of phases × events, each row
 * checked against this function by a test, is in docs/architecture.md ("The state machine").
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
import { DAY_MS } from '../time/days.js';
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
const MAX_FOREIGN_LIFETIME_MS = 31 * DAY_MS;
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
  /** When the held token expires, and when it is refreshed (it is fresh before that). */
  readonly expiry: Deadline | null;
  readonly refreshAt: Deadline | null;
  /** Wall ms when the held token's request started (what another tab is told). */
  readonly issuedAt: number;
  /** When the next request is wanted (in `query`: when the wait ends). */
  readonly due: Deadline | null;
  /** The one next action at: what the runner's timer waits for. */
  readonly next: Deadline | null;
  /** Monotonic: no automatic request before this. */
  readonly floor: number;
  /** Monotonic: when the last reply came. */
  readonly repliedAt: number;
  /** Monotonic starts of the last requests (at most MAX_PER_MINUTE). */
  readonly starts: readonly number[];
  /** When the request in flight (or the wait for the lock) started. */
  readonly startedAt: Deadline;
  readonly failures: number;
  /** A `getToken` caller waits. */
  readonly waiting: boolean;
  readonly focused: boolean;
  readonly online: boolean;
  /** Whether the runner has Web Locks, and a channel to the other tabs. */
  readonly locks: boolean;
  readonly channel: boolean;
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
    expiry: null,
    refreshAt: null,
    issuedAt: 0,
    due: null,
    next: null,
    floor: -Infinity,
    repliedAt: -Infinity,
    starts: [],
    startedAt: { w: 0, m: 0 },
    failures: 0,
    waiting: false,
    focused: true,
    online: true,
    locks: false,
    channel: false,
    peers: false,
    reported: false,
    maxLife: 0,
    leeway,
  };
}

/** Milliseconds until `deadline` comes (≤ 0 when it has), by whichever clock gets there first. */
export const until = (deadline: Deadline, now: Deadline): number =>
  Math.min(deadline.w - now.w, deadline.m - now.m);
const after = (now: Deadline, ms: number): Deadline => ({ w: now.w + ms, m: now.m + ms });
/** A wall moment as a deadline, its monotonic twin counted from now. */
const wallAt = (wall: number, now: Deadline): Deadline => ({ w: wall, m: now.m + wall - now.w });
const earlier = (a: Deadline | null, b: Deadline | null, now: Deadline) =>
  !a || (b && until(b, now) < until(a, now)) ? b : a;

const aborted = () => new BookingsApiError({ kind: 'aborted', endpoint: 'token' });

type Draft = { -readonly [K in keyof MachineState]: MachineState[K] };

/** The event's moment as a deadline. */
const momentOf = (event: Stamped): Deadline => ({ w: event.w, m: event.m });

/** The transition function: phase first, then event (the table is in docs/architecture.md). */
export function transition(
  state: MachineState,
  event: Stamped,
): { state: MachineState; effects: Effect[] } {
  const effects: Effect[] = [];
  // Disposed: callers are turned away, and nothing else happens.
  if (state.phase === 'done') {
    if (event.type === 'get') effects.push({ type: 'reject', error: aborted() });
    return { state, effects };
  }
  // One copy per event, which the handlers below update in place; the state given never changes.
  const next: Draft = { ...state };
  // A token that has expired by either clock is no token.
  if (next.expiry && until(next.expiry, event) <= 0) {
    dropToken(next);
    if (next.status === 'ready' || next.status === 'refreshing') next.status = 'loading';
  }
  if (event.type !== 'dispose') handle(next, event, effects);
  else {
    if (next.phase !== 'off') effects.push({ type: 'reject', error: aborted() });
    // The token is dropped too: a disposed manager (a previous user's) must not hold it in memory.
    dropToken(next);
    next.phase = 'done';
    next.due = null;
    next.next = null;
    next.waiting = false;
    effects.push({ type: 'stop' }, { type: 'arm', at: null, ms: 0, tick: false });
  }
  return { state: next, effects };
}

/** The transition table, phase first, then event; then act and plan. */
function handle(next: Draft, event: Stamped, effects: Effect[]): void {
  switch (next.phase) {
    case 'off':
      if (event.type !== 'start') inAnyPhase(next, event, effects);
      else {
        next.phase = 'idle';
        next.focused = event.focused;
        next.online = event.online;
        next.locks = event.locks;
        next.channel = event.chan;
        next.due = momentOf(event);
      }
      break;
    case 'idle':
      // Only idle has a settled answer for a caller: the last request was refused.
      if (
        event.type === 'get' &&
        !next.waiting &&
        !event.force &&
        !isFresh(next, event) &&
        next.status === 'unauthorized'
      ) {
        effects.push({ type: 'reject', error: next.error! });
      } else {
        inAnyPhase(next, event, effects);
        // A caller who waits wants the request now.
        if (event.type === 'get' && next.waiting) next.due = momentOf(event);
      }
      break;
    case 'lock':
      if (event.type !== 'locked') inAnyPhase(next, event, effects);
      // Another tab held the lock (or we have heard from one): its token may be on its way.
      else startRequest(next, event, effects, next.channel && (next.peers || event.contended));
      break;
    case 'query':
      // The wait's end is a `due`, which act handles.
      inAnyPhase(next, event, effects);
      break;
    case 'fetch':
      if (event.type === 'ok') receiveToken(next, event, effects);
      else if (event.type === 'fail') receiveFailure(next, event, effects, event.error);
      else inAnyPhase(next, event, effects);
      break;
  }
  actAndPlan(next, event, effects);
}

/**
 * What every live phase does alike: a caller joins the wait (or gets the fresh token), a lock
 * granted too late is given back, focus and network are stored, another tab's message is read.
 * `start`, `due`, `ok` and `fail` do nothing here (the runner's `act` and `plan` still follow).
 */
function inAnyPhase(state: Draft, event: Stamped, effects: Effect[]): void {
  switch (event.type) {
    case 'get':
      // Answered with the held token when it is fresh and nobody forces a request or waits already.
      if (state.waiting || event.force || !isFresh(state, event)) state.waiting = true;
      else effects.push({ type: 'resolve', token: state.token! });
      break;
    case 'locked':
      effects.push({ type: 'unlock' });
      break;
    case 'focus':
      state.focused = event.value;
      break;
    case 'online':
      state.online = event.value;
      break;
    case 'message':
      readMessage(state, event, effects, (event.data ?? {}) as Partial<Record<string, unknown>>);
      break;
  }
}

// `refreshAt` and `expiry` are set and cleared with `token`.
function dropToken(state: Draft): void {
  state.token = null;
  state.expiry = null;
  state.refreshAt = null;
}

const isFresh = (state: Draft, event: Stamped) =>
  !!state.refreshAt && until(state.refreshAt, event) > 0;

/** Our own request's answer: a token, or an error when it is malformed or expired on arrival. */
function receiveToken(state: Draft, event: Stamped & { type: 'ok' }, effects: Effect[]): void {
  const { startedAt } = state;
  let token: CalToken;
  try {
    token = toCalToken(event.body, startedAt.w);
  } catch (error) {
    receiveFailure(state, event, effects, error as BookingsApiError);
    return;
  }
  const lifetime = token.expiresAt - startedAt.w;
  const expiry = { w: token.expiresAt, m: startedAt.m + lifetime };
  // A token that expired while its request ran is treated as a time-out (retried with backoff).
  if (until(expiry, event) <= 0) {
    receiveFailure(
      state,
      event,
      effects,
      new BookingsApiError({ kind: 'timeout', endpoint: 'token' }),
    );
    return;
  }
  state.phase = 'idle';
  state.repliedAt = event.m;
  state.maxLife = Math.max(state.maxLife, lifetime);
  state.floor = startedAt.m + MIN_GAP_MS;
  holdToken(state, event, effects, token, startedAt.w, expiry);
  if (state.channel) {
    effects.push({ type: 'broadcast', message: { type: 'token', token, issuedAt: startedAt.w } });
  }
  if (state.locks) effects.push({ type: 'unlock' });
  effects.push({ type: 'refreshed', token });
}

/** Our own request failed: retried with backoff, or reported (after the quick retries). */
function receiveFailure(
  state: Draft,
  event: Stamped,
  effects: Effect[],
  error: BookingsApiError,
): void {
  state.phase = 'idle';
  state.repliedAt = event.m;
  if (state.locks) effects.push({ type: 'unlock' });
  state.floor = event.m + MIN_GAP_MS;
  if (isRetryableKind(error.kind)) {
    state.failures += 1;
    const delay = backoffDelay(state.failures) * (1 + event.r);
    state.floor = event.m + delay;
    state.due = after(event, delay);
    // Callers wait out the quick retries; the background goes on retrying after that.
    if (state.failures < MAX_ATTEMPTS || (state.failures > MAX_ATTEMPTS && !state.waiting)) return;
  } else {
    state.due = null;
    state.failures = 0;
  }
  const unauthorized = error.kind === 'unauthorized';
  state.status = unauthorized ? 'unauthorized' : 'error';
  state.error = error;
  state.waiting = false;
  effects.push({ type: 'reject', error });
  if (!unauthorized) effects.push({ type: 'error', error });
  else {
    dropToken(state);
    if (!state.reported) effects.push({ type: 'authError', error });
    state.reported = true;
  }
}

/** Another tab's message: a query we answer when our token is fresh and newer, or its token. */
function readMessage(
  state: Draft,
  event: Stamped,
  effects: Effect[],
  data: Partial<Record<string, unknown>>,
): void {
  if (data.type === 'query' && Number.isFinite(data.have)) {
    state.peers = true;
    if (isFresh(state, event) && state.token!.expiresAt > (data.have as number)) {
      effects.push({
        type: 'broadcast',
        message: { type: 'token', token: state.token!, issuedAt: state.issuedAt },
      });
    }
  }
  const token = foreignToken(data, state, event.w);
  if (!token) return;
  state.peers = true;
  if (!state.token || token.expiresAt > state.token.expiresAt) {
    holdToken(
      state,
      event,
      effects,
      token,
      data.issuedAt as number,
      wallAt(token.expiresAt, event),
    );
  }
}

/** Holds a token (ours or another tab's) and, when it is fresh, resolves the callers with it. */
function holdToken(
  state: Draft,
  event: Stamped,
  effects: Effect[],
  token: CalToken,
  issuedAt: number,
  expiry: Deadline,
): void {
  const wall = refreshMoment(issuedAt, token.expiresAt, event.w, state.leeway, event.r);
  // Its monotonic twin comes no later than the expiry's: a wall clock set back while the request
  // ran would otherwise put the refresh off by as much, past the expiry.
  const refreshAt = {
    w: wall,
    m: Math.min(event.m + wall - event.w, expiry.m - (expiry.w - wall)),
  };
  state.token = token;
  state.issuedAt = issuedAt;
  state.expiry = expiry;
  state.refreshAt = refreshAt;
  state.failures = 0;
  state.reported = false;
  // A token too close to its expiry is kept, but the refresh still goes ahead.
  if (until(refreshAt, event) <= 0) return;
  if (state.phase === 'fetch') state.status = 'refreshing';
  else {
    if (state.phase === 'query') effects.push({ type: 'unlock' });
    state.phase = 'idle';
    state.status = 'ready';
    state.error = null;
    state.due = refreshAt;
  }
  state.waiting = false;
  effects.push({ type: 'resolve', token });
}

/** Asks the other tabs for a newer token first (`askTabs`) or requests one now. */
function startRequest(state: Draft, event: Stamped, effects: Effect[], askTabs: boolean): void {
  if (askTabs) {
    state.phase = 'query';
    state.due = after(event, QUERY_WAIT_MS);
    effects.push({
      type: 'broadcast',
      message: { type: 'query', have: state.token?.expiresAt ?? 0 },
    });
  } else {
    state.phase = 'fetch';
    state.startedAt = momentOf(event);
    state.due = null;
    state.starts = [...state.starts, event.m].slice(-MAX_PER_MINUTE);
    effects.push({ type: 'request' });
  }
}

/**
 * act: start a request when one is due and allowed. Then plan: the one next action at — the held
 * token's expiry, the end of a query, or the next request (unless it is only held back by focus or
 * network, whose events will wake us).
 */
function actAndPlan(state: Draft, event: Stamped, effects: Effect[]): void {
  if (state.phase === 'query' && state.due && until(state.due, event) <= 0) {
    startRequest(state, event, effects, false);
  }
  // Monotonic moment from which a request may start.
  const floor = Math.max(
    state.waiting ? Math.min(state.floor, state.repliedAt + MIN_GAP_MS) : state.floor,
    state.starts.length >= MAX_PER_MINUTE ? state.starts[0]! + MINUTE_MS : -Infinity,
  );
  // The request's start: when it is due, or when the floor allows it if that is later.
  const gate: Deadline = { w: Infinity, m: floor };
  const start =
    state.phase === 'idle' && state.due
      ? until(state.due, event) < until(gate, event)
        ? gate
        : state.due
      : null;
  if (start && until(start, event) <= 0 && (state.waiting || (state.focused && state.online))) {
    // Background retries after the quick ones keep the error state on screen.
    if (state.waiting || state.status !== 'error') {
      state.status = state.token ? 'refreshing' : 'loading';
      state.error = null;
    }
    if (state.locks) {
      state.phase = 'lock';
      state.startedAt = momentOf(event);
      effects.push({ type: 'lock' });
    } else startRequest(state, event, effects, state.channel && state.peers);
  }
  const idle = state.phase === 'idle';
  const pending = state.phase === 'query' ? state.due : idle ? start : null;
  state.next = earlier(state.expiry, pending && until(pending, event) > 0 ? pending : null, event);
  state.nextRefreshAt = idle && start ? Math.min(start.w, event.w + start.m - event.m) : null;
  const ms = state.next ? Math.max(0, until(state.next, event)) : 0;
  effects.push({ type: 'arm', at: state.next, ms, tick: state.focused && !!state.next });
}

/**
 * Another tab's token, rebuilt from checked fields, or `null`: well formed, issued neither in the
 * future nor after it expires, not expired, and expiring no further ahead than we would believe.
 */
function foreignToken(
  data: Partial<Record<string, unknown>>,
  state: MachineState,
  now: number,
): CalToken | null {
  const fields = (data.token ?? {}) as Partial<Record<keyof CalToken, unknown>>;
  const { issuedAt } = data;
  const expiresAt = fields.expiresAt as number;
  const limit = (state.maxLife || MAX_FOREIGN_LIFETIME_MS) + LIFETIME_MARGIN_MS;
  return data.type === 'token' &&
    nonEmpty(fields.accessToken) &&
    typeof fields.tokenType === 'string' &&
    typeof fields.calClientId === 'string' &&
    typeof fields.refreshed === 'boolean' &&
    (fields.integrationStatus === 'created' || fields.integrationStatus === 'existing') &&
    Number.isFinite(expiresAt) &&
    Number.isFinite(issuedAt) &&
    (issuedAt as number) <= now + MAX_SKEW_MS &&
    (issuedAt as number) < expiresAt &&
    expiresAt > now &&
    expiresAt - now <= limit
    ? Object.freeze({
        accessToken: fields.accessToken as string,
        tokenType: fields.tokenType,
        expiresAt,
        calClientId: fields.calClientId,
        integrationStatus: fields.integrationStatus,
        refreshed: fields.refreshed,
      })
    : null;
}
