import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as components from '../../../src/components/index.js';

const dir = join(import.meta.dirname, '../../../src/components');
const files = readdirSync(dir).filter((name) => /\.tsx?$/.test(name));

describe('src/components conventions', () => {
  it.each(files.filter((name) => name.endsWith('.tsx')))("%s starts with 'use client'", (name) => {
    expect(readFileSync(join(dir, name), 'utf8').split('\n', 1)[0]).toBe("'use client';");
  });

  it.each(files)(
    '%s imports only ../react, ../session, ../client, ../token and ./ modules, with .js',
    (name) => {
      const source = readFileSync(join(dir, name), 'utf8');
      const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
      for (const specifier of specifiers) {
        if (!specifier.startsWith('.')) {
          expect(['react', '@tanstack/react-query']).toContain(specifier);
          continue;
        }
        expect(specifier).toMatch(
          /^(\.\/(booking\/)?|\.\.\/(react|booking|session|client|token)\/)[\w.]+\.js$/,
        );
      }
    },
  );

  // The booking components sit one folder down: the same layers, plus type-only Cal.com types.
  const bookingDir = join(dir, 'booking');
  const bookingFiles = readdirSync(bookingDir).filter((name) => /\.tsx?$/.test(name));
  it.each(bookingFiles)(
    "booking/%s imports only the layers below, with .js (and a .tsx starts with 'use client')",
    (name) => {
      const source = readFileSync(join(bookingDir, name), 'utf8');
      if (name.endsWith('.tsx')) expect(source.split('\n', 1)[0]).toBe("'use client';");
      for (const match of source.matchAll(/^import (type )?[^;]*? from '([^']+)'/gms)) {
        const specifier = match[2] ?? '';
        if (!specifier.startsWith('.')) {
          expect(['react', '@tanstack/react-query', 'zod/mini']).toContain(specifier);
          continue;
        }
        const allowed = match[1]
          ? /^(\.\/|\.\.\/|\.\.\/\.\.\/(react|booking|session|client|token|calapi|time)\/)[\w.]+\.js$/
          : /^(\.\/|\.\.\/|\.\.\/\.\.\/(react|booking|session|client|token|time)\/)[\w.]+\.js$/;
        expect(specifier).toMatch(allowed);
      }
    },
  );

  it('the index exports every component', () => {
    expect(Object.keys(components).sort()).toEqual([
      'BookingsErrorMessage',
      'BookingsLabelsProvider',
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
      'useBookingsLabels',
      'useCalBookingForm',
      'useCalBookingsList',
      'useCalSlotPicker',
    ]);
  });

  it('styles.css targets every root class and is themed by --aisq-* variables', () => {
    const css = readFileSync(join(dir, '../styles.css'), 'utf8');
    for (const root of [
      'user-card',
      'connect-button',
      'token-status',
      'error-message',
      'bookings-list',
      'slot-picker',
      'booker',
      'event-types',
      'booking-form',
      'booking-confirmation',
    ]) {
      expect(css).toContain(`.aisq-${root}`);
    }
    expect(css).toContain('prefers-color-scheme: dark');
    expect(css).toMatch(/\[data-theme=["']dark["']\]/);
    expect(css).toMatch(/--aisq-color-accent:/);
  });
});
