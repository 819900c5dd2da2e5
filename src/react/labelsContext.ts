'use client';

import { createContext, useContext } from 'react';
import { DEFAULT_LOCALE } from '../time/locale.js';

/** What the hooks read from the labels in effect: the locale they format with. */
export interface LabelsInEffect {
  locale: string;
}

/**
 * The labels `BookingsLabelsProvider` puts in effect below it (the components' whole labels, of which
 * the hooks read only `LabelsInEffect`); `undefined` without a provider, so each reader falls back to
 * its own defaults.
 */
export const LabelsContext = /* @__PURE__ */ createNamedContext();

function createNamedContext() {
  const context = createContext<LabelsInEffect | undefined>(undefined);
  context.displayName = 'BookingsLabelsContext';
  return context;
}

/** The locale of the labels in effect: the nearest `BookingsLabelsProvider`'s, else the default. */
export function useLabelsLocale(): string {
  return useContext(LabelsContext)?.locale ?? DEFAULT_LOCALE;
}
