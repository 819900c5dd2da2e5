'use client';

import { useEffect, useRef } from 'react';
import { isTimeZone, viewerTimeZone } from '../time/zones.js';

/** `timeZone` when `Intl` knows it, else the viewer's zone; an unknown one is said once in development. */
export function useKnownTimeZone(timeZone: string): string {
  const known = isTimeZone(timeZone);
  const said = useRef('');
  useEffect(() => {
    if (known || said.current === timeZone) return;
    said.current = timeZone;
    // Bundlers replace process.env.NODE_ENV (production drops the block); without one, `process` may
    // not exist, which the catch absorbs. A `typeof process` test would hide it in every browser.
    try {
      if (process.env.NODE_ENV !== 'production') {
        console.warn(
          `@aisquare/bookings-react: unknown time zone "${timeZone}"; the viewer's zone is used.`,
        );
      }
    } catch {}
  }, [known, timeZone]);
  return known ? timeZone : viewerTimeZone();
}
