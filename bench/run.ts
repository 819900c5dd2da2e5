// `npm run bench`: runs every measurement in its own process and prints one table with a pass/fail
// column; `npm run bench -- --json` prints the same as JSON. Both write bench/results/latest.json.
// Exits non-zero when a row is over budget or a measurement failed.
// Options: --json, --only size,tabs (run some measurements; the others are left out).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BenchRow, failedRow } from './lib/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const CHILD_TIMEOUT_MS = 90_000;

/** One process each, in this order; the timing-sensitive ones never share the CPU with another. */
const MEASUREMENTS = [
  { name: 'size', file: 'size.ts', title: 'Bundle sizes' },
  { name: 'requests', file: 'requests.ts', title: 'Requests' },
  { name: 'ready', file: 'timeToReady.ts', title: 'Time to ready' },
  { name: 'renders', file: 'renders.ts', title: 'Renders' },
  { name: 'storm', file: 'storm.ts', title: 'Refresh storm' },
  { name: 'tabs', file: 'tabs.ts', title: 'Tabs' },
  { name: 'tabsChromium', file: 'tabsChromium.ts', title: 'Tabs in Chromium' },
  { name: 'token', file: 'token.ts', title: 'Token request rates' },
  { name: 'calapi', file: 'calapi.ts', title: 'Cal.com API v2' },
  { name: 'booking', file: 'booking.ts', title: 'Booking flow' },
  { name: 'reservations', file: 'reservations.ts', title: 'Reservations' },
  { name: 'bookerChromium', file: 'bookerChromium.ts', title: 'Booker in Chromium' },
  { name: 'visitorChromium', file: 'visitorChromium.ts', title: 'Visitors in Chromium' },
  { name: 'sandbox', file: 'sandbox.ts', title: 'Sandbox on hostile input' },
  { name: 'leaks', file: 'leaks.ts', title: 'Leaks' },
] as const;

function parseArgs(argv: string[]) {
  const json = argv.includes('--json');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null;
  const unknown = only?.filter((name) => !MEASUREMENTS.some((m) => m.name === name)) ?? [];
  if (unknown.length > 0) {
    console.error(
      `unknown measurement(s): ${unknown.join(', ')}; known: ${MEASUREMENTS.map((m) => m.name).join(', ')}`,
    );
    process.exit(2);
  }
  return { json, only };
}

function runChild(
  file: string,
  outFile: string,
): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolveRun) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        join(ROOT, 'bench', 'lib', 'child.ts'),
        join(ROOT, 'bench', file),
        outFile,
      ],
      // The children's own output (build logs, warnings) goes to stderr: stdout is for the result.
      { cwd: ROOT, stdio: ['ignore', 2, 2] },
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CHILD_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, timedOut });
    });
  });
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function table(rows: readonly BenchRow[]): string {
  const header = ['Row', 'Figure', 'Budget', 'Pass', 'How measured'];
  const lines = rows.map((r) => [
    r.row,
    r.figure,
    r.budget,
    r.pass === null ? '–' : r.pass ? 'pass' : 'FAIL',
    r.method,
  ]);
  const format = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [format(header), format(header.map(() => '---')), ...lines.map(format)].join('\n');
}

const { json, only } = parseArgs(process.argv.slice(2));
const scratch = mkdtempSync(join(tmpdir(), 'bookings-bench-'));
const rows: BenchRow[] = [];
const started = performance.now();
try {
  for (const m of MEASUREMENTS) {
    if (only && !only.includes(m.name)) continue;
    const outFile = join(scratch, `${m.name}.json`);
    const t0 = performance.now();
    console.error(`[bench] ${m.title}…`);
    const { code, timedOut } = await runChild(m.file, outFile);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    try {
      if (code !== 0) {
        throw new Error(
          timedOut ? `timed out after ${CHILD_TIMEOUT_MS / 1000} s` : `exited with ${code}`,
        );
      }
      rows.push(...(JSON.parse(readFileSync(outFile, 'utf8')) as BenchRow[]));
      console.error(`[bench] ${m.title}: ${seconds} s`);
    } catch (error) {
      rows.push(failedRow(m.name, m.title, '–', error));
      console.error(`[bench] ${m.title} failed after ${seconds} s`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const pass = rows.every((r) => r.pass !== false);
const report = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}, ${cpus().length} cores`,
  seconds: Math.round((performance.now() - started) / 100) / 10,
  pass,
  rows,
};
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results', 'latest.json'),
  `${JSON.stringify(report, null, 2)}\n`,
);
if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  process.stdout.write(`${table(rows)}\n\n`);
  const failed = rows.filter((r) => r.pass === false).length;
  process.stdout.write(
    `${pass ? 'All rows within budget' : `${failed} row(s) over budget or failed`} (${report.seconds} s, Node ${report.node}, ${report.platform}). JSON: bench/results/latest.json\n`,
  );
}
process.exitCode = pass ? 0 : 1;
