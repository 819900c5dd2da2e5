// No pattern in src/ can backtrack for long on hostile input: each regex literal is checked for
// exponential or polynomial backtracking (ReDoS) by a checker, not timed. A `new RegExp(...)` is
// refused outright, so that every pattern stays a literal this test can read.
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { parseSource, sourceFiles, walkTree } from '../helpers/sourceFiles.js';

const ROOT = join(import.meta.dirname, '../..');

interface Found {
  file: string;
  pattern: string;
  flags: string;
}

/** Every regex literal of a file, and every `RegExp` call or construction (which is refused). */
function patternsOf(file: string): { literals: Found[]; constructed: string[] } {
  const literals: Found[] = [];
  const constructed: string[] = [];
  const name = relative(ROOT, file);
  walkTree(parseSource(file).program, undefined, (node) => {
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
    return undefined;
  });
  return { literals, constructed };
}

const files = sourceFiles(join(ROOT, 'src'));
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
