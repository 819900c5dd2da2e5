// The public surface is the entry files: each lists its names by name, values and types apart (see
// scripts/publicSurface.mjs). These tests check that what the modules really export is exactly that
// list, and pin the list in a snapshot, so that a new or lost name shows in review as a snapshot diff
// (`npx vitest run -u test/unit/publicApi.test.ts` after a deliberate change).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PublicName, publicSurface } from '../../scripts/publicSurface.mjs';
import * as core from '../../src/core.js';
import * as api from '../../src/index.js';
import * as sandbox from '../../src/sandbox/index.js';
import * as testing from '../../src/testing/index.js';

const surface = publicSurface(join(import.meta.dirname, '../..'));
const valueNames = (names: readonly PublicName[]) =>
  names.filter((n) => !n.type).map((n) => n.name);
const sorted = (names: readonly string[]) => [...names].sort();

describe('public surface', () => {
  it.each([
    ['/core', core, surface.core],
    ['/testing', testing, surface.testing],
    ['/sandbox', sandbox, surface.sandbox],
  ] as const)(
    '%s exports at run time exactly the values its entry file lists',
    (_, module, names) => {
      expect(sorted(Object.keys(module))).toEqual(sorted(valueNames(names)));
    },
  );

  it('the main entry exports the core names and the React names, the same objects', () => {
    expect(sorted(Object.keys(api))).toEqual(
      sorted([...valueNames(surface.core), ...valueNames(surface.react)]),
    );
    const exported = new Map<string, unknown>(Object.entries(api));
    for (const [name, value] of Object.entries(core)) expect(exported.get(name)).toBe(value);
  });

  it('lists each name once per entry and under a group in the two main ones', () => {
    for (const names of Object.values(surface)) {
      const all = names.map((n) => n.name);
      expect(all.filter((name, index) => all.indexOf(name) !== index)).toEqual([]);
    }
    for (const n of [...surface.core, ...surface.react]) {
      expect({ name: n.name, grouped: n.group !== '' }).toEqual({ name: n.name, grouped: true });
    }
  });

  it('uses only the groups the size rows read (a misspelt heading would drop names from them)', () => {
    // bench/size.ts and .size-limit.mjs measure [core], [react], [components], [cal] and [flow];
    // [booking] holds the flow's parts, which the booking row measures through CalBooker.
    const groups = (names: readonly PublicName[]) =>
      sorted([...new Set(names.map((n) => n.group))]);
    expect(groups(surface.core)).toEqual(['booking', 'cal', 'core']);
    expect(groups(surface.react)).toEqual(['booking', 'cal', 'components', 'flow', 'react']);
  });

  it('exports hooks and factories as functions', () => {
    const exported = new Map<string, unknown>(Object.entries(api));
    for (const name of [...valueNames(surface.core), ...valueNames(surface.react)].filter(
      (n) => /^(use|create|is|cal|to|validate|transition|initial)/.test(n) && !n.endsWith('Keys'),
    )) {
      expect({ name, type: typeof exported.get(name) }).toEqual({ name, type: 'function' });
    }
  });

  it('is the reviewed list (values and types, by entry and group)', () => {
    const listing = Object.fromEntries(
      Object.entries(surface).map(([entry, names]) => [
        entry,
        sorted(
          names.map((n) => `${n.group ? `[${n.group}] ` : ''}${n.type ? 'type ' : ''}${n.name}`),
        ),
      ]),
    );
    expect(listing).toMatchSnapshot();
  });
});
