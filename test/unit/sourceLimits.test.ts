// The size limits issue 19 set for a reader: no function or hook in src/ over 150 lines (the
// sandbox's route table aside, a flat list of routes), and no file in src/components/ over 300 lines.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource, sourceFiles, walkTree } from '../helpers/sourceFiles.js';

const SRC = join(import.meta.dirname, '../../src');
const MAX_FUNCTION_LINES = 150;
const MAX_COMPONENT_FILE_LINES = 300;
/** `file:function` allowed over the limit: a table of routes reads best as one list. */
const EXEMPT = new Set<string>([]);

/** Every function of a file longer than the limit, as `file:name (lines)`. */
function longFunctions(file: string): string[] {
  const { code, program } = parseSource(file);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const name = relative(SRC, file);
  const found: string[] = [];
  walkTree(program, '(anonymous)', (node, around) => {
    const value = node as Record<string, unknown> & {
      type?: string;
      start?: number;
      end?: number;
      id?: { name?: string } | null;
      key?: { name?: string };
    };
    let label = around;
    if (value.type === 'VariableDeclarator' && value.id?.name) label = value.id.name;
    if ((value.type === 'Property' || value.type === 'MethodDefinition') && value.key?.name) {
      label = value.key.name;
    }
    if (
      (value.type === 'FunctionDeclaration' ||
        value.type === 'FunctionExpression' ||
        value.type === 'ArrowFunctionExpression') &&
      value.start !== undefined &&
      value.end !== undefined
    ) {
      label = value.id?.name ?? label;
      const lines = lineOf(value.end) - lineOf(value.start) + 1;
      const where = `${name}:${label}`;
      if (lines > MAX_FUNCTION_LINES && !EXEMPT.has(where)) found.push(`${where} (${lines} lines)`);
    }
    return label;
  });
  return found;
}

describe('source limits', () => {
  it(`has no function or hook over ${MAX_FUNCTION_LINES} lines in src/`, () => {
    expect(sourceFiles(SRC).flatMap(longFunctions)).toEqual([]);
  });

  it(`has no file over ${MAX_COMPONENT_FILE_LINES} lines in src/components/`, () => {
    const long = sourceFiles(join(SRC, 'components'))
      .map((file) => ({
        file: relative(SRC, file),
        lines: readFileSync(file, 'utf8').split('\n').length,
      }))
      .filter(({ lines }) => lines > MAX_COMPONENT_FILE_LINES);
    expect(long).toEqual([]);
  });
});
