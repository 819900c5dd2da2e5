import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { CalTokenRefreshResponse } from '../../../src/client/schemas.js';
import { backoffDelay } from '../../../src/token/backoff.js';
import { createCalTokenManager } from '../../../src/token/createCalTokenManager.js';
import { crossTabName } from '../../../src/token/crossTab.js';
import type { CalTokenManager } from '../../../src/token/types.js';
import { apiError, tokenResponse } from './answers.js';
import { createChannelBus, createFakeLocks } from './browserFakes.js';
import { FAKED, SECOND, T0 } from './clock.js';
import { BASE_URL } from './helpers.js';

// Model-based test: random sequences of time passing, wall-clock jumps, focus, network, server
// replies, cross-tab messages, callers and dispose; the invariants are checked after every step.
// Half the runs give the manager a frozen monotonic clock (a host's fake timers that leave
// performance.now() real): the gaps, backoff and rates must hold in timer time all the same.
// fast-check prints the seed and path of a failure; replay it with FC_SEED=<seed> FC_PATH=<path>.

const MIN_GAP = 5 * SECOND;

type Reply = 'ok' | '400' | '401' | '5xx' | 'network' | 'timeout' | 'malformed';

interface Pending {
  readonly startM: number;
  readonly startW: number;
  readonly resolve: (body: CalTokenRefreshResponse) => void;
  readonly reject: (error: unknown) => void;
}

interface Real {
  manager: CalTokenManager;
  pending: Pending[];
  starts: { m: number; waiter: boolean }[];
  /** The outcome of the previous request: when, retryable or not, consecutive retryable failures. */
  last: { replyM: number; retryable: boolean; failures: number; unseen?: boolean } | null;
  /** Real expiry (both clocks) of every token the server or a tab has handed out. */
  expiries: Map<string, { w: number; m: number }>;
  waiters: number;
  failures: string[];
  disposed: boolean;
  focus: Source;
  online: Source;
  bus: ReturnType<typeof createChannelBus>;
  peer: ReturnType<ReturnType<typeof createChannelBus>['factory']>;
  /** The manager's monotonic clock stands still (a host's fake timers that leave it real). */
  frozen: boolean;
}

type Model = Record<string, never>;

function createSource() {
  let value = true;
  const listeners = new Set<(value: boolean) => void>();
  return {
    listeners,
    get: () => value,
    set(next: boolean) {
      value = next;
      for (const listener of [...listeners]) listener(next);
    },
    subscribe(listener: (value: boolean) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
type Source = ReturnType<typeof createSource>;

const mono = () => performance.now();

function check(real: Real): void {
  expect(real.failures).toEqual([]);
  expect(real.pending.length).toBeLessThanOrEqual(1);
  const { starts } = real;
  for (let i = 12; i < starts.length; i += 1) {
    expect(starts[i]!.m - starts[i - 12]!.m, '≤ 12 requests a minute').toBeGreaterThanOrEqual(
      60 * SECOND,
    );
  }
  if (real.disposed) {
    expect(vi.getTimerCount()).toBe(0);
    expect(real.focus.listeners.size + real.online.listeners.size).toBe(0);
    expect(real.bus.created.filter((channel) => channel !== real.peer && !channel.closed)).toEqual(
      [],
    );
  }
}

/** Records a request start and checks its distance from the previous one (reported, not thrown). */
function recordStart(real: Real, startM: number): void {
  const previous = real.starts.at(-1);
  const { last } = real;
  if (previous && last) {
    const backoff = backoffDelay(last.failures);
    const floor = real.waiters > 0 ? Math.min(backoff, MIN_GAP) : backoff;
    // An answer whose lateness the manager could not see is held to the laxer of the two rules.
    const seenAsRetry = last.unseen && startM - last.replyM >= floor;
    if (!last.retryable && startM - previous.m < MIN_GAP && !seenAsRetry) {
      real.failures.push(`requests ${startM - previous.m} ms apart`);
    }
    if (last.retryable && startM - last.replyM < floor) {
      real.failures.push(`retry ${startM - last.replyM} ms after a failure, backoff ${floor} ms`);
    }
  }
  real.starts.push({ m: startM, waiter: real.waiters > 0 });
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_m: Model, real: Real) {
    await vi.advanceTimersByTimeAsync(this.ms);
    check(real);
  }
  toString = () => `advance(${this.ms})`;
}

class WallJump implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_m: Model, real: Real) {
    vi.setSystemTime(Date.now() + this.ms);
    await vi.advanceTimersByTimeAsync(0);
    check(real);
  }
  toString = () => `wallJump(${this.ms})`;
}

class Toggle implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly which: 'focus' | 'online',
    readonly value: boolean,
  ) {}
  check = () => true;
  async run(_m: Model, real: Real) {
    real[this.which].set(this.value);
    await vi.advanceTimersByTimeAsync(0);
    check(real);
  }
  toString = () => `${this.which}(${this.value})`;
}

class Answer implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly reply: Reply,
    readonly expiresIn: number,
  ) {}
  check = () => true;
  async run(_m: Model, real: Real) {
    const request = real.pending.shift();
    if (!request) return;
    const m = mono();
    const life = this.expiresIn * 1000;
    // A token that expired while its request ran counts as a time-out in the manager.
    const lateByWall = Date.now() >= request.startW + life;
    const expiredOnArrival = m >= request.startM + life || lateByWall;
    // With its monotonic clock frozen and the wall clock set back, a manager that ran no timer
    // while the request was out cannot tell the token came too late: either reading is allowed.
    const unseen = real.frozen && this.reply === 'ok' && expiredOnArrival && !lateByWall;
    const retryable =
      ['5xx', 'network', 'timeout'].includes(this.reply) ||
      (this.reply === 'ok' && expiredOnArrival && !unseen);
    real.last = {
      replyM: m,
      retryable,
      unseen,
      // (an unseen failure counts as none, so the next backoff expected is the shortest)
      failures: retryable ? (real.last?.retryable ? real.last.failures : 0) + 1 : 0,
    };
    if (this.reply === 'ok') {
      const body = tokenResponse({ expires_in: this.expiresIn });
      real.expiries.set(body.access_token, { w: request.startW + life, m: request.startM + life });
      request.resolve(body);
    } else if (this.reply === 'malformed') {
      request.resolve(tokenResponse({ expires_in: 'soon' }));
    } else {
      const [kind, status] = (
        {
          '400': ['invalid_request', 400],
          '401': ['unauthorized', 401],
          '5xx': ['server', 503],
          network: ['network', undefined],
          timeout: ['timeout', undefined],
        } as const
      )[this.reply];
      request.reject(apiError(kind, status));
    }
    await vi.advanceTimersByTimeAsync(0);
    check(real);
  }
  toString = () => `reply(${this.reply}, ${this.expiresIn})`;
}

class Message implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly forged: boolean,
    readonly aheadMs: number,
  ) {}
  check = () => true;
  async run(_m: Model, real: Real) {
    const ahead = this.forged ? 1e13 : this.aheadMs;
    const token = {
      accessToken: `peer-${Math.random().toString(36).slice(2)}`,
      tokenType: 'Bearer',
      expiresAt: Date.now() + ahead,
      calClientId: 'c',
      integrationStatus: 'existing',
      refreshed: true,
    };
    real.expiries.set(token.accessToken, { w: token.expiresAt, m: mono() + ahead });
    // a token from another tab: the server is fine again, the backoff starts over
    if (!this.forged && real.last?.retryable) real.last = { ...real.last, failures: 0 };
    real.peer.postMessage({ type: 'token', token, issuedAt: Date.now() });
    await vi.advanceTimersByTimeAsync(0);
    check(real);
  }
  toString = () => `message(${this.forged ? 'forged' : this.aheadMs})`;
}

class GetToken implements fc.AsyncCommand<Model, Real> {
  constructor(readonly force: boolean) {}
  check = () => true;
  async run(_m: Model, real: Real) {
    real.waiters += 1;
    real.manager.getAccessToken({ forceRefresh: this.force }).then(
      (accessToken) => {
        real.waiters -= 1;
        const expiry = real.expiries.get(accessToken);
        // With its monotonic clock frozen, the manager knows real time only from the wall clock
        // and from its own timers: a wall clock set back then hides an expiry until a timer fires.
        if (!expiry || Date.now() >= expiry.w || (!real.frozen && mono() >= expiry.m)) {
          real.failures.push(`expired or unknown token handed out: ${accessToken}`);
        }
      },
      () => {
        real.waiters -= 1;
      },
    );
    await vi.advanceTimersByTimeAsync(0);
    check(real);
  }
  toString = () => `getAccessToken(${this.force ? 'forceRefresh' : ''})`;
}

class Dispose implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_m: Model, real: Real) {
    real.manager.dispose();
    real.disposed = true;
    real.pending.length = 0;
    await vi.advanceTimersByTimeAsync(0);
    check(real);
  }
  toString = () => 'dispose()';
}

const commands = [
  fc.integer({ min: 1, max: 90_000 }).map((ms) => new Advance(ms)),
  fc.constantFrom(100, 1_000, 5_000).map((ms) => new Advance(ms)),
  fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }).map((ms) => new WallJump(ms)),
  fc
    .tuple(fc.constantFrom('focus' as const, 'online' as const), fc.boolean())
    .map(([which, value]) => new Toggle(which, value)),
  fc
    .tuple(
      fc.constantFrom<Reply>(
        'ok',
        'ok',
        'ok',
        '400',
        '401',
        '5xx',
        'network',
        'timeout',
        'malformed',
      ),
      fc.constantFrom(0.001, 1, 10, 60, 3_600),
    )
    .map(([reply, expiresIn]) => new Answer(reply, expiresIn)),
  fc
    .tuple(fc.boolean(), fc.integer({ min: 1, max: 7_200_000 }))
    .map(([forged, ahead]) => new Message(forged, ahead)),
  fc.boolean().map((force) => new GetToken(force)),
  fc.constant(new Dispose()),
];

describe('token manager model', () => {
  it('keeps its invariants under random sequences of events', async () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
    const path = process.env.FC_PATH;
    await fc.assert(
      fc.asyncProperty(
        fc.commands(commands, { size: '+1' }),
        fc.boolean(),
        fc.boolean(),
        async (cmds, withLocks, frozen) => {
          vi.useFakeTimers({ toFake: FAKED });
          vi.setSystemTime(T0);
          const bus = createChannelBus();
          const focus = createSource();
          const online = createSource();
          const real: Real = {
            manager: undefined as unknown as CalTokenManager,
            pending: [],
            starts: [],
            last: null,
            expiries: new Map(),
            waiters: 0,
            failures: [],
            disposed: false,
            focus,
            online,
            bus,
            peer: bus.factory(crossTabName(BASE_URL, 'model-user')),
            frozen,
          };
          real.manager = createCalTokenManager({
            client: {
              baseUrl: BASE_URL,
              refreshToken: (_body, options) =>
                new Promise<CalTokenRefreshResponse>((resolve, reject) => {
                  const startM = mono();
                  recordStart(real, startM);
                  const request: Pending = { startM, startW: Date.now(), resolve, reject };
                  real.pending.push(request);
                  options?.signal?.addEventListener('abort', () => {
                    real.pending = real.pending.filter((p) => p !== request);
                    reject(apiError('aborted'));
                  });
                }),
            },
            identity: 'model-user',
            createChannel: bus.factory,
            locks: withLocks ? createFakeLocks() : null,
            // Request gaps, backoff and rates are still checked on the fake performance.now().
            ...(frozen ? { monotonicNow: () => 0 } : {}),
            focus: { isFocused: focus.get, subscribe: focus.subscribe },
            online: { isOnline: online.get, subscribe: online.subscribe },
            random: () => 0.5,
            onError: () => {},
          });
          try {
            real.manager.start();
            await vi.advanceTimersByTimeAsync(0);
            check(real);
            await fc.asyncModelRun(() => ({ model: {} as Model, real }), cmds);
          } finally {
            real.manager.dispose();
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 60), seed, path, endOnFailure: true },
    );
  }, 60_000);
});
