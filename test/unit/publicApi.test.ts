import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core.js';
import * as api from '../../src/index.js';

// The names DESIGN.md's "Public API" fixes, plus the deliberate additions documented in docs/.
// A new export must be added here on purpose; an internal leaking out fails this test.
const CORE_VALUES = [
  'BookingsApiError',
  'CalApiError',
  'CalBookingOrSeriesSchema',
  'CalBookingSchema',
  'CalBookingsPageSchema',
  'CalConfigSchema',
  'CalEventTypeSchema',
  'CalMeSchema',
  'CalSlotsSchema',
  'CalTokenRefreshRequestSchema',
  'CalTokenRefreshResponseSchema',
  'CalUserSchema',
  'bookingsKeys',
  'calApiKeys',
  'calBookingFormFields',
  'calBookingInputProblem',
  'calBookingQueryOptions',
  'calBookingsQueryOptions',
  'calConfigQueryOptions',
  'calEventTypesQueryOptions',
  'calMeQueryOptions',
  'calSlotsQueryOptions',
  'calUserQueryOptions',
  'createBookingsClient',
  'createBookingsSession',
  'createCalApi',
  'createCalTokenManager',
  'getCalApi',
  'initialCalBookingFlowState',
  'isBookingsApiError',
  'isCalApiError',
  'isCalSlotTakenError',
  'toCalBookingFormValues',
  'toCalCreateBookingInput',
  'toCalRescheduleBookingInput',
  'transitionCalBookingFlow',
  'validateCalBookingField',
  'validateCalBookingForm',
];

const REACT_VALUES = [
  'BookingsErrorMessage',
  'BookingsLabelsProvider',
  'BookingsProvider',
  'CalBooker',
  'CalBookingConfirmation',
  'CalBookingForm',
  'CalBookingsList',
  'CalConnectButton',
  'CalEventTypeList',
  'CalSlotPicker',
  'CalTokenGate',
  'CalTokenStatus',
  'CalUserCard',
  'defaultBookingsLabels',
  'formatTimeUntil',
  'toIcs',
  'useBookingsClient',
  'useBookingsIdentity',
  'useBookingsLabels',
  'useBookingsSession',
  'useCalAccessToken',
  'useCalApi',
  'useCalBooking',
  'useCalBookingFlow',
  'useCalBookingForm',
  'useCalBookings',
  'useCalBookingsList',
  'useCalConfig',
  'useCalEventTypes',
  'useCalMe',
  'useCalSlotPicker',
  'useCalSlots',
  'useCalToken',
  'useCalUser',
  'useCancelCalBooking',
  'useCreateCalBooking',
  'useRefreshCalToken',
  'useRescheduleCalBooking',
];

describe('public surface', () => {
  it('/core exports exactly the framework-free names', () => {
    expect(Object.keys(core).sort()).toEqual([...CORE_VALUES].sort());
  });

  it('the main entry exports the core names and the React names, the same objects', () => {
    expect(Object.keys(api).sort()).toEqual([...CORE_VALUES, ...REACT_VALUES].sort());
    const exported = new Map<string, unknown>(Object.entries(api));
    for (const [name, value] of Object.entries(core)) expect(exported.get(name)).toBe(value);
  });

  it('exports hooks and factories as functions', () => {
    const exported = new Map<string, unknown>(Object.entries(api));
    for (const name of [...CORE_VALUES, ...REACT_VALUES].filter(
      (n) => /^(use|create|is|cal)/.test(n) && !n.endsWith('Keys'),
    )) {
      expect({ name, type: typeof exported.get(name) }).toEqual({ name, type: 'function' });
    }
  });
});

/** Runtime (non-type) import specifiers of a source file. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(
    (match) => match[1] ?? '',
  );
}

describe('layers', () => {
  const src = join(import.meta.dirname, '../../src');
  // Each layer may import only the ones below it (DESIGN.md "Layers"); none of these imports React.
  const below: Record<string, string[]> = {
    time: ['time'],
    client: ['client'],
    token: ['client', 'token'],
    calapi: ['client', 'token', 'calapi'],
    booking: ['client', 'time', 'token', 'calapi', 'booking'],
    session: ['client', 'token', 'calapi', 'session'],
  };
  const files = Object.keys(below).flatMap((layer) => {
    let names: string[] = [];
    try {
      names = readdirSync(join(src, layer)).filter((name) => /\.tsx?$/.test(name));
    } catch {
      // a layer that does not exist yet
    }
    return names.map((name) => [layer, name] as const);
  });

  it.each(files)('%s/%s imports no React and no higher layer at runtime', (layer, name) => {
    for (const specifier of runtimeImports(join(src, layer, name))) {
      if (!specifier.startsWith('.')) {
        expect(specifier).toMatch(/^zod\/mini$/);
        continue;
      }
      const target = specifier.startsWith('./') ? layer : specifier.split('/')[1];
      expect(below[layer]).toContain(target);
    }
  });

  it('only the React bundle carries the directive', () => {
    expect(readFileSync(join(src, 'react.ts'), 'utf8').split('\n', 1)[0]).toBe("'use client';");
    for (const entry of ['core.ts', 'index.ts']) {
      expect(readFileSync(join(src, entry), 'utf8')).not.toMatch(/^['"]use client['"];?$/m);
    }
  });
});
