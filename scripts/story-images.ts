// Writes docs/images from the static Storybook: each listed story is opened in Debian's Chromium, its
// play function is run to the end (the state the docs show), and its root is screenshotted.
// `npm run build-storybook && npm run docs:images`; `--only <file>` re-shoots one image.
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.js';
import { serveStaticStorybook } from './staticStorybook.js';

interface StoryImage {
  /** The story's id (title and export name, kebab-cased). */
  story: string;
  /** The PNG written to docs/images. */
  file: string;
  /** Viewport width in CSS pixels. @default 1280 */
  width?: number;
}

/** One image per state the docs show; docs/booking-flow.md and docs/bookings-list.md embed them. */
export const STORY_IMAGES: readonly StoryImage[] = [
  { story: 'booking-calbooker--durations', file: 'booker-durations.png' },
  { story: 'booking-calbooker--locations', file: 'booker-locations.png' },
  { story: 'booking-calbooker--pending', file: 'booker-pending.png' },
  { story: 'booking-calbooker--seats', file: 'booker-seats.png' },
  { story: 'booking-calbooker--recurring', file: 'booker-recurring.png' },
  { story: 'booking-calbooker--reservation-taken', file: 'booker-reservation-taken.png' },
  { story: 'booking-calbooker--reschedule', file: 'booker-reschedule.png' },
  { story: 'booking-calbooker--week-layout', file: 'booker-week.png' },
  { story: 'booking-calbooker--column-layout', file: 'booker-column.png' },
  { story: 'booking-calbooker--visitor', file: 'booker-visitor.png', width: 390 },
  { story: 'booking-calbooker--seat-booked', file: 'booker-seat-booked.png' },
  { story: 'booking-calbooker--email-verification', file: 'booker-email-code.png' },
  { story: 'booking-calbooker--sign-in-required', file: 'booker-sign-in.png' },
  { story: 'booking-calbooker--locked-time-zone', file: 'booker-locked-zone.png' },
  { story: 'booking-calbookingslist--rescheduled', file: 'bookings-list-rescheduled.png' },
  { story: 'booking-calbookingslist--own-seat', file: 'bookings-list-own-seat.png' },
  { story: 'booking-calbookingslist--unconfirmed', file: 'bookings-list-unconfirmed.png' },
];

const IMAGES = resolve(import.meta.dirname, '..', 'docs', 'images');
const FINISH_TIMEOUT_MS = 60_000;

/**
 * Resolves when the story's render, play function included, has finished; throws when it failed or
 * took too long. (The stories' axe checks run in `npm run test:browser`, not here.)
 */
async function finished(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
        .__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished',
    undefined,
    { timeout: FINISH_TIMEOUT_MS },
  );
  if (await page.locator('body.sb-show-errordisplay').count()) {
    throw new Error(`${id}: the story failed (Storybook shows its error display)`);
  }
}

const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : '';
const { origin, storyIds, server } = await serveStaticStorybook();
const browser = await chromium.launch(chromiumLaunchOptions);
const failures: string[] = [];
for (const image of STORY_IMAGES.filter((entry) => !only || entry.file === only)) {
  if (!storyIds.includes(image.story)) {
    failures.push(`${image.story}: no such story`);
    continue;
  }
  const page = await browser.newPage({ viewport: { width: image.width ?? 1280, height: 800 } });
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(image.story)}&viewMode=story`);
    await finished(page, image.story);
    await page.locator('#storybook-root').screenshot({ path: join(IMAGES, image.file) });
    console.log(`docs/images/${image.file} ← ${image.story}`);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
  await page.close();
}
await browser.close();
server.close();
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
