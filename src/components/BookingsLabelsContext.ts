'use client';

import { createContext, useContext, useMemo } from 'react';
import type { BookingsLabelsOverrides } from './labels.js';
import { type BookingsLabels, defaultBookingsLabels, mergeBookingsLabels } from './labels.js';

/** The labels in effect below the nearest `BookingsLabelsProvider` (the defaults without one). */
export const BookingsLabelsContext = /* @__PURE__ */ createNamedContext();

function createNamedContext() {
  const context = createContext<BookingsLabels>(defaultBookingsLabels);
  context.displayName = 'BookingsLabelsContext';
  return context;
}

/**
 * The labels a component renders with: the English defaults, then the nearest
 * `BookingsLabelsProvider`'s, then the component's own `labels` prop.
 */
export function useBookingsLabels(overrides?: BookingsLabelsOverrides): BookingsLabels {
  const inherited = useContext(BookingsLabelsContext);
  // A new inline object every render is expected; merging is cheap and the result is only read.
  return useMemo(() => mergeBookingsLabels(inherited, overrides), [inherited, overrides]);
}
