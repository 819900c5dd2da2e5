'use client';

import type { ReactNode } from 'react';
import { LabelsContext } from '../react/labelsContext.js';
import { useBookingsLabels } from './BookingsLabelsContext.js';
import type { BookingsLabelsOverrides } from './labels.js';

export interface BookingsLabelsProviderProps {
  /**
   * Labels to replace for every component below (any subset; the rest stay as the enclosing
   * provider's, or the English defaults). A component's own `labels` prop still wins.
   * @default {} (the English defaults)
   */
  labels?: BookingsLabelsOverrides;
  children?: ReactNode;
}

/**
 * Replaces the components' user-facing strings for a whole subtree, e.g. to translate them.
 * Providers nest: an inner one overrides the outer one's labels.
 *
 * ```tsx
 * <BookingsLabelsProvider labels={{ locale: 'fr', connect: 'Connecter Cal.com' }}>…</BookingsLabelsProvider>
 * ```
 */
export function BookingsLabelsProvider({
  labels,
  children,
}: BookingsLabelsProviderProps): ReactNode {
  // The enclosing labels with these over them, as a component's own `labels` prop merges.
  const value = useBookingsLabels(labels);
  return <LabelsContext.Provider value={value}>{children}</LabelsContext.Provider>;
}
