'use client';

import { useCallback, useState } from 'react';

export interface UseControllableStateOptions<T> {
  /** The value from the host: in control when `controlled` says so. */
  prop: T | undefined;
  /** The first value of the component's own state (a function is called once). */
  defaultProp: T | (() => T);
  /** Called with every value set, controlled or not. @default undefined */
  onChange?: ((value: T) => void) | undefined;
  /** Whether `prop` is the value. @default prop !== undefined */
  controlled?: boolean;
  /**
   * Whether the own state takes `prop` each time `prop` changes to a defined value, so that a prop
   * that only says where to start can still be moved by the host. @default false
   */
  follow?: boolean;
  /**
   * Whether a value set while controlled also becomes the own value, which shows once the host stops
   * controlling. Without it, the own value stays what it was before the host took control.
   * @default true
   */
  remember?: boolean;
}

/**
 * A value that is either the host's (controlled) or the component's own, as Radix's
 * `useControllableState`: the setter always updates the own state and calls `onChange`, so a host
 * that stops controlling finds the last value chosen.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  controlled = prop !== undefined,
  follow = false,
  remember = true,
}: UseControllableStateOptions<T>): [T, (value: T) => void] {
  const [own, setOwn] = useState(defaultProp);
  const [propSeen, setPropSeen] = useState(prop);
  if (follow && propSeen !== prop) {
    // Set during render, as React advises for state derived from a changed prop.
    setPropSeen(prop);
    if (prop !== undefined) setOwn(() => prop);
  }
  const set = useCallback(
    (value: T) => {
      if (remember || !controlled) setOwn(() => value);
      onChange?.(value);
    },
    [onChange, remember, controlled],
  );
  return [controlled ? (prop as T) : own, set];
}
