import type { QueryClient } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import { noop } from '../client/noop.js';
import type { CalTokenManager } from '../token/types.js';
import { errorReporter, routeQueryErrors } from './errorRouting.js';
import { bookingsKeys } from './keys.js';
import { same } from './same.js';
import type { BookingsSessionOptions, BookingsSessionSnapshot } from './types.js';

/**
 * The session's mount lifecycle: the first mount puts the snapshot into effect (error routing, the
 * token started, a previous identity's scope purged), each change is committed a microtask later,
 * and the last unmount tears down a microtask later (so StrictMode's unmount and remount keep it),
 * then `restart`s, notifying `listeners` of each new snapshot. Returns `mount`, `queueCommit`, the
 * query client in effect, and where errors are reported.
 */
export function mountLifecycle(
  getOptions: () => BookingsSessionOptions,
  getSnapshot: () => BookingsSessionSnapshot | undefined,
  getJwt: () => string | undefined,
  listeners: Set<() => void>,
  restart: () => void,
): [
  mount: () => () => void,
  queueCommit: () => void,
  appliedQueryClient: () => unknown,
  report: (error: BookingsApiError) => void,
] {
  const [report, resetAuthError] = errorReporter(getOptions);
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  let mounts = 0;
  let commitQueued = false;
  // What was last put into effect: the snapshot, its credential's JWT (a new one for the same
  // identity retries what failed with 401/403), the query client whose errors are routed.
  let appliedSnapshot: BookingsSessionSnapshot | undefined;
  let appliedJwt: string | undefined;
  let appliedQueryClient: QueryClient | undefined;
  let stopRouting: (() => void) | undefined;

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
    const current = getSnapshot();
    if (mounts === 0 || !current) return;
    const previous = appliedSnapshot;
    const options = getOptions();
    const { queryClient } = options;
    if (appliedQueryClient !== queryClient) {
      stopRouting?.();
      stopRouting = routeQueryErrors(queryClient, getSnapshot, report);
      appliedQueryClient = queryClient;
    }
    if (previous && previous.tokenManager !== current.tokenManager) previous.tokenManager.dispose();
    const scope = bookingsKeys.scope(current.client.baseUrl, current.identity);
    const previousScope =
      previous && bookingsKeys.scope(previous.client.baseUrl, previous.identity);
    const jwt = getJwt();
    if (previousScope && !same(previousScope, scope)) {
      purge(queryClient, previousScope);
      resetAuthError();
    } else if (current.enabled && jwt && appliedJwt && jwt !== appliedJwt) {
      resetAuthError();
      reauthenticate(queryClient, current.tokenManager, scope);
    }
    appliedSnapshot = current;
    appliedJwt = jwt;
    if (current.enabled && (options.autoConnect ?? true)) current.tokenManager.start();
    if (previous !== current) notify();
  }

  function teardown(): void {
    const options = getOptions();
    stopRouting?.();
    appliedSnapshot?.tokenManager.dispose();
    if (options.clearQueryClientOnUnmount) options.queryClient.clear();
    appliedSnapshot = appliedJwt = appliedQueryClient = stopRouting = undefined;
    restart();
    notify();
  }

  function mount(): () => void {
    mounts += 1;
    commit();
    let mounted = true;
    return () => {
      if (!mounted) return;
      mounted = false;
      mounts -= 1;
      queueMicrotask(() => {
        if (mounts === 0 && appliedSnapshot) teardown();
      });
    };
  }

  return [mount, queueCommit, () => appliedQueryClient, report];
}

/** Drops everything cached for a scope: queries and mutations (a mutation's data is per user too). */
function purge(queryClient: QueryClient, scope: readonly unknown[]): void {
  queryClient.removeQueries({ queryKey: scope });
  const mutations = queryClient.getMutationCache();
  for (const mutation of mutations.findAll({ mutationKey: scope })) mutations.remove(mutation);
}

/**
 * A new JWT for the same identity (the user signed in again) may cure an `unauthorized`: retry the
 * token and the queries that failed with 401/403, once, instead of waiting for a manual refresh.
 */
function reauthenticate(
  queryClient: QueryClient,
  tokenManager: CalTokenManager,
  scope: readonly unknown[],
): void {
  if (tokenManager.getState().status === 'unauthorized') {
    tokenManager.getToken({ forceRefresh: true }).catch(noop);
  }
  void queryClient.refetchQueries({
    queryKey: scope,
    predicate: (query) => (query.state.error as BookingsApiError | null)?.kind === 'unauthorized',
  });
}
