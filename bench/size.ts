// Bundle sizes: what a host's bundler ships for our names, min + gzip, with the peers external.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publicSurface, values } from '../scripts/publicSurface.mjs';
import { ensureBuild } from './lib/build.js';
import { type BenchRow, failedRow, formatKb } from './lib/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIST_ENTRY = join(ROOT, 'dist', 'index.js');
const DIST_CORE = join(ROOT, 'dist', 'core.js');
/**
 * Which names each row measures comes from the entry files' `// [group]` headings (src/core.ts,
 * src/reactEntry.ts): main is [core] and [react], /core is [core], components [components], Cal.com
 * [cal], the booking flow [flow].
 */
const SURFACE = publicSurface(ROOT);
const STYLES = join(ROOT, 'src', 'styles.css');
const PEERS = ['react', 'react-dom', '@tanstack/react-query', 'zod', 'msw'];

// Budgets relative to TanStack Query's react entry, measured in the same run: a host already ships it,
// so the ratio does not drift with the bundler. The target is 0.5x and is not met: the provider, hooks,
// session, client and token manager measured 8,915 B = 0.645x (react-query 13,823 B), and what is left
// is required behaviour (cross-tab sharing alone costs ~680 B, response validation ~270 B, the streamed
// body cap ~180 B, abort/time-out ~150 B, redaction ~130 B, identity learning ~125 B). Since then the
// transport shared with the Cal.com client (+~100 B) and scoping mutation results to their identity
// (no previous user's result rendered even once, ~200 B) took it to 9.12 kB = 0.66x, and refusing a
// JWT that is not a bearer token with a clear error (instead of a fetch TypeError read as a network
// fault and retried, ~95 B) to 9.26 kB = 0.67x. Issue 18's fixes took it to 9.79 kB = 0.71x: no secret
// in any field or cause of an error (the redaction walk, bounded and type-aware, ~300 B), a lone tab
// that asks the lock manager instead of timing the grant and timers that keep working under a host's
// fake timers (~200 B). The gate is that figure plus a small margin, so growth shows up; the target
// stays printed as not met.
export const MAIN_RATIO_TARGET = 0.5;
export const MAIN_RATIO_BUDGET = 0.72;
export const CORE_RATIO_BUDGET = 0.66;
/**
 * The components row counts every component's default labels, the booking flow's included: issue 20's
 * labels (seats, durations, locations, recurring, layouts, reservations, visitors) took it from 3.95 to
 * 4.52 kB. The gate is that figure plus a small margin, so growth shows up.
 */
export const COMPONENTS_BUDGET_BYTES = 4_600;
/**
 * Issue 20 added the slot reservations (four methods and their two schemas, ~0.2 kB) and a visitor's
 * client without a token source (~0.1 kB): 4.99 to 5.30 kB. The gate is that figure plus a margin.
 */
export const CAL_BUDGET_BYTES = 5_350;
/**
 * The booking flow (CalBooker, CalBookingsList and their hooks) on top of the main entry. The target
 * is 15 kB and is not met: the flow measures 22.36 kB. Its share by part (esbuild metafile bytes per
 * module, gzip apportioned): the Cal.com client and query layer it stands on 4.1 kB, CalSlotPicker
 * with its month grid, keyboard pattern and searchable zone selector 5.7, CalBookingsList with its
 * tabs, paging and cancel dialog 3.3, the flow's machine, hook and CalBooker 2.9, CalBookingForm 2.7,
 * the labels 2.0, CalBookingConfirmation with the RFC 5545 .ics 1.6, CalEventTypeList 0.5. Removing
 * every optional feature still leaves the flow above 15 kB. Issues 17 and 18 took it to 24.80 kB:
 * the booking form's caps (~0.5 kB), month switches without an Intl call per slot (~0.9 kB), the
 * recurring series (cancel the later occurrences, reschedule the next one; ~0.3 kB) and every label's
 * text isolated (~0.3 kB). Issue 20 asked for what real event types carry within 28 kB and it is not
 * met: the flow measures 32.78 kB. Each item's cost, measured alone on the same base (24.99 kB):
 * booking-page settings with the e-mail code step +1.72 kB, week and column layouts +1.66, recurring
 * events and the former time +1.17, durations and locations +1.29, seats and confirmation +0.79,
 * reservations +0.76, visitors +0.23. The gate is the measured figure plus a small margin, so growth
 * shows up; issue 20's 28 kB is printed as a second target, not met.
 */
export const BOOKING_TARGET_BYTES = 15_000;
export const BOOKING_ISSUE20_BYTES = 28_000;
export const BOOKING_BUDGET_BYTES = 33_000;
/**
 * @calcom/atoms' `<Booker>` inside `<CalProvider>`, min+gzip with the peers external, and its
 * stylesheet: 509.07 kB + 42.59 kB, measured on 2026-12-07 the same way (issue 18; issue 11's
 * rounder 490 + 18 kB is superseded). Not re-measured here (atoms is not a dependency).
 */
export const ATOMS_BOOKER_JS_BYTES = 509_070;
export const ATOMS_BOOKER_CSS_BYTES = 42_590;
/**
 * Issue 20 asked for the flow's JS a host ships (main, flow, zod) to be at most 1/12 of atoms' Booker
 * with its CSS; it is 1/10.9 with the issue's features (50.76 kB), so 1/12 is printed as a target, not
 * met, and the gate is the measured ratio with a small margin.
 */
export const ATOMS_RATIO_TARGET = 12;
export const ATOMS_RATIO_BUDGET = 10.8;

interface Bundle {
  minified: number;
  gzipped: number;
}

/** Bundles `code` like a host's production build would, and gzips it at level 9. */
async function bundle(code: string, external: string[]): Promise<Bundle> {
  const contents = await bundleBytes(code, external);
  return {
    minified: contents.byteLength,
    gzipped: gzipSync(contents, { level: 9 }).byteLength,
  };
}

/** The minified output itself. */
async function bundleBytes(code: string, external: string[]): Promise<Uint8Array> {
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
  return output.contents;
}

/** Quoted string literals of six characters or more, without quotes or escapes inside. */
function stringLiterals(file: string): Set<string> {
  const found = new Set<string>();
  for (const match of readFileSync(file, 'utf8').matchAll(
    /'([^'"`\\\n]{6,})'|"([^'"`\\\n]{6,})"/g,
  )) {
    found.add(match[1] ?? match[2] ?? '');
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(dir, file));
}

/**
 * The source modules a set of modules imports at run time (type imports bring no code), themselves
 * included: from the main row's names, what the main entry may contain.
 */
function reachable(starts: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = starts.map((file) => (existsSync(file) ? file : file.replace(/\.ts$/, '.tsx')));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(
      /^(?:import|export) (?!type )[^;]*? from '(\.[^']+)\.js'/gms,
    )) {
      const target = resolve(dirname(file), match[1] ?? '');
      queue.push(existsSync(`${target}.ts`) ? `${target}.ts` : `${target}.tsx`);
    }
  }
  return seen;
}

/**
 * The components' and the booking flow's own string literals (in no other source file) that the main
 * entry's bundle contains. dist/ puts every React module in one shared chunk, so a statement with a
 * side effect at a component module's top level (a `.split(' ')` call, say) lands in every host's
 * bundle, even one that renders no component; its strings show it.
 */
function leakedComponentStrings(mainOutput: string): string[] {
  const mainModules = reachable(
    [...SURFACE.core, ...SURFACE.react]
      .filter((n) => !n.type && (n.group === 'core' || n.group === 'react'))
      .map((n) => join(ROOT, 'src', `${n.from}.ts`)),
  );
  const componentOnly = new Set(
    sourceFiles(join(ROOT, 'src')).filter(
      (file) =>
        !mainModules.has(file) &&
        !file.startsWith(join(ROOT, 'src', 'fake')) &&
        !file.startsWith(join(ROOT, 'src', 'sandbox')) &&
        !file.startsWith(join(ROOT, 'src', 'testing')),
    ),
  );
  const elsewhere = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    if (!componentOnly.has(file)) for (const text of stringLiterals(file)) elsewhere.add(text);
  }
  const leaked = new Set<string>();
  for (const file of componentOnly) {
    for (const text of stringLiterals(file)) {
      if (elsewhere.has(text)) continue;
      if ([`"${text}"`, `'${text}'`, `\`${text}\``].some((quoted) => mainOutput.includes(quoted))) {
        leaked.add(text);
      }
    }
  }
  return [...leaked].sort();
}

function reexport(names: readonly string[], from: string): string {
  return `export { ${names.join(', ')} } from ${JSON.stringify(from)};\n`;
}

export async function measure(): Promise<BenchRow[]> {
  const { rebuilt } = ensureBuild(ROOT);
  const built = rebuilt ? 'after npm run build, ' : '';
  const rows: BenchRow[] = [];
  const coreNames = values(SURFACE.core, 'core');
  const mainNames = [...coreNames, ...values(SURFACE.react, 'react')];
  const componentNames = values(SURFACE.react, 'components');
  const calNames = [...values(SURFACE.core, 'cal'), ...values(SURFACE.react, 'cal')];
  const bookingRowNames = values(SURFACE.react, 'flow');
  const how = `${built}esbuild bundle+minify+tree-shake of \`export {…}\` from dist/index.js, peers external, gzip -9`;

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
    method: `${how}, process.env.NODE_ENV defined as "production" (dev-only warnings dropped, as in a host's production build); ${mainNames.length} names, min ${formatKb(main.minified)}`,
    details: { ...main, ratio: mainRatio, names: mainNames },
  });

  const leaked = leakedComponentStrings(
    new TextDecoder().decode(await bundleBytes(reexport(mainNames, DIST_ENTRY), PEERS)),
  );
  rows.push({
    id: 'size.mainWithoutComponents',
    row: "Bundle: component code in the main entry's bundle (string literals)",
    figure: String(leaked.length),
    value: leaked.length,
    budget: '0',
    pass: leaked.length === 0,
    method: `string literals (6+ characters) found only in modules the main row's names do not import at run time (components, the booking flow, src/booking, src/time, the Cal.com client), looked for in the main bundle above${leaked.length > 0 ? `; found: ${leaked.map((text) => JSON.stringify(text)).join(', ')}` : ''}`,
    details: { leaked },
  });

  const core = await bundle(reexport(coreNames, DIST_CORE), PEERS);
  const coreRatio = core.gzipped / query.gzipped;
  rows.push({
    id: 'size.core',
    row: 'Bundle: /core entry (client, token manager, session; no React)',
    figure: `${formatKb(core.gzipped)} (${coreRatio.toFixed(2)}× react-query)`,
    value: core.gzipped,
    budget: `≤ ${CORE_RATIO_BUDGET}× react-query (${formatKb(query.gzipped * CORE_RATIO_BUDGET)})`,
    pass: coreRatio <= CORE_RATIO_BUDGET,
    method: `same bundling of \`export {…}\` from dist/core.js without the Cal.com and booking names (their own rows); ${coreNames.length} names, min ${formatKb(core.minified)}`,
    details: { ...core, ratio: coreRatio, names: coreNames },
  });

  const componentsRow = 'Bundle: components (added on top of main)';
  if (componentNames.length === 0) {
    rows.push(
      failedRow(
        'size.components',
        componentsRow,
        `≤ ${formatKb(COMPONENTS_BUDGET_BYTES)}`,
        new Error('src/reactEntry.ts lists no name under // [components]'),
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

  const bookingRow =
    'Bundle: booking flow (CalBooker, CalBookingsList and their hooks) on top of main';
  if (bookingRowNames.length === 0) {
    rows.push(
      failedRow(
        'size.booking',
        bookingRow,
        `≤ ${formatKb(BOOKING_BUDGET_BYTES)}`,
        new Error('src/reactEntry.ts lists no name under // [flow]'),
      ),
    );
  } else {
    const withBooking = await bundle(
      reexport([...mainNames, ...bookingRowNames], DIST_ENTRY),
      PEERS,
    );
    const bookingAdded = withBooking.gzipped - main.gzipped;
    rows.push({
      id: 'size.booking',
      row: bookingRow,
      figure: formatKb(bookingAdded),
      value: bookingAdded,
      budget: `≤ ${formatKb(BOOKING_BUDGET_BYTES)}; issue 20 ${formatKb(BOOKING_ISSUE20_BYTES)}: ${bookingAdded <= BOOKING_ISSUE20_BYTES ? 'met' : 'not met'}; target ${formatKb(BOOKING_TARGET_BYTES)}: ${bookingAdded <= BOOKING_TARGET_BYTES ? 'met' : 'not met'}`,
      // Incomplete until every name is exported: a partial flow must not pass the budget.
      pass: bookingAdded <= BOOKING_BUDGET_BYTES,
      method: `(main + ${bookingRowNames.join(', ')}) − main, same bundling: the components they render, the Cal.com client and hooks they use, labels; Intl and Date only (no date library); together ${formatKb(withBooking.gzipped)}`,
      details: { added: bookingAdded, together: withBooking, names: bookingRowNames },
    });

    // Against atoms: what a host ships for the whole flow (main + flow JS with zod inlined, since
    // atoms bundles its own, and all of styles.css).
    const withZod = await bundle(
      reexport([...mainNames, ...bookingRowNames], DIST_ENTRY),
      PEERS.filter((peer) => peer !== 'zod'),
    );
    const css = gzipSync(readFileSync(STYLES), { level: 9 }).byteLength;
    const ours = withZod.gzipped + css;
    const atoms = ATOMS_BOOKER_JS_BYTES + ATOMS_BOOKER_CSS_BYTES;
    // Issue 20's figure for its start (1/12.9) is the JS alone: with styles.css the flow was already at
    // 1/11.6 before the issue's features, so the gate is on the JS and the ratio with CSS is printed.
    const js = withZod.gzipped;
    rows.push({
      id: 'size.bookingVsAtoms',
      row: 'Bundle: booking flow with main and zod (and styles.css) vs @calcom/atoms Booker + CalProvider',
      figure: `JS ${formatKb(js)} = 1/${(atoms / js).toFixed(1)}; with styles.css ${formatKb(ours)} = 1/${(atoms / ours).toFixed(1)} of ${formatKb(atoms)}`,
      value: js / atoms,
      budget: `JS ≤ 1/${ATOMS_RATIO_BUDGET} (${formatKb(atoms / ATOMS_RATIO_BUDGET)}); issue 20 1/${ATOMS_RATIO_TARGET}: ${js * ATOMS_RATIO_TARGET <= atoms ? 'met' : 'not met'}`,
      pass: js * ATOMS_RATIO_BUDGET <= atoms,
      method: `ours: main + flow JS with zod inlined ${formatKb(js)}, styles.css ${formatKb(css)} (gzip -9); atoms: ${formatKb(ATOMS_BOOKER_JS_BYTES)} JS + ${formatKb(ATOMS_BOOKER_CSS_BYTES)} CSS, Booker + CalProvider measured the same way on 2026-12-07 (a constant, not re-measured)`,
      details: { ours, oursJs: withZod.gzipped, oursCss: css, atoms },
    });
  }

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
