'use client';

import { useContext, useMemo } from 'react';
import { LabelsContext } from '../react/labelsContext.js';
import type { BookingsLabelsOverrides } from './labels.js';
import { type BookingsLabels, defaultBookingsLabels, mergeBookingsLabels } from './labels.js';

/**
 * The labels a component renders with: the English defaults, then the nearest
 * `BookingsLabelsProvider`'s, then the component's own `labels` prop.
 */
export function useBookingsLabels(overrides?: BookingsLabelsOverrides): BookingsLabels {
  // Only BookingsLabelsProvider provides the context, and always with whole labels.
  const inherited =
    (useContext(LabelsContext) as BookingsLabels | undefined) ?? defaultBookingsLabels;
  // A new inline object every render is expected; merging is cheap and the result is only read.
  return useMemo(() => mergeBookingsLabels(inherited, overrides), [inherited, overrides]);
}
