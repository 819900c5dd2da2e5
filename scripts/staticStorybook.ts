// Serves the static Storybook (storybook-static/, from `npm run build-storybook`) on 127.0.0.1 for
// the scripts that load its stories in Chromium.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', 'storybook-static');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticStorybook {
  origin: string;
  /** Every story's id, in the index's order. */
  storyIds: string[];
  server: Server;
}

/** Starts the server, or exits with a hint when the static Storybook has not been built. */
export async function serveStaticStorybook(): Promise<StaticStorybook> {
  if (!existsSync(join(ROOT, 'index.json'))) {
    console.error('storybook-static/index.json is missing: run `npm run build-storybook` first.');
    process.exit(1);
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(ROOT, path);
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')) as {
    entries: Record<string, { id: string; type: string }>;
  };
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    storyIds: Object.values(index.entries)
      .filter((entry) => entry.type === 'story')
      .map((entry) => entry.id),
    server,
  };
}
