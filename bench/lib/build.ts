import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Runs `npm run build` when `dist/index.js` is missing or older than any file in `src/`. */
export function ensureBuild(root: string): { rebuilt: boolean } {
  const entry = join(root, 'dist', 'index.js');
  const stale = !existsSync(entry) || statSync(entry).mtimeMs < newestMtime(join(root, 'src'));
  if (!stale) return { rebuilt: false };
  console.error('[bench] dist/ is missing or older than src/: running npm run build');
  // stdout goes to stderr so that `--json` keeps stdout for the JSON.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  return { rebuilt: true };
}
