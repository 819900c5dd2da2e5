import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';

// One library build per entry (`--mode browser|testing|sandbox`), so that no chunk is shared between
// the browser entry, the MSW helpers and the Node sandbox, and `'use client'` stays the first line of
// the browser bundle. `npm run build` runs all three, then `tsc` for the declarations.
const peers = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^zod($|\/)/, /^msw($|\/)/];
const node = [/^node:/, ...builtinModules.map((name) => new RegExp(`^${name}$`)), /^jose($|\/)/];

const entries: Record<string, { entry: Record<string, string>; external: RegExp[] }> = {
  browser: { entry: { index: 'src/index.ts' }, external: peers },
  testing: { entry: { testing: 'src/testing/index.ts' }, external: peers },
  sandbox: {
    entry: { sandbox: 'src/sandbox/index.ts', 'sandbox-cli': 'src/sandbox/cli.ts' },
    external: [...peers, ...node],
  },
};

export default defineConfig(({ mode }): UserConfig => {
  const target = entries[mode] ?? entries.browser!;
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      target: mode === 'sandbox' ? 'node20' : 'es2022',
      ssr: mode === 'sandbox',
      lib: {
        entry: target.entry,
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        external: target.external,
        // Each hook file's 'use client' is dropped when bundled; the entry's own directive (checked by
        // scripts/build.mjs) is the one that marks the bundle, so the per-file warnings are noise.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  };
});
