import { createBookingsClient } from '../client/createBookingsClient.js';
import { BookingsApiError, isBookingsApiError } from '../client/errors.js';
import { ANONYMOUS_IDENTITY, readJwtSubject } from '../client/jwtSubject.js';
import type { BookingsClient } from '../client/types.js';
import { nonEmpty } from '../client/validate.js';
import { createCalTokenManager } from '../token/createCalTokenManager.js';
import type { CalTokenManager } from '../token/types.js';
import { bookingsKeys, startsWithKey } from './keys.js';
import type { BookingsSession, BookingsSessionOptions, BookingsSessionSnapshot } from './types.js';

/** Who is signed in, as far as can be told without calling anything asynchronous. */
interface Credential {
  identity: string;
  /** The identity came from the host (`identity`, a JWT's `sub`, or a `sub` learned from a request). */
  known: boolean;
  signedIn: boolean;
  /** The JWT, when it is known synchronously: a new one may cure an `unauthorized`. */
  jwt: string | undefined;
}

/** A plain object or array: compared by value; anything else (schemas, functions) by identity. */
function isPlain(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}

/** Equal for the option values the session compares: primitives, functions, plain objects and arrays. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) =>
      same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

const noop = () => {};

/** The client options compared by value; a change creates a new client (`fetch` and the JWT are read live). */
const CLIENT_OPTIONS = [
  'baseUrl',
  'apiKey',
  'apiKeyHeader',
  'credentials',
  'headers',
  'endpoints',
  'schemas',
  'requestTimeoutMs',
  'maxResponseBytes',
] as const;

/**
 * Creates the framework-free core of `BookingsProvider`: it owns the AISquare client, the Cal.com
 * token manager and the identity scope. An identity switch purges the previous identity's queries
 * and mutations and drops its token; 401/403 reach `onAuthError` once per identity, whether the
 * token or a query met them; a new JWT for the same identity retries what failed with 401/403.
 */
export function createBookingsSession(initialOptions: BookingsSessionOptions): BookingsSession {
  let options = initialOptions;
  const listeners = new Set<() => void>();
  /** A getter found to return a Promise is not called outside a request again. */
  let asyncGetter = false;
  /** The `sub` of the last credential an async getter produced (when no `identity` was given). */
  let learnedIdentity: string | undefined;
  let snapshot: BookingsSessionSnapshot | undefined;
  let clientInputs: unknown[] = [];
  let managerInputs: unknown[] = [];
  let credential: Credential;

  let mounts = 0;
  let commitQueued = false;
  /** What `commit` last put into effect. */
  let applied: {
    snapshot?: BookingsSessionSnapshot;
    jwt?: string | undefined;
    queryClient?: BookingsSessionOptions['queryClient'];
    stopRouting?: () => void;
  } = {};
  let authErrorReported = false;
  let noCredentialWarned = false;

  function readCredential(): Credential {
    const { jwt, getAuthToken, identity } = options;
    let value: unknown = true; // no JWT at all: a cookie session, signed in as far as we know
    if (jwt !== undefined) value = jwt;
    else if (getAuthToken && identity === undefined && !asyncGetter) {
      // A synchronous getter is read here so that the previous user's data never renders after a switch.
      try {
        value = getAuthToken();
      } catch {
        value = null;
      }
      if (typeof (value as Promise<unknown> | null)?.then === 'function') {
        asyncGetter = true;
        (value as Promise<unknown>).catch(noop);
        value = true;
        warnAsyncGetter();
      }
    }
    const token = nonEmpty(value);
    const sub = identity ?? (token && readJwtSubject(token)) ?? learnedIdentity;
    return {
      identity: sub ?? ANONYMOUS_IDENTITY,
      known: sub !== undefined,
      signedIn: !!value,
      jwt: token,
    };
  }

  /**
   * The client's JWT getter: the latest option, read per request. Without an `identity` option, a
   * credential whose `sub` is not the client's identity switches the session and fails the request,
   * so that no response is ever stored under the previous scope.
   */
  function authGetterFor(identity: string) {
    return async (): Promise<string | null | undefined> => {
      const current = options;
      const jwt = current.jwt !== undefined ? current.jwt : await current.getAuthToken?.();
      if (current.identity === undefined && current.jwt === undefined && jwt) {
        const sub = readJwtSubject(jwt);
        if (sub !== undefined && sub !== identity) {
          learnedIdentity = sub;
          derive();
          queueCommit();
          throw new BookingsApiError({
            kind: 'aborted',
            endpoint: 'token',
            message: 'AISquare bookings request aborted: another user signed in',
          });
        }
      }
      return jwt;
    };
  }

  /** Recomputes the snapshot from the options; creates (never starts) a new client or manager when needed. */
  function derive(): void {
    credential = readCredential();
    const o = options;
    const signsIn = !!(o.getAuthToken || o.jwt !== undefined);
    if (!signsIn && o.credentials === undefined) warnNoCredential();
    const nextClientInputs = [
      credential.identity,
      signsIn,
      !!o.fetch,
      ...CLIENT_OPTIONS.map((key) => o[key]),
    ];
    let client = snapshot?.client;
    if (!client || !same(nextClientInputs, clientInputs)) {
      clientInputs = nextClientInputs;
      client = createBookingsClient({
        ...o,
        jwt: undefined,
        identity: credential.identity,
        getAuthToken: signsIn ? authGetterFor(credential.identity) : undefined,
        // The latest `fetch` prop is called, so an inline function recreates nothing.
        fetch: o.fetch && ((input, init) => (options.fetch ?? fetch)(input, init)),
      }) as BookingsClient<unknown, unknown>;
    }
    const enabled = (o.enabled ?? true) && credential.signedIn;
    const nextManagerInputs = [
      client,
      credential.known,
      enabled,
      o.tokenRequest,
      o.refreshLeewaySeconds,
      o.crossTab,
      o.focus,
      o.online,
    ];
    let tokenManager = snapshot?.tokenManager;
    if (!tokenManager || !same(nextManagerInputs, managerInputs)) {
      managerInputs = nextManagerInputs;
      tokenManager = createManager(client, credential);
    }
    const { identity } = credential;
    const previous = snapshot;
    if (
      previous?.client !== client ||
      previous.tokenManager !== tokenManager ||
      previous.identity !== identity ||
      previous.enabled !== enabled
    ) {
      snapshot = Object.freeze({ client, tokenManager, identity, enabled });
    }
  }

  function createManager(
    client: BookingsClient<unknown, unknown>,
    { identity, known }: Credential,
  ): CalTokenManager {
    const manager: CalTokenManager = createCalTokenManager({
      client,
      identity: known ? identity : undefined,
      tokenRequest: options.tokenRequest,
      refreshLeewaySeconds: options.refreshLeewaySeconds,
      crossTab: options.crossTab,
      focus: options.focus,
      online: options.online,
      onTokenRefreshed: (token) => {
        if (snapshot?.tokenManager !== manager) return;
        if (token.integrationStatus === 'created') {
          // The initial integration just created the Cal.com user: the user query's 404 is stale, and
          // so is a user request still in flight (reset drops it; invalidate would join it).
          void options.queryClient.resetQueries({
            queryKey: bookingsKeys.user(client.baseUrl, identity),
          });
        }
        options.onTokenRefreshed?.(token);
      },
      onAuthError: (error) => {
        if (snapshot?.tokenManager === manager) report(error);
      },
      onError: (error) => {
        if (snapshot?.tokenManager === manager) report(error);
      },
    });
    return manager;
  }

  /** The one place errors reach the host: 401/403 once per identity, aborts never. */
  function report(error: BookingsApiError): void {
    if (error.kind === 'aborted') return;
    if (error.kind !== 'unauthorized') options.onError?.(error);
    else if (!authErrorReported) {
      authErrorReported = true;
      options.onAuthError?.(error);
    }
  }

  /** Routes the failures of this session's queries (current scope only) to `report`. */
  function routeQueryErrors(): () => void {
    return options.queryClient.getQueryCache().subscribe((event) => {
      const error = event.type === 'updated' && event.action.type === 'error' && event.action.error;
      const current = snapshot;
      if (!isBookingsApiError(error) || !current) return;
      const { baseUrl } = current.client;
      if (!startsWithKey(event.query.queryKey, bookingsKeys.scope(baseUrl, current.identity)))
        return;
      // A user who is not connected yet answers 404: an expected state, shown by the UI, not an error.
      if (error.kind === 'not_found' && error.endpoint === 'user') return;
      report(error);
    });
  }

  /** Drops everything cached for a scope: queries and mutations (a mutation's data is per user too). */
  function purge(scope: readonly unknown[]): void {
    const { queryClient } = options;
    queryClient.removeQueries({ queryKey: scope });
    const mutations = queryClient.getMutationCache();
    for (const mutation of mutations.findAll({ mutationKey: scope })) mutations.remove(mutation);
  }

  function notify(): void {
    for (const listener of [...listeners]) listener();
  }

  function queueCommit(): void {
    if (commitQueued || mounts === 0) return;
    commitQueued = true;
    queueMicrotask(() => {
      commitQueued = false;
      commit();
    });
  }

  /** Puts the current snapshot into effect; idempotent. */
  function commit(): void {
    if (mounts === 0 || !snapshot) return;
    const current = snapshot;
    const previous = applied.snapshot;
    const { queryClient } = options;
    if (applied.queryClient !== queryClient) {
      applied.stopRouting?.();
      applied.stopRouting = routeQueryErrors();
      applied.queryClient = queryClient;
    }
    if (previous && previous.tokenManager !== current.tokenManager) previous.tokenManager.dispose();
    const scope = bookingsKeys.scope(current.client.baseUrl, current.identity);
    const previousScope =
      previous && bookingsKeys.scope(previous.client.baseUrl, previous.identity);
    if (previousScope && !same(previousScope, scope)) {
      purge(previousScope);
      authErrorReported = false;
    } else if (current.enabled && credential.jwt && applied.jwt && credential.jwt !== applied.jwt) {
      reauthenticate(current, scope);
    }
    applied.snapshot = current;
    applied.jwt = credential.jwt;
    if (current.enabled && (options.autoConnect ?? true)) current.tokenManager.start();
    if (previous !== current) notify();
  }

  /**
   * A new JWT for the same identity (the user signed in again) may cure an `unauthorized`: retry the
   * token and the queries that failed with 401/403, once, instead of waiting for a manual refresh.
   */
  function reauthenticate(current: BookingsSessionSnapshot, scope: readonly unknown[]): void {
    authErrorReported = false;
    if (current.tokenManager.getState().status === 'unauthorized') {
      current.tokenManager.getToken({ forceRefresh: true }).catch(noop);
    }
    void options.queryClient.refetchQueries({
      queryKey: scope,
      predicate: (query) => (query.state.error as BookingsApiError | null)?.kind === 'unauthorized',
    });
  }

  function teardown(): void {
    applied.stopRouting?.();
    applied.snapshot?.tokenManager.dispose();
    if (options.clearQueryClientOnUnmount) options.queryClient.clear();
    applied = {};
    // A later mount starts over with a new token manager (a disposed one cannot start again).
    managerInputs = [];
    derive();
    notify();
  }

  function warnNoCredential(): void {
    // A forgotten `jwt` prop reads as a cookie session; every request then fails as signed out.
    if (noCredentialWarned) return;
    noCredentialWarned = true;
    // Bundlers replace process.env.NODE_ENV (production drops the block); without one, `process` may
    // not exist, which the catch absorbs. A `typeof process` test would hide it in every browser.
    try {
      if (process.env.NODE_ENV !== 'production') {
        console.warn(
          '@aisquare/bookings-react: no `jwt`, `getAuthToken` or `credentials` was given, so requests ' +
            "carry only the browser's same-origin cookies. Pass `jwt` (null when signed out), or " +
            '`credentials` for a cookie session.',
        );
      }
    } catch {}
  }

  function warnAsyncGetter(): void {
    try {
      if (process.env.NODE_ENV !== 'production') {
        console.warn(
          '@aisquare/bookings-react: getAuthToken returned a Promise and no `identity` was given. ' +
            'Pass `identity` (e.g. user.sub) so the cache is scoped before the first request.',
        );
      }
    } catch {}
  }

  derive();

  return {
    get queryClient() {
      return options.queryClient;
    },
    getOptions: () => options,
    getSnapshot: () => snapshot as BookingsSessionSnapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setOptions(next) {
      options = next;
      const before = snapshot;
      const jwt = credential.jwt;
      derive();
      if (
        snapshot !== before ||
        credential.jwt !== jwt ||
        next.queryClient !== applied.queryClient
      ) {
        queueCommit();
      }
    },
    mount() {
      mounts += 1;
      commit();
      let mounted = true;
      return () => {
        if (!mounted) return;
        mounted = false;
        mounts -= 1;
        queueMicrotask(() => {
          if (mounts === 0 && applied.snapshot) teardown();
        });
      };
    },
    getAccessToken: (getOptions) =>
      (snapshot as BookingsSessionSnapshot).tokenManager.getAccessToken(getOptions),
    async refreshToken() {
      const token = await (snapshot as BookingsSessionSnapshot).tokenManager.getToken({
        forceRefresh: true,
      });
      return { expiresAt: token.expiresAt, integrationStatus: token.integrationStatus };
    },
  };
}
