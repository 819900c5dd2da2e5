// @vitest-environment node

import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

/**
 * The session as a browser bundle would ship it: bundled by esbuild with `process.env.NODE_ENV`
 * replaced (as Vite, webpack and Next do), then run where no `process` global exists.
 */
async function browserBundle(nodeEnv: 'development' | 'production' | null): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "export { createBookingsSession } from './src/core.ts';\n" +
        "export { QueryClient } from '@tanstack/query-core';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'lib',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
    ...(nodeEnv ? { define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) } } : {}),
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Creates a session with no credential in a context without `process`; returns what it warned. */
function warningsOf(code: string): string[] {
  const warned: string[] = [];
  const context = {
    console: { warn: (text: string) => warned.push(String(text)), error() {}, log() {} },
    setTimeout,
    clearTimeout,
    queueMicrotask,
  };
  runInNewContext(
    `${code}\nnew lib.QueryClient(); lib.createBookingsSession({ baseUrl: 'https://api.test', queryClient: new lib.QueryClient(), crossTab: false });`,
    context,
  );
  expect('process' in context).toBe(false);
  return warned.filter((text) => text.includes('no `jwt`'));
}

describe('development warnings in a browser bundle (no `process` global)', () => {
  it('are said when the bundler set NODE_ENV to development', async () => {
    expect(warningsOf(await browserBundle('development'))).toHaveLength(1);
  });

  it('are gone, text and all, when it set production', async () => {
    const code = await browserBundle('production');
    expect(code).not.toContain('same-origin cookies');
    expect(warningsOf(code)).toHaveLength(0);
  });

  it('never throw where nothing set NODE_ENV and there is no `process`', async () => {
    expect(warningsOf(await browserBundle(null))).toHaveLength(0);
  });
});
