import { useRef } from 'react';

/**
 * Returns the previous object while the new one has the same own keys and values, so that inline
 * objects (`endpoints={{ … }}`) don't recreate the client on every render.
 */
export function useShallowStable<T extends object | undefined>(value: T): T {
  const ref = useRef(value);
  const previous = ref.current as Record<string, unknown> | undefined;
  const next = value as Record<string, unknown> | undefined;
  const keys = next ? Object.keys(next) : [];
  const same =
    previous === next ||
    (!!previous &&
      !!next &&
      Object.keys(previous).length === keys.length &&
      keys.every((key) => Object.hasOwn(previous, key) && Object.is(previous[key], next[key])));
  if (!same) ref.current = value;
  return ref.current;
}
