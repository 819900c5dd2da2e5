// Builds the package: one vite library build per bundle, then the declarations with tsc, then checks
// of where 'use client' stands and that the bundles' imports of each other resolve.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });
for (const mode of ['core', 'react', 'browser', 'testing', 'sandbox']) {
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
}
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (existsSync('src/styles.css')) cpSync('src/styles.css', 'dist/styles.css');

// 'use client' marks the React bundle only: the core (and the main entry, which re-exports it) must
// stay usable in Server Components. A bundler can silently drop the directive, so check it.
const firstLine = (file) => readFileSync(`dist/${file}`, 'utf8').split('\n', 1)[0];
const directive = /^['"]use client['"];?$/;
const misplaced = [
  directive.test(firstLine('react.js')) ? null : "dist/react.js must start with 'use client'",
  ...['core.js', 'index.js'].map((file) =>
    directive.test(firstLine(file)) ? `dist/${file} must not carry 'use client'` : null,
  ),
].filter(Boolean);
// The bundles import each other's names: loading the main entry proves every one of them resolves.
await import(pathToFileURL(resolve('dist/index.js')).href);
if (misplaced.length > 0) {
  console.error(misplaced.join('\n'));
  process.exit(1);
}
console.log('built dist/ (index, core, react, testing, sandbox, sandbox-cli, declarations)');
