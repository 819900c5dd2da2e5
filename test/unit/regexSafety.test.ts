// No pattern in src/ can backtrack for long on hostile input: each regex literal is checked for
// exponential or polynomial backtracking (ReDoS) by a checker, not timed. A `new RegExp(...)` is
// refused outright, so that every pattern stays a literal this test can read.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'oxc-parser';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

interface Found {
  file: string;
  pattern: string;
  flags: string;
}

/** Every regex literal of a file, and every `RegExp` call or construction (which is refused). */
function patternsOf(file: string): { literals: Found[]; constructed: string[] } {
  const code = readFileSync(file, 'utf8');
  const { program, errors } = parseSync(file, code);
  if (errors.length > 0) throw new Error(`${file}: ${errors[0]?.message}`);
  const literals: Found[] = [];
  const constructed: string[] = [];
  const name = relative(ROOT, file);
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    const value = node as Record<string, unknown> & {
      type?: string;
      regex?: { pattern: string; flags: string };
      callee?: { type?: string; name?: string };
    };
    if (value.type === 'Literal' && value.regex) {
      literals.push({ file: name, pattern: value.regex.pattern, flags: value.regex.flags });
    }
    if (
      (value.type === 'NewExpression' || value.type === 'CallExpression') &&
      value.callee?.type === 'Identifier' &&
      value.callee.name === 'RegExp'
    ) {
      constructed.push(name);
    }
    for (const key of Object.keys(value)) walk(value[key]);
  };
  walk(program);
  return { literals, constructed };
}

const files = sources(join(ROOT, 'src'));
const found = files.map(patternsOf);
const literals = found.flatMap((entry) => entry.literals);

describe('regular expressions in src/', () => {
  it('are all literals (no RegExp built from strings)', () => {
    expect(found.flatMap((entry) => entry.constructed)).toEqual([]);
    expect(literals.length).toBeGreaterThan(20);
  });

  it('run in linear time on any input (no exponential or polynomial backtracking)', () => {
    const unsafe = literals
      .map((literal) => ({ ...literal, result: checkSync(literal.pattern, literal.flags) }))
      .filter(({ result }) => result.status !== 'safe')
      .map(({ file, pattern, result }) => `${file}: /${pattern}/ is ${result.status}`);
    expect(unsafe).toEqual([]);
  }, 60_000);

  it('the checker does catch a backtracking pattern (the sandbox’s old e-mail check)', () => {
    expect(checkSync('^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', '').status).toBe('vulnerable');
  });
});
