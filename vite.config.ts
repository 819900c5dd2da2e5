import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

// One library build per bundle (`--mode core|react|browser|testing|sandbox`), so that no chunk is shared
// between them and `'use client'` stays the first line of dist/react.js, the only React bundle.
// `npm run build` runs them all, then `tsc` for the declarations.
const peers = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^zod($|\/)/, /^msw($|\/)/];
const node = [/^node:/, ...builtinModules.map((name) => new RegExp(`^${name}$`)), /^jose($|\/)/];

/**
 * Framework-free layers: bundled once, into dist/core.js. booking/ and time/ are framework-free too,
 * but the React layers import their internal names, which dist/core.js does not export: dist/react.js
 * holds its own copy of what it uses (pure functions and constants, no state and no class).
 */
const CORE_MODULE = /[\\/]src[\\/](core\.ts|client[\\/]|token[\\/]|calapi[\\/]|session[\\/])/;
/** The React layers: bundled once, into dist/react.js, the only file that carries 'use client'. */
const REACT_MODULE = /[\\/]src[\\/](reactEntry\.ts|react[\\/]|components[\\/])/;

/**
 * Turns every import of a module that another bundle holds into an import of that bundle, so the
 * package has one copy of each module (and of `BookingsApiError`): dist/react.js imports './core.js',
 * dist/index.js re-exports both. scripts/build.mjs checks that the imported names resolve.
 */
function bundledElsewhere(bundles: [RegExp, string][]): Plugin {
  return {
    name: 'bundled-elsewhere',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const target = resolved && bundles.find(([pattern]) => pattern.test(resolved.id));
      return target ? { id: target[1], external: true } : null;
    },
  };
}

const entries: Record<
  string,
  { entry: Record<string, string>; external: RegExp[]; plugins?: Plugin[] }
> = {
  core: { entry: { core: 'src/core.ts' }, external: peers },
  react: {
    entry: { react: 'src/reactEntry.ts' },
    external: peers,
    plugins: [bundledElsewhere([[CORE_MODULE, './core.js']])],
  },
  browser: {
    entry: { index: 'src/index.ts' },
    external: peers,
    plugins: [
      bundledElsewhere([
        [CORE_MODULE, './core.js'],
        [REACT_MODULE, './react.js'],
      ]),
    ],
  },
  testing: { entry: { testing: 'src/testing/index.ts' }, external: peers },
  sandbox: {
    entry: { sandbox: 'src/sandbox/index.ts', 'sandbox-cli': 'src/sandbox/cli.ts' },
    external: [...peers, ...node],
  },
};

export default defineConfig(({ mode }): UserConfig => {
  const target = entries[mode] ?? entries.browser!;
  return {
    // Only the package's own builds split the bundles: Storybook and other tools that load this config
    // (in their own mode) must bundle every module they import.
    plugins: entries[mode]?.plugins ?? [],
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
