'use client';

import type { UseMutationResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';

// biome-ignore lint/suspicious/noExplicitAny: any mutation result; its own types pass through unchanged.
type AnyMutation = UseMutationResult<any, any, any, any>;

/**
 * Scopes a mutation hook's result to the identity that started it. After another user signs in, the
 * previous user's result (data, error, variables) is never returned, not even for the one render
 * before the reset that follows in an effect.
 */
export function useScopedMutation<T extends AnyMutation>(mutation: T, identity: string): T {
  const owner = useRef(identity);
  const { mutate: run, mutateAsync: runAsync, reset } = mutation;
  const mutate = useCallback<T['mutate']>(
    (...args) => {
      owner.current = identity;
      run(...args);
    },
    [run, identity],
  );
  const mutateAsync = useCallback<T['mutateAsync']>(
    (...args) => {
      owner.current = identity;
      return runAsync(...args);
    },
    [runAsync, identity],
  );
  useEffect(() => {
    if (owner.current === identity) return;
    owner.current = identity;
    reset();
  }, [identity, reset]);
  if (mutation.isIdle || owner.current === identity) return { ...mutation, mutate, mutateAsync };
  // Idle, and nothing of the previous user's: data, error, variables, context (a rollback snapshot).
  return {
    ...mutation,
    mutate,
    mutateAsync,
    data: undefined,
    error: null,
    failureReason: null,
    variables: undefined,
    context: undefined,
    status: 'idle',
    isIdle: true,
    isPending: false,
    isSuccess: false,
    isError: false,
  };
}
