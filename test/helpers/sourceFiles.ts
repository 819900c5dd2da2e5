// Reading src/ as the structure tests do: its files, their syntax trees, and a walk over a tree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'oxc-parser';

/** Every `.ts` and `.tsx` file below `dir`, at any depth. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A file's text and syntax tree; throws on its first syntax error. */
export function parseSource(file: string): { code: string; program: unknown } {
  const code = readFileSync(file, 'utf8');
  const { program, errors } = parseSync(file, code);
  if (errors.length > 0) throw new Error(`${file}: ${errors[0]?.message}`);
  return { code, program };
}

/**
 * Visits every node of a syntax tree, a node before its children; what `visit` returns for a node
 * is the `context` its children get (e.g. the name of the function around them).
 */
export function walkTree<C>(
  node: unknown,
  context: C,
  visit: (node: Record<string, unknown>, context: C) => C,
): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walkTree(child, context, visit);
    return;
  }
  const value = node as Record<string, unknown>;
  const inner = visit(value, context);
  for (const key of Object.keys(value)) walkTree(value[key], inner, visit);
}
