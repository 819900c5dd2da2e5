'use client';

import { replaceEqualDeep } from '@tanstack/react-query';
import { useRef } from 'react';

/**
 * Returns the previous object while the new one has the same keys and values (compared deeply for
 * plain objects and arrays, by identity for anything else), so that inline objects
 * (`endpoints={{ … }}`) don't recreate the client on every render.
 */
export function useStable<T>(value: T): T {
  const ref = useRef(value);
  ref.current = replaceEqualDeep(ref.current, value);
  return ref.current;
}
