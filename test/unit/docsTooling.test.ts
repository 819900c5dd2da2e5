import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../../bench/lib/types.js';
import {
  blockOf,
  type CodeBlock,
  extractCodeBlocks,
  formatDiagnostic,
  isOptedOut,
  mapTscOutput,
  moduleFileName,
  selectBlocks,
} from '../../scripts/check-docs-code.js';
import {
  type BenchReport,
  compareRowsAndBudgets,
  escapeCell,
  expectedPageRows,
  missingGroups,
  type PageRow,
  parseBenchGroups,
  parsePerformancePage,
  renderPerformancePage,
  splitTableLine,
  unescapeCell,
} from '../../scripts/docs-bench.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('docs code blocks: extraction', () => {
  const markdown = [
    '# Title', // 1
    '', // 2
    '```ts', // 3
    'const a: number = 1;', // 4
    'const b = a;', // 5
    '```', // 6
    '', // 7
    '```sh', // 8
    'npm install', // 9
    '```', // 10
    '', // 11
    '```tsx no-check', // 12
    '<Partial />', // 13
    '```', // 14
    '', // 15
    '- a list item:', // 16
    '', // 17
    '  ~~~TypeScript title="x"', // 18
    '  declare const jwt: string;', // 19
    '    indented();', // 20
    '  ~~~', // 21
    '', // 22
    '````md', // 23
    '```ts', // 24
    'not a block of its own', // 25
    '```', // 26
    '````', // 27
    '', // 28
    'Inline ```ts code``` is not a fence.', // 29
    '```tsx', // 30
    'unclosed();', // 31
  ].join('\n');
  const blocks = extractCodeBlocks(markdown, 'docs/guide.md');

  it('finds every fence with its language, info string and first code line', () => {
    expect(blocks.map((b) => [b.lang, b.info, b.line])).toEqual([
      ['ts', 'ts', 4],
      ['sh', 'sh', 9],
      ['tsx', 'tsx no-check', 13],
      ['typescript', 'TypeScript title="x"', 19],
      ['md', 'md', 24],
      ['tsx', 'tsx', 31],
    ]);
  });

  it("keeps the code verbatim, minus the fence's indentation", () => {
    expect(blocks[0]?.code).toBe('const a: number = 1;\nconst b = a;');
    expect(blocks[3]?.code).toBe('declare const jwt: string;\n  indented();');
  });

  it('a longer fence contains shorter ones; an unclosed fence runs to the end', () => {
    expect(blocks[4]?.code).toBe('```ts\nnot a block of its own\n```');
    expect(blocks[5]?.code).toBe('unclosed();');
  });

  it('checks ts/tsx blocks, skips the no-check ones, ignores other languages', () => {
    const { checked, skipped } = selectBlocks(blocks);
    expect(checked.map((b) => b.line)).toEqual([4, 19, 31]);
    expect(skipped.map((b) => b.line)).toEqual([13]);
    // `no-check` counts as a word after the language only.
    expect(isOptedOut({ ...blocks[0]!, info: 'ts no-checkout' })).toBe(false);
    expect(isOptedOut({ ...blocks[0]!, lang: 'no-check', info: 'no-check' })).toBe(false);
  });

  it('handles CRLF line ends', () => {
    const crlf = extractCodeBlocks('x\r\n```ts\r\nconst a = 1;\r\n```\r\n', 'README.md');
    expect(crlf).toEqual([
      { file: 'README.md', line: 3, lang: 'ts', info: 'ts', code: 'const a = 1;' },
    ]);
  });

  it('names each module after its file and line', () => {
    expect(moduleFileName(blocks[0]!)).toBe('docs__guide.md.L4.ts');
    expect(moduleFileName(blocks[3]!)).toBe('docs__guide.md.L19.ts');
    expect(moduleFileName(blocks[5]!)).toBe('docs__guide.md.L31.tsx');
  });
});

describe('docs code blocks: tsc diagnostics back to Markdown lines', () => {
  const block: CodeBlock = {
    file: 'README.md',
    line: 52,
    lang: 'tsx',
    info: 'tsx',
    code: 'line 1\nline 2\nline 3',
  };

  it("maps a module's line n to the block's line + n - 1, with continuation lines", () => {
    const output = [
      "blocks/README.md.L52.tsx(3,7): error TS2304: Cannot find name 'useSession'.",
      "blocks/README.md.L52.tsx(1,1): error TS2322: Type 'string' is not assignable to type 'number'.",
      "  Type 'string' is not assignable to type 'number'.",
      'host-env.d.ts(1,1): error TS1000: elsewhere.',
      'error TS5058: The specified path does not exist.',
    ].join('\n');
    const diagnostics = mapTscOutput(output, [block]);
    expect(diagnostics).toEqual([
      {
        file: 'README.md',
        line: 54,
        column: 7,
        code: 'TS2304',
        message: "Cannot find name 'useSession'.",
      },
      {
        file: 'README.md',
        line: 52,
        column: 1,
        code: 'TS2322',
        message:
          "Type 'string' is not assignable to type 'number'.\n    Type 'string' is not assignable to type 'number'.",
      },
      { file: 'host-env.d.ts', line: 1, column: 1, code: 'TS1000', message: 'elsewhere.' },
      {
        file: '',
        line: 0,
        column: 0,
        code: '',
        message: 'error TS5058: The specified path does not exist.',
      },
    ]);
    expect(formatDiagnostic(diagnostics[0]!)).toBe(
      "README.md:54:7 TS2304 Cannot find name 'useSession'.",
    );
    expect(blockOf(diagnostics[0]!, [block])).toBe(block);
    expect(blockOf(diagnostics[2]!, [block])).toBeUndefined();
  });
});

function benchRow(id: string, row: string, budget: string, figure = '1'): BenchRow {
  return { id, row, figure, value: 1, budget, pass: true, method: 'counted' };
}

function report(rows: BenchRow[]): BenchReport {
  return {
    generatedAt: '2026-12-01T10:00:00.000Z',
    node: 'v20.20.2',
    platform: 'linux x64, 2 cores',
    seconds: 60,
    pass: true,
    rows,
  };
}

describe('performance page', () => {
  const groups = [
    { name: 'size', title: 'Bundle sizes' },
    { name: 'tabs', title: 'Tabs' },
  ];
  const rows = [
    benchRow('tabs.three', 'Tabs: 3 managers → token requests', '≤ 1'),
    benchRow('size.main', 'Bundle: main entry | gzip', '≤ 9.20 kB', '8.90 kB'),
    {
      ...benchRow('size.react', 'Bundle: react-query (reference)', 'reference'),
      pass: null,
      method: 'esbuild in <StrictMode>, *min*, `gz`',
    },
  ];

  it("reads bench/run.ts's groups, in order", () => {
    const fromRun = parseBenchGroups(readFileSync(join(ROOT, 'bench', 'run.ts'), 'utf8'));
    expect(fromRun[0]).toEqual({ name: 'size', title: 'Bundle sizes' });
    expect(fromRun.length).toBeGreaterThanOrEqual(9);
    expect(new Set(fromRun.map((g) => g.name)).size).toBe(fromRun.length);
  });

  it('one table per group, in the groups order, cells escaped, no figure lost', () => {
    const page = renderPerformancePage(report(rows), groups);
    const sizes = page.indexOf('## Bundle sizes');
    const tabs = page.indexOf('## Tabs');
    expect(sizes).toBeGreaterThan(0);
    expect(tabs).toBeGreaterThan(sizes);
    expect(page).toContain('linux x64, 2 cores, Node 20.20.2');
    expect(page).toContain('| Bundle: main entry \\| gzip | 8.90 kB | ≤ 9.20 kB | pass |');
    expect(page).toContain('esbuild in \\<StrictMode\\>, \\*min\\*, `gz` |');
    expect(page).toContain('| reference | – |');
    expect(page).not.toMatch(/#\d/);
  });

  it('reads back exactly the rows and budgets it wrote', () => {
    const page = renderPerformancePage(report(rows), groups);
    expect(parsePerformancePage(page)).toEqual(expectedPageRows(report(rows), groups));
    expect(expectedPageRows(report(rows), groups)).toEqual([
      { group: 'Bundle sizes', row: 'Bundle: main entry | gzip', budget: '≤ 9.20 kB' },
      { group: 'Bundle sizes', row: 'Bundle: react-query (reference)', budget: 'reference' },
      { group: 'Tabs', row: 'Tabs: 3 managers → token requests', budget: '≤ 1' },
    ]);
  });

  it('a row of a group bench/run.ts does not name gets its own table, titled by its id', () => {
    const extra = [...rows, benchRow('newthing.a', 'New', '≤ 2')];
    expect(parsePerformancePage(renderPerformancePage(report(extra), groups)).at(-1)).toEqual({
      group: 'newthing',
      row: 'New',
      budget: '≤ 2',
    });
  });

  it('knows a partial run', () => {
    expect(missingGroups(report(rows), groups)).toEqual([]);
    expect(missingGroups(report(rows.slice(0, 1)), groups)).toEqual([groups[0]]);
  });

  it('cells: split at unescaped pipes, escapes round-trip, code spans and words kept', () => {
    expect(splitTableLine('| a \\| b | c |  |')).toEqual(['a \\| b', 'c', '']);
    expect(escapeCell('`export * from` its entry, NODE_ENV, _e_, a`b')).toBe(
      '`export * from` its entry, NODE_ENV, \\_e\\_, a\\`b',
    );
    expect(escapeCell('`a | b`')).toBe('`a \\| b`');
    for (const text of [
      'a|b <c> *d* _e_ `f` [g] & ~h~ $i$ \\ j',
      '`export * from` its entry | NODE_ENV `x|y` and a lone ` backtick',
      'snake_case_name, trailing_ and _leading',
    ]) {
      expect(unescapeCell(escapeCell(text))).toBe(text);
      expect(splitTableLine(`| ${escapeCell(text)} | next |`)).toHaveLength(2);
    }
  });
});

describe('performance page check: rows and budgets', () => {
  const page: PageRow[] = [
    { group: 'Bundle sizes', row: 'Bundle: main entry', budget: '≤ 9.20 kB' },
    { group: 'Tabs', row: 'Tabs: 3 managers', budget: '≤ 1' },
  ];

  it('passes when only figures differ', () => {
    const before = report([
      benchRow('size.main', 'Bundle: main entry', '≤ 9.20 kB', '8.90 kB'),
      benchRow('tabs.three', 'Tabs: 3 managers', '≤ 1', '1'),
    ]);
    const after = report([
      { ...before.rows[0]!, figure: '9.30 kB', pass: false, method: 'other words' },
      before.rows[1]!,
    ]);
    const groups = [
      { name: 'size', title: 'Bundle sizes' },
      { name: 'tabs', title: 'Tabs' },
    ];
    const committed = parsePerformancePage(renderPerformancePage(before, groups));
    expect(compareRowsAndBudgets(committed, expectedPageRows(after, groups))).toEqual([]);
  });

  it('order does not matter', () => {
    expect(compareRowsAndBudgets(page, [...page].reverse())).toEqual([]);
  });

  it('reports a changed budget', () => {
    const bench = [page[0]!, { ...page[1]!, budget: '≤ 2' }];
    expect(compareRowsAndBudgets(page, bench)).toEqual([
      'budget changed: Tabs › Tabs: 3 managers: the page says "≤ 1", the bench "≤ 2"',
    ]);
  });

  it('reports a row added, removed or renamed', () => {
    const bench = [
      page[0]!,
      { group: 'Tabs', row: 'Tabs: 4 managers', budget: '≤ 1' },
      { group: 'Leaks', row: 'Leaks: timers', budget: '0' },
    ];
    expect(compareRowsAndBudgets(page, bench)).toEqual([
      'not on the page: Tabs › Tabs: 4 managers (budget ≤ 1)',
      'not on the page: Leaks › Leaks: timers (budget 0)',
      'not in the bench: Tabs › Tabs: 3 managers',
    ]);
  });

  it('reports a row moved to another group, and a duplicated row', () => {
    const bench = [{ ...page[0]!, group: 'Tabs' }, page[1]!, page[1]!];
    expect(compareRowsAndBudgets(page, bench)).toEqual([
      'not on the page: Tabs › Bundle: main entry (budget ≤ 9.20 kB)',
      'not in the bench: Bundle sizes › Bundle: main entry',
      'row twice in the bench: Tabs › Tabs: 3 managers',
    ]);
  });

  it('reads a table padded by the formatter, and ignores tables without Row and Budget', () => {
    const padded = [
      '## Tabs',
      '',
      '| Row              | Figure | Budget | Pass |',
      '| ---------------- | ------ | :----: | ---- |',
      '| Tabs: 3 managers | 1      | ≤ 1    | pass |',
      '',
      '## Other',
      '',
      '| Name | Value |',
      '| ---- | ----- |',
      '| a    | b     |',
    ].join('\n');
    expect(parsePerformancePage(padded)).toEqual([page[1]]);
  });

  it('an empty or hand-written page without tables has no rows', () => {
    expect(parsePerformancePage('# Performance\n\nSome text.\n')).toEqual([]);
    expect(compareRowsAndBudgets([], page)).toHaveLength(2);
  });
});
