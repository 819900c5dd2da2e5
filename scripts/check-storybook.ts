// Loads every story of the static Storybook (storybook-static/, from `npm run build-storybook`) in
// Debian's Chromium and fails if any story logs a console error or throws. Served on 127.0.0.1 only.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.js';

const ROOT = resolve(import.meta.dirname, '..', 'storybook-static');
const SETTLE_MS = 2_500;
const PARALLEL = 4;
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
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; type: string }>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

const browser = await chromium.launch(chromiumLaunchOptions);

const problems: string[] = [];
let rendered = 0;
async function check(id: string): Promise<void> {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${id}: console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${id}: uncaught: ${error.message}`));
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
  // Storybook shows its error overlay instead of the root when a story fails to render.
  await page.waitForSelector('#storybook-root > *', { timeout: 15_000 }).catch(() => {
    problems.push(`${id}: nothing rendered in #storybook-root`);
  });
  await page.waitForTimeout(SETTLE_MS);
  if (await page.locator('.sb-show-errordisplay').count()) {
    problems.push(`${id}: Storybook error display shown`);
  } else {
    rendered += 1;
  }
  await page.close();
}

const queue = stories.map((story) => story.id);
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await check(id);
  }),
);
await browser.close();
server.close();

console.log(`static Storybook: ${rendered}/${stories.length} stories rendered`);
if (problems.length > 0 || rendered !== stories.length || stories.length === 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('no console errors');
