// Loads every story of the static Storybook (storybook-static/, from `npm run build-storybook`) in
// Debian's Chromium and fails if any story logs a console error or throws. Served on 127.0.0.1 only.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.js';
import { serveStaticStorybook } from './staticStorybook.js';

const SETTLE_MS = 2_500;
const PARALLEL = 4;

const { origin, storyIds, server } = await serveStaticStorybook();
const stories = storyIds.map((id) => ({ id }));

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
