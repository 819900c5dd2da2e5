// Bundle sizes: what a host's bundler ships for our names, min + gzip, with the peers external.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ensureBuild } from './lib/build.js';
import { type BenchRow, failedRow, formatKb } from './lib/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIST_ENTRY = join(ROOT, 'dist', 'index.js');
const DIST_CORE = join(ROOT, 'dist', 'core.js');
const COMPONENTS_SOURCE = join(ROOT, 'src', 'components', 'index.ts');
/** The Cal.com API v2 layer: its client, keys, query options and hooks (measured on top of main). */
const CAL_SOURCES = [
  'src/calapi/createCalApi.ts',
  'src/calapi/errors.ts',
  'src/calapi/schemas.ts',
  'src/session/calApiKeys.ts',
  'src/session/calApiQueryOptions.ts',
  'src/session/getCalApi.ts',
  'src/react/useCalApi.ts',
  'src/react/useCalQueries.ts',
  'src/react/useCalSlots.ts',
  'src/react/useCalBookingMutations.ts',
].map((file) => join(ROOT, file));
const PEERS = ['react', 'react-dom', '@tanstack/react-query', 'zod', 'msw'];

// Budgets relative to TanStack Query's react entry, measured in the same run: a host already ships it,
// so the ratio does not drift with the bundler. The target is 0.5x and is not met: the provider, hooks,
// session, client and token manager measured 8,915 B = 0.645x (react-query 13,823 B), and what is left
// is required behaviour (cross-tab sharing alone costs ~680 B, response validation ~270 B, the streamed
// body cap ~180 B, abort/time-out ~150 B, redaction ~130 B, identity learning ~125 B). The gate is that
// figure plus a small margin, so growth shows up; the target stays printed as not met.
export const MAIN_RATIO_TARGET = 0.5;
export const MAIN_RATIO_BUDGET = 0.66;
export const CORE_RATIO_BUDGET = 0.65;
export const COMPONENTS_BUDGET_BYTES = 4_000;
export const CAL_BUDGET_BYTES = 5_000;

interface Bundle {
  minified: number;
  gzipped: number;
}

/** Bundles `code` like a host's production build would, and gzips it at level 9. */
async function bundle(code: string, external: string[]): Promise<Bundle> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js', sourcefile: 'bench-entry.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    // esbuild marks a package's subpaths external too (react/jsx-runtime, zod/mini).
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return {
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
  };
}

/** The value names a module exports, read from esbuild's metafile. */
async function exportNames(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    external: PEERS,
    metafile: true,
    write: false,
    outdir: join(ROOT, 'node_modules', '.cache', 'bench-exports'),
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) throw new Error(`no output for ${entry}`);
  return [...output.exports].sort();
}

/**
 * Compares the names in package.json's `size-limit` `import` entries (main, then main + components)
 * with the names the bench found; returns what differs, or `null`.
 */
function sizeLimitDrift(expected: readonly (readonly string[])[]): string | null {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    'size-limit'?: { import?: string }[];
  };
  const entries = pkg['size-limit'] ?? [];
  const problems: string[] = [];
  expected.forEach((names, index) => {
    const listed = (entries[index]?.import ?? '')
      .replace(/[{}]/g, '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const missing = names.filter((name) => !listed.includes(name));
    const extra = listed.filter((name) => !names.includes(name));
    if (missing.length > 0) problems.push(`entry ${index + 1} lacks ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`entry ${index + 1} has unknown ${extra.join(', ')}`);
  });
  return problems.length > 0 ? problems.join('; ') : null;
}

function reexport(names: readonly string[], from: string): string {
  return `export { ${names.join(', ')} } from ${JSON.stringify(from)};\n`;
}

export async function measure(): Promise<BenchRow[]> {
  const { rebuilt } = ensureBuild(ROOT);
  const built = rebuilt ? 'after npm run build, ' : '';
  const rows: BenchRow[] = [];
  const distNames = await exportNames(DIST_ENTRY);
  const componentSourceNames = existsSync(COMPONENTS_SOURCE)
    ? await exportNames(COMPONENTS_SOURCE)
    : [];
  const componentNames = distNames.filter((name) => componentSourceNames.includes(name));
  const calSourceNames = (await Promise.all(CAL_SOURCES.map(exportNames))).flat();
  const calNames = distNames.filter((name) => calSourceNames.includes(name));
  const mainNames = distNames.filter(
    (name) => !componentSourceNames.includes(name) && !calNames.includes(name),
  );
  const how = `${built}esbuild bundle+minify+tree-shake of \`export {…}\` from dist/index.js, peers external, gzip -9`;

  const drift = sizeLimitDrift([
    mainNames,
    [...mainNames, ...componentNames],
    [...mainNames, ...calNames],
  ]);
  if (drift) console.error(`[bench] package.json "size-limit" is out of date: ${drift}`);

  // The reference first: the main entry's budget is a ratio to it.
  const query = await bundle("export * from '@tanstack/react-query';\n", ['react', 'react-dom']);
  rows.push({
    id: 'size.reactQuery',
    row: 'Bundle: @tanstack/react-query entry (reference)',
    figure: formatKb(query.gzipped),
    value: query.gzipped,
    budget: 'reference',
    pass: null,
    method: '`export * from` its entry, same bundling, react/react-dom external',
    details: { ...query },
  });

  const main = await bundle(reexport(mainNames, DIST_ENTRY), PEERS);
  const mainRatio = main.gzipped / query.gzipped;
  rows.push({
    id: 'size.main',
    row: 'Bundle: main entry (provider, hooks, session, client, schemas)',
    figure: `${formatKb(main.gzipped)} (${mainRatio.toFixed(2)}× react-query)`,
    value: main.gzipped,
    budget: `≤ ${MAIN_RATIO_BUDGET}× react-query (${formatKb(query.gzipped * MAIN_RATIO_BUDGET)}); target ${MAIN_RATIO_TARGET}×: ${mainRatio <= MAIN_RATIO_TARGET ? 'met' : 'not met'}`,
    pass: mainRatio <= MAIN_RATIO_BUDGET,
    method: `${how}, process.env.NODE_ENV defined as "production" (dev-only warnings dropped, as in a host's production build); ${mainNames.length} names, min ${formatKb(main.minified)}${drift ? `; size-limit names out of date: ${drift}` : ''}`,
    details: { ...main, ratio: mainRatio, names: mainNames },
  });

  const coreNames = (await exportNames(DIST_CORE)).filter((name) => !calNames.includes(name));
  const core = await bundle(reexport(coreNames, DIST_CORE), PEERS);
  const coreRatio = core.gzipped / query.gzipped;
  rows.push({
    id: 'size.core',
    row: 'Bundle: /core entry (client, token manager, session; no React)',
    figure: `${formatKb(core.gzipped)} (${coreRatio.toFixed(2)}× react-query)`,
    value: core.gzipped,
    budget: `≤ ${CORE_RATIO_BUDGET}× react-query (${formatKb(query.gzipped * CORE_RATIO_BUDGET)})`,
    pass: coreRatio <= CORE_RATIO_BUDGET,
    method: `same bundling of \`export {…}\` from dist/core.js without the Cal.com names (their own row); ${coreNames.length} names, min ${formatKb(core.minified)}`,
    details: { ...core, ratio: coreRatio, names: coreNames },
  });

  const componentsRow = 'Bundle: components (added on top of main)';
  if (componentNames.length === 0) {
    rows.push(
      failedRow(
        'size.components',
        componentsRow,
        `≤ ${formatKb(COMPONENTS_BUDGET_BYTES)}`,
        new Error('no component is exported from dist/index.js (src/components/index.ts names)'),
      ),
    );
  } else {
    const withComponents = await bundle(
      reexport([...mainNames, ...componentNames], DIST_ENTRY),
      PEERS,
    );
    const added = withComponents.gzipped - main.gzipped;
    rows.push({
      id: 'size.components',
      row: componentsRow,
      figure: formatKb(added),
      value: added,
      budget: `≤ ${formatKb(COMPONENTS_BUDGET_BYTES)}`,
      pass: added <= COMPONENTS_BUDGET_BYTES,
      method: `(main + ${componentNames.length} component names) − main, same bundling; together ${formatKb(withComponents.gzipped)}`,
      details: { added, together: withComponents, names: componentNames },
    });
  }

  const withCal = await bundle(reexport([...mainNames, ...calNames], DIST_ENTRY), PEERS);
  const calAdded = withCal.gzipped - main.gzipped;
  rows.push({
    id: 'size.calApi',
    row: 'Bundle: Cal.com API v2 client + hooks (added on top of main)',
    figure: formatKb(calAdded),
    value: calAdded,
    budget: `≤ ${formatKb(CAL_BUDGET_BYTES)}`,
    pass: calAdded <= CAL_BUDGET_BYTES,
    method: `(main + ${calNames.length} Cal.com names: createCalApi, getCalApi, errors, schemas, calApiKeys, query options, hooks) − main, same bundling; together ${formatKb(withCal.gzipped)}`,
    details: { added: calAdded, together: withCal, names: calNames },
  });

  const zodInlined = await bundle(
    reexport(mainNames, DIST_ENTRY),
    PEERS.filter((peer) => peer !== 'zod'),
  );
  const zodCost = zodInlined.gzipped - main.gzipped;
  rows.push({
    id: 'size.zod',
    row: 'Bundle: zod/mini import cost (host without zod)',
    figure: formatKb(zodCost),
    value: zodCost,
    budget: 'info',
    pass: null,
    method: `main with zod inlined (${formatKb(zodInlined.gzipped)}) − main with zod external`,
    details: { zodInlined, zodExternal: main },
  });
  return rows;
}
