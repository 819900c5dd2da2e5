// Builds the package: one vite library build per entry, then the declarations with tsc, then a check
// that the browser entry still starts with 'use client' (a bundler can silently drop the directive).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });
for (const mode of ['browser', 'testing', 'sandbox']) {
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
}
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (existsSync('src/styles.css')) cpSync('src/styles.css', 'dist/styles.css');

const first = readFileSync('dist/index.js', 'utf8').split('\n', 1)[0];
if (!/^['"]use client['"];?$/.test(first)) {
  console.error(`dist/index.js must start with 'use client', found: ${first}`);
  process.exit(1);
}
console.log('built dist/ (index, testing, sandbox, sandbox-cli, declarations)');
