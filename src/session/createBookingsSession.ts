import { createBookingsClient } from '../client/createBookingsClient.js';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { createCalTokenManager } from '../token/createCalTokenManager.js';
import type { CalTokenManager } from '../token/types.js';
import {
  authGetterFor,
  type Credential,
  type CredentialMemory,
  readCredential,
  warnNoCredential,
} from './credential.js';
import { tokenRefreshed } from './errorRouting.js';
import { mountLifecycle } from './lifecycle.js';
import { same } from './same.js';
import type { BookingsSession, BookingsSessionOptions, BookingsSessionSnapshot } from './types.js';

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
 * This function derives the snapshot; the credential (`credential.ts`), where errors go
 * (`errorRouting.ts`) and what a mount puts into effect (`lifecycle.ts`) live beside it.
 */
export function createBookingsSession(initialOptions: BookingsSessionOptions): BookingsSession {
  let options = initialOptions;
  const listeners = new Set<() => void>();
  const memory: CredentialMemory = {};
  let snapshot: BookingsSessionSnapshot | undefined;
  let clientInputs: unknown[] = [];
  let managerInputs: unknown[] = [];
  let credential: Credential;

  const [mount, queueCommit, appliedQueryClient, report] = mountLifecycle(
    () => options,
    () => snapshot,
    () => credential.jwt,
    listeners,
    () => {
      // A later mount starts over with a new token manager (a disposed one cannot start again).
      managerInputs = [];
      derive();
    },
  );

  /** Recomputes the snapshot from the options; creates (never starts) a new client or manager when needed. */
  function derive(): void {
    credential = readCredential(options, memory);
    const o = options;
    const signsIn = !!(o.getAuthToken || o.jwt !== undefined);
    if (!signsIn && o.credentials === undefined) warnNoCredential(memory);
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
        getAuthToken: signsIn
          ? authGetterFor(
              () => options,
              credential.identity,
              memory,
              () => {
                derive();
                queueCommit();
              },
            )
          : undefined,
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
    const next = { client, tokenManager, identity: credential.identity, enabled };
    // A new snapshot only when a part changed: a client or token manager is a plain object of its own
    // functions, so `same` never takes two for one.
    if (!same(snapshot, next)) snapshot = Object.freeze(next);
  }

  function createManager(
    client: BookingsClient<unknown, unknown>,
    { identity, known }: Credential,
  ): CalTokenManager {
    const onError = (error: BookingsApiError) => {
      if (snapshot?.tokenManager === manager) report(error);
    };
    const manager: CalTokenManager = createCalTokenManager({
      client,
      identity: known ? identity : undefined,
      tokenRequest: options.tokenRequest,
      refreshLeewaySeconds: options.refreshLeewaySeconds,
      crossTab: options.crossTab,
      focus: options.focus,
      online: options.online,
      onTokenRefreshed: (token) => {
        if (snapshot?.tokenManager === manager)
          tokenRefreshed(options, client.baseUrl, identity, token);
      },
      onAuthError: onError,
      onError,
    });
    return manager;
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
        next.queryClient !== appliedQueryClient()
      ) {
        queueCommit();
      }
    },
    mount,
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
