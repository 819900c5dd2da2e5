import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource, walkTree } from '../../helpers/sourceFiles.js';

// Which layers the components may import is checked with every other folder in test/unit/layers.test.ts.
const dir = join(import.meta.dirname, '../../../src/components');
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
  /\.tsx?$/.test(name),
);

describe('src/components conventions', () => {
  it.each(files.filter((name) => name.endsWith('.tsx')))("%s starts with 'use client'", (name) => {
    expect(readFileSync(join(dir, name), 'utf8').split('\n', 1)[0]).toBe("'use client';");
  });

  it.each(files)('%s imports relative modules by their .js name', (name) => {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const match of source.matchAll(/^(?:import|export) [^;]*? from '(\.[^']+)'/gms)) {
      expect({ file: relative(dir, join(dir, name)), specifier: match[1] }).toEqual({
        file: relative(dir, join(dir, name)),
        specifier: expect.stringMatching(/^\.\.?\/[\w./]+\.js$/),
      });
    }
  });

  // A per-item part may be a plain function called during render (`bookingsListItem(…)`): React
  // does not see it as a component, so a hook inside would run once per item, against the rules.
  it.each(files)('%s calls hooks only from components and hooks', (name) => {
    const calls: string[] = [];
    walkTree(parseSource(join(dir, name)).program, '', (node, around) => {
      const value = node as {
        type?: string;
        id?: { name?: string } | null;
        callee?: { name?: string };
      };
      const inside =
        value.type === 'FunctionDeclaration' && value.id?.name ? value.id.name : around;
      const callee = value.type === 'CallExpression' ? value.callee?.name : undefined;
      if (
        callee &&
        /^use[A-Z]/.test(callee) &&
        /^[a-z]/.test(inside) &&
        !/^use[A-Z]/.test(inside)
      ) {
        calls.push(`${inside} calls ${callee}`);
      }
      return inside;
    });
    expect(calls).toEqual([]);
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
