// `npm run typecheck` (after the repository's own tsc): type-checks every ```ts / ```tsx code block of
// README.md and docs/**/*.md against the built package, as a host app would see it.
//
// Each block becomes one module in node_modules/.cache/docs-code-*/blocks/, named after its Markdown
// file and line; `@aisquare/bookings-react` (and /core, /testing, /sandbox) resolve through the
// package's `exports` to dist/*.d.ts (a symlink to this repository), the peers (react,
// @tanstack/react-query, zod, msw) from this repository's node_modules. One tsc program checks them
// all; an error is printed as `README.md:57:3 TS2304 Cannot find name …`.
//
// A block may declare what it leaves out (`declare const jwt: string;`). A deliberately partial
// snippet opts out with its fence's info string: ```tsx no-check.
//
// Options: --no-build (use dist/ as it is), --keep (leave the temporary project for inspection),
// and Markdown files to check instead of README.md + docs/**/*.md.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from '../bench/lib/build.js';

const ROOT = resolve(import.meta.dirname, '..');
const PACKAGE_NAME = '@aisquare/bookings-react';
/** Fence languages that are type-checked, and the extension their module gets. */
const CHECKED_LANGUAGES: Readonly<Record<string, 'ts' | 'tsx'>> = {
  ts: 'ts',
  typescript: 'ts',
  mts: 'ts',
  tsx: 'tsx',
};
/** The info-string word that opts a block out. */
export const NO_CHECK = 'no-check';

export interface CodeBlock {
  /** The Markdown file, relative to the repository root, with `/` separators. */
  file: string;
  /** 1-based line of the block's first code line (the line after the opening fence). */
  line: number;
  /** The fence's language (first word of the info string), lower-cased; '' when there is none. */
  lang: string;
  /** The whole info string, e.g. `tsx no-check`. */
  info: string;
  /** The code, with the fence's indentation removed; ends without a trailing newline. */
  code: string;
}

const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * Every fenced code block of a Markdown text (CommonMark fences: ``` or ~~~, three or more, indented
 * by up to three spaces; the closing fence is the same character, at least as long, with nothing
 * after it). An unclosed fence runs to the end of the text, as in CommonMark.
 */
export function extractCodeBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING_FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', rest = ''] = open;
    const info = rest.trim();
    // A backtick fence's info string may not contain a backtick (that is inline code).
    if (fence.startsWith('`') && info.includes('`')) continue;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const text = lines[j] ?? '';
      if (closing.test(text)) break;
      body.push(stripIndent(text, indent.length));
    }
    blocks.push({
      file,
      line: i + 2,
      lang: (info.split(/\s+/, 1)[0] ?? '').toLowerCase(),
      info,
      code: body.join('\n'),
    });
    i = j;
  }
  return blocks;
}

/** Removes up to `width` leading spaces, as CommonMark does for the lines of an indented fence. */
function stripIndent(text: string, width: number): string {
  let n = 0;
  while (n < width && text[n] === ' ') n++;
  return text.slice(n);
}

/** The module extension a block is checked as, or null for a block that is not TypeScript. */
export function checkedExtension(block: CodeBlock): 'ts' | 'tsx' | null {
  return CHECKED_LANGUAGES[block.lang] ?? null;
}

/** True for a TypeScript block whose info string carries `no-check`. */
export function isOptedOut(block: CodeBlock): boolean {
  return block.info.split(/\s+/).slice(1).includes(NO_CHECK);
}

/** Splits blocks into the ones to check and the opted-out ones; other languages are dropped. */
export function selectBlocks(blocks: readonly CodeBlock[]): {
  checked: CodeBlock[];
  skipped: CodeBlock[];
} {
  const typescript = blocks.filter((b) => checkedExtension(b) !== null);
  return {
    checked: typescript.filter((b) => !isOptedOut(b)),
    skipped: typescript.filter(isOptedOut),
  };
}

/** `docs/cal-api.md` line 16, tsx → `docs__cal-api.md.L16.tsx`: the error names its origin. */
export function moduleFileName(block: CodeBlock): string {
  const ext = checkedExtension(block) ?? 'ts';
  return `${block.file.replaceAll('/', '__')}.L${block.line}.${ext}`;
}

export interface Diagnostic {
  /** Markdown file, or the path tsc printed when it is not a block's module. */
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

const TSC_LINE = /^(.+?)\((\d+),(\d+)\): (?:error|warning) (TS\d+): (.*)$/;

/**
 * Parses `tsc --pretty false` output and maps each diagnostic in a block's module back to the
 * Markdown line (the module is the block verbatim, so module line n is Markdown line block.line+n-1).
 * Continuation lines (indented) are appended to the message. Lines that are not diagnostics (a
 * config error without a position) become a diagnostic with line 0.
 */
export function mapTscOutput(output: string, blocks: readonly CodeBlock[]): Diagnostic[] {
  const byModule = new Map(blocks.map((b) => [moduleFileName(b), b]));
  const diagnostics: Diagnostic[] = [];
  for (const raw of output.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const match = TSC_LINE.exec(raw);
    if (match) {
      const [, path = '', line = '0', column = '0', code = '', message = ''] = match;
      const block = byModule.get(path.replaceAll('\\', '/').split('/').pop() ?? '');
      diagnostics.push({
        file: block ? block.file : path,
        line: block ? block.line + Number(line) - 1 : Number(line),
        column: Number(column),
        code,
        message,
      });
    } else if (/^\s/.test(raw) && diagnostics.length > 0) {
      const last = diagnostics[diagnostics.length - 1]!;
      last.message += `\n    ${raw.trim()}`;
    } else {
      diagnostics.push({ file: '', line: 0, column: 0, code: '', message: raw.trim() });
    }
  }
  return diagnostics;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file || 'tsc';
  return `${where} ${d.code ? `${d.code} ` : ''}${d.message}`;
}

/** README.md, then docs/**\/*.md in path order (relative to `root`, `/` separators). */
export function findMarkdownFiles(root: string): string[] {
  const files: string[] = [];
  if (existsSync(join(root, 'README.md'))) files.push('README.md');
  const walk = (dir: string) => {
    if (!existsSync(join(root, dir))) return;
    const entries = readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  return files;
}

/** Writes the temporary project (tsconfig, one module per block, the package symlink). */
function writeProject(dir: string, blocks: readonly CodeBlock[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'blocks'), { recursive: true });
  // The package by name, through its `exports`: a symlink to this repository. tsc follows it to the
  // real path, so the declarations' own imports (react, zod…) resolve from this repository.
  const scope = join(dir, 'node_modules', ...PACKAGE_NAME.split('/').slice(0, -1));
  mkdirSync(scope, { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', PACKAGE_NAME), 'dir');
  for (const block of blocks) {
    writeFileSync(join(dir, 'blocks', moduleFileName(block)), `${block.code}\n`);
  }
  // What a host app's bundler types provide: Vite's client types (`import.meta.env`, CSS imports), as
  // a Vite app's `vite-env.d.ts` has them, and CSS side-effect imports for any other bundler.
  writeFileSync(
    join(dir, 'host-env.d.ts'),
    '/// <reference types="vite/client" />\ndeclare module \'*.css\';\n',
  );
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      // Every block is its own module, with or without imports: `declare const jwt` in two blocks
      // does not collide.
      moduleDetection: 'force',
      jsx: 'react-jsx',
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      // The package's declarations are checked by the build; here only the blocks are.
      skipLibCheck: true,
      resolveJsonModule: true,
      // Server-side examples (route handlers, SSR) may use Node's globals.
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      noEmit: true,
      // Snippets show one thing each: an unused import or local is not an error here.
      noUnusedLocals: false,
      noUnusedParameters: false,
    },
    files: ['host-env.d.ts', ...blocks.map((b) => `blocks/${moduleFileName(b)}`)],
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
}

function runTsc(projectDir: string): { ok: boolean; output: string } {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    const output = execFileSync(
      process.execPath,
      [tsc, '-p', join(projectDir, 'tsconfig.json'), '--pretty', 'false'],
      { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; status?: number | null };
    if (e.status === undefined || e.status === null) throw error;
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * One tsc program for all blocks. tsc reports no semantic errors while any file has a syntax error,
 * so the blocks that failed are left out and the rest checked again, until a run is clean (a few
 * runs at most: the second one reports every semantic error at once).
 */
function checkBlocks(projectDir: string, blocks: readonly CodeBlock[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let remaining = [...blocks];
  for (let run = 0; run < 5 && remaining.length > 0; run++) {
    writeProject(projectDir, remaining);
    const { ok, output } = runTsc(projectDir);
    const found = mapTscOutput(output, remaining);
    if (!ok && found.length === 0) {
      found.push({ file: '', line: 0, column: 0, code: '', message: 'tsc failed without output' });
    }
    diagnostics.push(...found);
    const failing = remaining.filter((b) => found.some((d) => blockOf(d, [b])));
    // A diagnostic outside the blocks (the config, a declaration file) ends the loop: rerunning
    // would only repeat it.
    if (failing.length === 0) break;
    remaining = remaining.filter((b) => !failing.includes(b));
  }
  // In Markdown order: by the block's position in the list, then line and column.
  const order = (d: Diagnostic) => {
    const block = blockOf(d, blocks);
    return block ? blocks.indexOf(block) : -1;
  };
  return diagnostics.sort((a, b) => order(a) - order(b) || a.line - b.line || a.column - b.column);
}

/** The block a (mapped) diagnostic falls in, if any. */
export function blockOf(d: Diagnostic, blocks: readonly CodeBlock[]): CodeBlock | undefined {
  return blocks.find(
    (b) => b.file === d.file && d.line >= b.line && d.line < b.line + b.code.split('\n').length + 1,
  );
}

function main(argv: readonly string[]): number {
  const build = !argv.includes('--no-build');
  const keep = argv.includes('--keep');
  const explicit = argv.filter((a) => !a.startsWith('--'));
  const files =
    explicit.length > 0
      ? explicit.map((f) => relative(ROOT, resolve(f)).replaceAll('\\', '/'))
      : findMarkdownFiles(ROOT);
  const all = files.flatMap((file) =>
    extractCodeBlocks(readFileSync(join(ROOT, file), 'utf8'), file),
  );
  const { checked, skipped } = selectBlocks(all);
  const summary = `${checked.length} ts/tsx block(s) checked, ${skipped.length} skipped (${NO_CHECK}) in ${files.length} file(s)`;
  if (checked.length === 0) {
    console.log(`docs code: ${summary}`);
    return 0;
  }
  if (build) {
    // ensureBuild logs to stderr; the declarations come from the same `npm run build`.
    ensureBuild(ROOT);
  }
  const missing = ['index', 'core', 'testing/index', 'sandbox/index'].filter(
    (entry) => !existsSync(join(ROOT, 'dist', `${entry}.d.ts`)),
  );
  if (missing.length > 0) {
    console.error(
      `docs code: dist/ lacks ${missing.map((m) => `${m}.d.ts`).join(', ')}; run npm run build`,
    );
    return 1;
  }
  // One directory per run: engineers sharing a working tree may type-check at the same time.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const projectDir = mkdtempSync(join(cache, 'docs-code-'));
  const started = performance.now();
  let diagnostics: Diagnostic[];
  try {
    diagnostics = checkBlocks(projectDir, checked);
  } finally {
    if (keep) console.error(`docs code: project kept in ${relative(ROOT, projectDir)}`);
    else rmSync(projectDir, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (diagnostics.length === 0) {
    console.log(`docs code: ${summary}; all compile (tsc ${seconds} s)`);
    return 0;
  }
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const failing = new Set(
    diagnostics.map((d) => {
      const block = blockOf(d, checked);
      return block ? `${block.file}:${block.line}` : d.file || 'tsc';
    }),
  );
  console.error(
    `docs code: ${summary}; ${failing.size} block(s) do not compile (${diagnostics.length} error(s)). ` +
      `Fix the block, declare what it leaves out (declare const jwt: string;), or mark a deliberately partial snippet \`\`\`tsx ${NO_CHECK}.`,
  );
  return 1;
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  process.exitCode = main(process.argv.slice(2));
}
