'use client';

import { type ReactNode, useContext, useMemo } from 'react';
import { BookingsLabelsContext } from './BookingsLabelsContext.js';
import { type BookingsLabelsOverrides, mergeBookingsLabels } from './labels.js';

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
  const inherited = useContext(BookingsLabelsContext);
  const value = useMemo(() => mergeBookingsLabels(inherited, labels), [inherited, labels]);
  return <BookingsLabelsContext.Provider value={value}>{children}</BookingsLabelsContext.Provider>;
}
