// A visitor's booker in Chromium (issue 20): CalBooker with username + eventTypeSlug under a provider
// with `jwt={null}`, against the sandbox behind the same slow proxy as bench/bookerChromium.ts. Counts
// what it asks of AISquare (budget 0), its token requests (budget 0) and the requests that carried an
// Authorization header, and compares the round trips before its first times with the signed-in
// booker's, measured the same way in the same run (budget: equal).
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.js';
import { bundlePage, median, roundTrips, type Sandbox, servePage } from './bookerChromium.js';
import { ensureBuild } from './lib/build.js';
import type { BenchRow } from './lib/types.js';

const ROOT = resolve(import.meta.dirname, '..');
/** AISquare's endpoints live under this path; Cal.com's under /v2. */
const AISQUARE_PATH = '/api/v1/bookings/';

export async function measure(): Promise<BenchRow[]> {
  ensureBuild(ROOT);
  const { startSandbox } = (await import('../src/sandbox/index.js')) as {
    startSandbox: () => Promise<Sandbox>;
  };
  const script = await bundlePage(join(ROOT, 'dist', 'index.js'));
  const sandbox = await startSandbox();
  const site = await servePage(script);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const signedIn = await roundTrips(browser, sandbox, site.origin, true);
    const visitor = await roundTrips(browser, sandbox, site.origin, true, true);
    const requests = visitor.flatMap((load) => load.requests);
    const real = requests.filter((request) => request.method !== 'OPTIONS');
    const aisquare = real.filter((request) => request.path.startsWith(AISQUARE_PATH)).length;
    const token = real.filter((request) => request.path.includes('/token')).length;
    const authorized = real.filter((request) => request.authorization).length;
    const visitorCold = median(visitor.map((load) => load.cold.trips));
    const visitorReload = median(visitor.map((load) => load.reload.trips));
    const signedCold = median(signedIn.map((load) => load.cold.trips));
    const signedReload = median(signedIn.map((load) => load.reload.trips));
    const paths = [...new Set(real.map((request) => `${request.method} ${request.path}`))].sort();
    const waves = (visitor[0]?.cold.waves ?? []).map((wave, i) => `${i + 1}: ${wave}`).join('; ');
    const pass =
      aisquare === 0 &&
      token === 0 &&
      authorized === 0 &&
      visitorCold === signedCold &&
      visitorReload === signedReload;
    return [
      {
        id: 'visitorChromium.requests',
        row: "Visitor's booker in Chromium (jwt={null}, username + eventTypeSlug) → AISquare requests, token requests, and round trips before the first times vs signed in",
        figure: `AISquare ${aisquare}, token ${token}, with Authorization ${authorized}; round trips cold ${visitorCold} / reload ${visitorReload} (signed in: ${signedCold} / ${signedReload})`,
        value: aisquare + token + authorized,
        budget: '0 AISquare, 0 token; round trips equal to the signed-in booker’s',
        pass,
        method: `dist/ in Chromium, the provider given calApiUrl, ${visitor.length} cold loads and reloads each, every request held 100 ms by a logging proxy (preflights included, idle prefetches counted too); the signed-in booker measured the same way in the same run; the visitor asked ${paths.join(', ')} (first cold load: ${waves})`,
        details: { visitor, signedIn },
      },
    ];
  } finally {
    await browser.close();
    await site.close();
    await sandbox.close();
  }
}
