// The layer rule of docs/architecture.md, read from its table: every folder of src/ is a row, a row
// may import its own folder and the folders it names (each on an earlier row), and only the packages
// it names. Type imports count too: a type from a higher layer is still an upward dependency.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource, sourceFiles, walkTree } from '../helpers/sourceFiles.js';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const DOC = 'docs/architecture.md';

interface Row {
  folder: string;
  /** Folders it may import; `typesOnly` where only its types (`calapi/` (types) in the table). */
  imports: { name: string; typesOnly: boolean }[];
  /** Package specifiers; `node:*` stands for every Node built-in. */
  packages: { name: string; typesOnly: boolean }[];
}

/** The rows of the table under "## Layers", in their order (the bottom layer first). */
function layerTable(): Row[] {
  const text = readFileSync(join(ROOT, DOC), 'utf8');
  const section = text.slice(
    text.indexOf('## Layers\n'),
    text.indexOf('\n### ', text.indexOf('## Layers\n')),
  );
  return section
    .split('\n')
    .filter((line) => /^\| `\w+\/` /.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      const folder = (cells[1] ?? '').replace(/`|\//g, '');
      const imports = [...(cells[3] ?? '').matchAll(/`(\w+)\/`( \(types\))?/g)].map((m) => ({
        name: m[1] ?? '',
        typesOnly: Boolean(m[2]),
      }));
      const packages = [...(cells[4] ?? '').matchAll(/`([^`]+)`( \(types\))?/g)].map((m) => ({
        name: m[1] ?? '',
        typesOnly: Boolean(m[2]),
      }));
      return { folder, imports, packages };
    });
}

interface Import {
  specifier: string;
  typeOnly: boolean;
}

/** Every import and re-export of a file, static and `import('literal')`, with whether it is types only. */
function importsOf(file: string): Import[] {
  const found: Import[] = [];
  walkTree(parseSource(file).program, undefined, (node) => {
    const value = node as Record<string, unknown> & {
      type?: string;
      source?: { value?: unknown } | null;
      importKind?: string;
      exportKind?: string;
      specifiers?: { importKind?: string; exportKind?: string }[];
    };
    const source = value.source?.value;
    if (typeof source === 'string') {
      if (value.type === 'ImportDeclaration') {
        const specifiers = value.specifiers ?? [];
        const typeOnly =
          value.importKind === 'type' ||
          (specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type'));
        found.push({ specifier: source, typeOnly });
      } else if (value.type === 'ExportNamedDeclaration' || value.type === 'ExportAllDeclaration') {
        found.push({ specifier: source, typeOnly: value.exportKind === 'type' });
      } else if (value.type === 'TSImportType') {
        // `import('…').Name` in a type position.
        found.push({ specifier: source, typeOnly: true });
      } else {
        // `import('…')` and any other form that names a module: counted as a runtime import.
        found.push({ specifier: source, typeOnly: false });
      }
    }
    const reference = value.moduleReference as { expression?: { value?: unknown } } | undefined;
    if (
      value.type === 'TSImportEqualsDeclaration' &&
      typeof reference?.expression?.value === 'string'
    ) {
      // `import x = require('…')`.
      found.push({ specifier: reference.expression.value, typeOnly: value.importKind === 'type' });
    }
    return undefined;
  });
  return found;
}

const rows = layerTable();

describe(`layers (${DOC})`, () => {
  it('has a row for every folder of src/, and a folder for every row', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(rows.map((row) => row.folder).sort()).toEqual(folders);
  });

  it('holds only .ts and .tsx sources (and the stylesheet), which this test reads', () => {
    const others = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
      (name) => /\.[cm]?[jt]sx?$/.test(name) && !/\.tsx?$/.test(name),
    );
    expect(others).toEqual([]);
  });

  it('lets each row import only rows before it (no import runs upwards, no cycle)', () => {
    rows.forEach((row, index) => {
      const earlier = rows.slice(0, index).map((r) => r.folder);
      for (const { name } of row.imports) {
        expect({ row: row.folder, imports: name, earlier: earlier.includes(name) }).toEqual({
          row: row.folder,
          imports: name,
          earlier: true,
        });
      }
    });
  });

  const files = rows.flatMap((row) =>
    (existsSync(join(SRC, row.folder)) ? sourceFiles(join(SRC, row.folder)) : []).map(
      (file) => [relative(SRC, file), row] as const,
    ),
  );

  it.each(files)(
    '%s imports its own folder, the folders its row names and its packages only',
    (name, row) => {
      const file = join(SRC, name);
      for (const { specifier, typeOnly } of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = relative(SRC, resolve(dirname(file), specifier));
          const folder = target.includes(sep) ? target.split(sep)[0] : '(an entry file)';
          if (folder === row.folder) continue;
          const allowed = row.imports.some((r) => r.name === folder && (typeOnly || !r.typesOnly));
          expect({ specifier, typeOnly, allowed }).toEqual({ specifier, typeOnly, allowed: true });
          continue;
        }
        const allowed = row.packages.some(
          (p) =>
            (p.name === specifier || (p.name === 'node:*' && specifier.startsWith('node:'))) &&
            (typeOnly || !p.typesOnly),
        );
        expect({ specifier, typeOnly, allowed }).toEqual({ specifier, typeOnly, allowed: true });
      }
    },
  );

  it('has three entry files at the top, and only the React one carries the directive', () => {
    const entries = readdirSync(SRC)
      .filter((name) => /\.tsx?$/.test(name))
      .sort();
    expect(entries).toEqual(['core.ts', 'index.ts', 'reactEntry.ts']);
    expect(readFileSync(join(SRC, 'reactEntry.ts'), 'utf8').split('\n', 1)[0]).toBe(
      "'use client';",
    );
    for (const entry of ['core.ts', 'index.ts']) {
      expect(readFileSync(join(SRC, entry), 'utf8')).not.toMatch(/^['"]use client['"];?$/m);
    }
  });
});
