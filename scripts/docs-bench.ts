// `npm run docs:bench`: writes docs/performance.md from bench/results/latest.json (written by
// `npm run bench`): an intro, then one table per bench group, in bench/run.ts's order and titles.
// `npm run docs:bench -- --check` (CI, right after the bench): fails when the committed page's rows or
// budgets differ from the fresh run's. Figures, pass marks and how-measured notes may differ: they
// depend on the machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../bench/lib/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = 'bench/results/latest.json';
const PAGE = 'docs/performance.md';

/** The JSON `npm run bench` writes. */
export interface BenchReport {
  generatedAt: string;
  node: string;
  platform: string;
  seconds: number;
  pass: boolean;
  rows: BenchRow[];
}

export interface BenchGroup {
  /** The measurement's name: the prefix of its rows' ids (`size` for `size.main`). */
  name: string;
  title: string;
}

export interface PageRow {
  /** The group's title, as the page's heading shows it. */
  group: string;
  row: string;
  budget: string;
}

/**
 * The groups, in order, from bench/run.ts's MEASUREMENTS (`{ name: 'size', …, title: 'Bundle sizes' }`),
 * read as text: importing run.ts would run the bench.
 */
export function parseBenchGroups(runSource: string): BenchGroup[] {
  const groups: BenchGroup[] = [];
  const entry = /\{\s*name:\s*'([^']+)'[^}]*?title:\s*'([^']+)'[^}]*\}/g;
  for (const match of runSource.matchAll(entry)) {
    groups.push({ name: match[1] ?? '', title: match[2] ?? '' });
  }
  return groups;
}

/** `size.main` → `size`; a failed measurement's row has the bare name as its id. */
export function groupName(id: string): string {
  return id.split('.', 1)[0] ?? id;
}

/** Rows by group, in the groups' order; a group the bench has no title for comes last, by name. */
export function groupRows(
  rows: readonly BenchRow[],
  groups: readonly BenchGroup[],
): { group: BenchGroup; rows: BenchRow[] }[] {
  const known = [...groups];
  for (const row of rows) {
    const name = groupName(row.id);
    if (!known.some((g) => g.name === name)) known.push({ name, title: name });
  }
  return known
    .map((group) => ({ group, rows: rows.filter((r) => groupName(r.id) === group.name) }))
    .filter((g) => g.rows.length > 0);
}

/** The groups with no row in the report: a partial run (`npm run bench -- --only …`). */
export function missingGroups(report: BenchReport, groups: readonly BenchGroup[]): BenchGroup[] {
  return groups.filter((g) => !report.rows.some((r) => groupName(r.id) === g.name));
}

// Backslash-escaped in cells: the table's separator and what Markdown would otherwise render
// (emphasis, HTML, links, strikethrough, math, a lone backtick). `…` pairs stay code spans, where
// only the pipe is escaped (GFM tables need it there too). An underscore inside a word is left as is.
const ESCAPED = /[\\|*[\]<>&~$`_]/g;
const WORD = /[\p{L}\p{N}]/u;

function escapeText(text: string): string {
  return text.replace(ESCAPED, (c, offset: number) =>
    c === '_' && WORD.test(text[offset - 1] ?? '') && WORD.test(text[offset + 1] ?? '')
      ? c
      : `\\${c}`,
  );
}

export function escapeCell(text: string): string {
  return text
    .replaceAll('\n', ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part.replaceAll('|', '\\|') : escapeText(part)))
    .join('');
}

/** The text of a cell `escapeCell` wrote (or a hand-written one): escapes removed, code spans kept. */
export function unescapeCell(cell: string): string {
  let text = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i] ?? '';
    const next = cell[i + 1] ?? '';
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(next)) {
      text += next;
      i++;
    } else if (c === '`' && cell.indexOf('`', i + 1) > i) {
      const end = cell.indexOf('`', i + 1);
      text += cell.slice(i, end + 1).replaceAll('\\|', '|');
      i = end;
    } else {
      text += c;
    }
  }
  return text;
}

/** The cells of a Markdown table line, split at unescaped pipes. */
export function splitTableLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  const body = line.trim().replace(/^\|/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      current += c + body[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim() !== '') cells.push(current.trim());
  return cells;
}

const COLUMNS = ['Row', 'Figure', 'Budget', 'Pass', 'How measured'] as const;

function passMark(pass: boolean | null): string {
  return pass === null ? '–' : pass ? 'pass' : 'FAIL';
}

function tableLine(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The whole page. */
export function renderPerformancePage(report: BenchReport, groups: readonly BenchGroup[]): string {
  const date = report.generatedAt.slice(0, 10);
  const failed = report.rows.filter((r) => r.pass === false).length;
  const lines = [
    '# Performance',
    '',
    '<!-- Generated by `npm run docs:bench` from bench/results/latest.json: do not edit by hand. -->',
    '',
    "The package's bench measures bundle sizes, requests, renders, token refreshes and leaks, and",
    'holds each to a budget. This page is its last full run.',
    '',
    `The figures come from one machine: ${report.platform}, Node ${report.node.replace(/^v/, '')}, on ${date}.`,
    `The whole bench took ${report.seconds} s; ${
      failed === 0 ? 'every row was within budget' : `${failed} row(s) were over budget`
    }.`,
    'Sizes and counts depend on the code only; times and heap figures vary with the machine and its',
    'load, so expect yours to differ.',
    '',
    '## Running it',
    '',
    '```sh',
    'npm run bench                   # every measurement in its own process; fails when a row is over budget',
    'npm run docs:bench              # rewrites this page from bench/results/latest.json',
    'npm run docs:bench -- --check   # fails when this page has other rows or budgets than the last bench',
    '```',
    '',
    '`npm run bench -- --only size,tabs` runs some measurements; `--json` prints the results as JSON.',
    '',
    'The columns:',
    '',
    '- **Row**: what is measured.',
    '- **Figure**: the measured value on the machine above.',
    '- **Budget**: the limit the bench holds the figure to; a reference row has none.',
    '- **Pass**: `pass` within budget, `FAIL` over it (or the measurement failed), `–` for a reference row.',
    '- **How measured**: the setup, in a few words.',
  ];
  for (const { group, rows } of groupRows(report.rows, groups)) {
    lines.push(
      '',
      `## ${group.title}`,
      '',
      tableLine(COLUMNS),
      tableLine(COLUMNS.map(() => '---')),
    );
    for (const r of rows) {
      lines.push(
        tableLine([r.row, r.figure, r.budget, passMark(r.pass), r.method].map(escapeCell)),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The rows and budgets the page for this report shows. */
export function expectedPageRows(report: BenchReport, groups: readonly BenchGroup[]): PageRow[] {
  return groupRows(report.rows, groups).flatMap(({ group, rows }) =>
    rows.map((r) => ({ group: group.title, row: r.row, budget: r.budget })),
  );
}

/**
 * The rows and budgets of a performance page: every table under a `## ` heading whose header has
 * `Row` and `Budget` columns.
 */
export function parsePerformancePage(markdown: string): PageRow[] {
  const rows: PageRow[] = [];
  let group = '';
  let columns: string[] | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      group = heading[1] ?? '';
      columns = null;
      continue;
    }
    if (!line.trim().startsWith('|')) {
      columns = null;
      continue;
    }
    const cells = splitTableLine(line);
    if (columns === null) {
      columns = cells.map(unescapeCell);
      continue;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    const rowIndex = columns.indexOf('Row');
    const budgetIndex = columns.indexOf('Budget');
    if (rowIndex < 0 || budgetIndex < 0) continue;
    rows.push({
      group,
      row: unescapeCell(cells[rowIndex] ?? ''),
      budget: unescapeCell(cells[budgetIndex] ?? ''),
    });
  }
  return rows;
}

/**
 * What differs between the page's rows and budgets and the bench's: rows only on one side, and budgets
 * that changed. Empty when they match (order, figures and notes are not compared).
 */
export function compareRowsAndBudgets(
  page: readonly PageRow[],
  bench: readonly PageRow[],
): string[] {
  const key = (r: PageRow) => `${r.group} › ${r.row}`;
  const pageByKey = new Map(page.map((r) => [key(r), r]));
  const benchByKey = new Map(bench.map((r) => [key(r), r]));
  const differences: string[] = [];
  for (const [k, r] of benchByKey) {
    const onPage = pageByKey.get(k);
    if (!onPage) differences.push(`not on the page: ${k} (budget ${r.budget})`);
    else if (onPage.budget !== r.budget) {
      differences.push(
        `budget changed: ${k}: the page says "${onPage.budget}", the bench "${r.budget}"`,
      );
    }
  }
  for (const [k] of pageByKey) {
    if (!benchByKey.has(k)) differences.push(`not in the bench: ${k}`);
  }
  for (const [label, list] of [
    ['page', page],
    ['bench', bench],
  ] as const) {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(key(r))) differences.push(`row twice in the ${label}: ${key(r)}`);
      seen.add(key(r));
    }
  }
  return differences;
}

function readReport(): BenchReport | null {
  const path = join(ROOT, RESULTS);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as BenchReport;
}

/**
 * The page as `npm run lint` (biome, which pads Markdown tables) wants it; the text as it is when
 * biome is not installed. The check reads either form.
 */
function formatWithBiome(markdown: string): string {
  const biome = join(ROOT, 'node_modules', '.bin', 'biome');
  if (!existsSync(biome)) return markdown;
  return execFileSync(biome, ['format', `--stdin-file-path=${PAGE}`], {
    cwd: ROOT,
    input: markdown,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const groups = parseBenchGroups(readFileSync(join(ROOT, 'bench', 'run.ts'), 'utf8'));
  if (groups.length === 0) {
    console.error('docs:bench: found no MEASUREMENTS ({ name, file, title }) in bench/run.ts');
    return 2;
  }
  const report = readReport();
  if (!report) {
    console.error(`docs:bench: ${RESULTS} is missing: run npm run bench first`);
    return 1;
  }
  const missing = missingGroups(report, groups);
  if (missing.length > 0) {
    console.error(
      `docs:bench: ${RESULTS} has no rows for ${missing.map((g) => g.name).join(', ')} ` +
        '(a partial run, npm run bench -- --only …?): run the whole npm run bench',
    );
    return 1;
  }
  if (check) {
    const pagePath = join(ROOT, PAGE);
    if (!existsSync(pagePath)) {
      console.error(`docs:bench --check: ${PAGE} is missing: run npm run docs:bench and commit it`);
      return 1;
    }
    const differences = compareRowsAndBudgets(
      parsePerformancePage(readFileSync(pagePath, 'utf8')),
      expectedPageRows(report, groups),
    );
    if (differences.length > 0) {
      for (const d of differences) console.error(`  ${d}`);
      console.error(
        `docs:bench --check: ${PAGE} does not match the bench's rows and budgets (${differences.length} difference(s)): run npm run docs:bench and commit it`,
      );
      return 1;
    }
    console.log(
      `docs:bench --check: ${PAGE} has the bench's ${report.rows.length} rows and budgets`,
    );
    return 0;
  }
  writeFileSync(join(ROOT, PAGE), formatWithBiome(renderPerformancePage(report, groups)));
  console.log(
    `docs:bench: wrote ${PAGE} (${report.rows.length} rows from ${report.platform}, ${report.generatedAt})`,
  );
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  process.exitCode = main(process.argv.slice(2));
}
