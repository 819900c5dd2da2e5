'use client';

import { useEffect, useRef } from 'react';

/**
 * Calls `reset` after `value` changes (not on mount): a mutation hook's result was about the previous
 * identity, and must not be shown to the next one.
 */
export function useResetOnChange(value: unknown, reset: () => void): void {
  const shownFor = useRef(value);
  useEffect(() => {
    if (shownFor.current === value) return;
    shownFor.current = value;
    reset();
  }, [value, reset]);
}
