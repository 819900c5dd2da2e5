// The booker in Chromium, running the built package (dist/, bundled with React's profiling build):
// - month switches of CalSlotPicker at 200 slots a day: React's render time per switch (Profiler
//   actualDuration, summed over the switch's commits) and Intl formatting calls per day shown;
// - cold loads and reloads of CalBooker on a named event type, every request (CORS preflights
//   included) 100 ms slower through a proxy: the round trips on the critical path before the first
//   day with times is on screen, from the proxy's log of each request's start and end.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.js';
import { ensureBuild } from './lib/build.js';
import type { BenchRow } from './lib/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const PAGE = join(ROOT, 'bench', 'lib', 'bookerPage.tsx');
const LATENCY_MS = 100;
const COLD_LOADS = 5;
const SWITCHES = 12;
const SLOTS_PER_DAY = 200;
const SWITCH_ZONE = 'America/New_York';
/** The first month shown; the switches cross both of New York's DST changes. */
const FIRST_MONTH = '2027-01';
const RENDER_BUDGET_MS = 5;
const INTL_BUDGET_PER_DAY = 1;
const COLD_BUDGET = 2;
const RELOAD_BUDGET = 1;
/**
 * Cal.com's `<Booker>` atom, read from its code (issue 18): a cold load needs 6 round trips before
 * its times show, a reload with preflights cached 3.
 */
const ATOMS_COLD = 6;
const ATOMS_RELOAD = 3;
const WAIT_MS = 20_000;

/** The page, its package import pointed at the built entry, React DOM's profiling build. */
export async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [PAGE],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    alias: { 'react-dom/client': 'react-dom/profiling' },
    plugins: [
      {
        name: 'built-package',
        setup(b) {
          b.onResolve({ filter: /^@aisquare\/bookings-react$/ }, () => ({ path: entry }));
        },
      },
    ],
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

/** Serves the page and its bundle on 127.0.0.1, an origin the sandbox's CORS allows. */
export async function servePage(script: string) {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>booker bench</title></head>' +
    '<body><div id="root"></div><script type="module" src="/page.js"></script></body></html>';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (path === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** One request as the proxy saw it: when it arrived and when its answer was sent. */
export interface Traced {
  method: string;
  path: string;
  start: number;
  end: number;
  /** Whether the request carried an `Authorization` header. */
  authorization: boolean;
}

const readAll = (stream: IncomingMessage) =>
  new Promise<Buffer>((done, fail) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => done(Buffer.concat(chunks)));
    stream.on('error', fail);
  });

/**
 * A proxy in front of the sandbox that holds every request (preflights too, which the sandbox's own
 * latency leaves out) `LATENCY_MS` before passing it on, and logs it. The config answer's
 * `cal_api_url` is pointed at the proxy, so Cal.com's requests are held and logged as well.
 */
async function slowProxy(target: string) {
  const upstream = new URL(target);
  const log: Traced[] = [];
  const state = { inFlight: 0, lastEnd: 0 };
  let origin = '';
  const server = createServer(async (req, res) => {
    const start = Date.now();
    state.inFlight += 1;
    const body = await readAll(req);
    await new Promise((wait) => setTimeout(wait, LATENCY_MS));
    const answer = await new Promise<IncomingMessage>((done, fail) => {
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        done,
      );
      forward.on('error', fail);
      forward.end(body);
    });
    let payload = await readAll(answer);
    const headers = { ...answer.headers };
    if ((req.url ?? '').includes('/config')) {
      payload = Buffer.from(payload.toString('utf8').replaceAll(upstream.origin, origin));
      headers['content-length'] = String(payload.byteLength);
    }
    // Taken before writing: the page cannot have the answer earlier, whatever this process does next.
    const end = Date.now();
    res.writeHead(answer.statusCode ?? 502, headers).end(payload);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    log.push({
      method: req.method ?? '',
      path,
      start,
      end,
      authorization: req.headers.authorization !== undefined,
    });
    state.inFlight -= 1;
    state.lastEnd = Date.now();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Resolves once no request has been open for `quietMs` (the page's idle prefetches are done). */
  const settled = async (quietMs = 500) => {
    const until = Date.now() + 10_000;
    while (Date.now() < until && (state.inFlight > 0 || Date.now() - state.lastEnd < quietMs)) {
      await new Promise((wait) => setTimeout(wait, 50));
    }
  };
  return {
    origin,
    log,
    settled,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * The round trips on the critical path to `until`: a request's depth is one more than the deepest
 * request that had ended before it started (it could have waited for it); the figure is the deepest
 * request that ended before `until`. Also the waves, for the method column.
 */
function criticalPath(log: readonly Traced[], until: number) {
  const sorted = [...log].sort((a, b) => a.start - b.start);
  const depth = new Map<Traced, number>();
  for (const request of sorted) {
    let deepest = 0;
    for (const [earlier, d] of depth)
      if (earlier.end <= request.start) deepest = Math.max(deepest, d);
    depth.set(request, deepest + 1);
  }
  const before = sorted.filter((request) => request.end <= until);
  const trips = Math.max(0, ...before.map((request) => depth.get(request) ?? 0));
  const waves = Array.from({ length: trips }, (_, index) =>
    before
      .filter((request) => depth.get(request) === index + 1)
      .map((request) => `${request.method} ${request.path.replace(/^\/api\/v1\/bookings/, '')}`)
      .sort()
      .join(', '),
  );
  return { trips, waves };
}

/** The page's record once `ready` holds in it. */
async function pageRecord(page: Page) {
  return page.evaluate(
    () =>
      (window as unknown as { benchBooker: import('./lib/bookerPage.js').BookerPageRecord })
        .benchBooker,
  );
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

type SandboxModule = typeof import('../src/sandbox/index.js');
export type Sandbox = Awaited<ReturnType<SandboxModule['startSandbox']>>;

/**
 * Cold loads (a new browser context each) and a reload after each: round trips to the first times.
 * `visitor`: the page's provider gets no JWT (`jwt={null}`); each load's whole proxy log is kept.
 */
export async function roundTrips(
  browser: Browser,
  sandbox: Sandbox,
  site: string,
  withCalApiUrl: boolean,
  visitor = false,
) {
  const proxy = await slowProxy(sandbox.url);
  const { user } = sandbox.calModel.integrate({ sub: 'bench-booker' });
  const jwt = await sandbox.issueJwt('bench-booker');
  const query = new URLSearchParams({
    mode: 'booker',
    api: proxy.origin,
    ...(visitor ? {} : { jwt }),
    username: user.username,
    slug: '30min',
    ...(withCalApiUrl ? { cal: proxy.origin } : {}),
  });
  const loads: {
    cold: ReturnType<typeof criticalPath>;
    reload: ReturnType<typeof criticalPath>;
    coldMs: number;
    reloadMs: number;
    requests: Traced[];
  }[] = [];
  try {
    for (let run = 0; run < COLD_LOADS; run++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // What this page asks, preflights included; the log is emptied before each measured load.
        const before: Traced[] = [];
        proxy.log.length = 0;
        const measureOne = async (go: () => Promise<unknown>) => {
          before.push(...proxy.log);
          proxy.log.length = 0;
          const started = Date.now();
          await go();
          await page.waitForFunction(
            () => (window as { benchBooker?: { firstTimesAt?: number } }).benchBooker?.firstTimesAt,
            undefined,
            { timeout: WAIT_MS },
          );
          const { firstTimesAt = 0 } = await pageRecord(page);
          // Only this page's requests: one the previous page left in flight (a prefetch) is not.
          const own = proxy.log.filter((request) => request.start >= started);
          return { path: criticalPath(own, firstTimesAt), ms: firstTimesAt - started };
        };
        const cold = await measureOne(() => page.goto(`${site}/?${query}`));
        // The same tab again, once its idle prefetches are done (none of them may count as the
        // reload's): the preflights are in Chromium's cache (the sandbox's Max-Age is 600 s).
        await proxy.settled();
        const reload = await measureOne(() => page.reload());
        // Idle prefetches included: every request the page made, for the visitor's counts.
        await proxy.settled();
        const requests = [...before, ...proxy.log];
        loads.push({
          cold: cold.path,
          reload: reload.path,
          coldMs: cold.ms,
          reloadMs: reload.ms,
          requests,
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await proxy.close();
  }
  return loads;
}

// Runs in the page before its own scripts: counts every Intl.DateTimeFormat formatting call.
function countIntl(): void {
  const counter = { calls: 0 };
  (window as unknown as { benchIntl: typeof counter }).benchIntl = counter;
  const proto = Intl.DateTimeFormat.prototype;
  const format = Object.getOwnPropertyDescriptor(proto, 'format') as PropertyDescriptor;
  const get = format.get as (this: Intl.DateTimeFormat) => (date?: Date | number) => string;
  Object.defineProperty(proto, 'format', {
    configurable: true,
    get(this: Intl.DateTimeFormat) {
      const bound = get.call(this);
      return (date?: Date | number) => {
        counter.calls += 1;
        return bound(date);
      };
    },
  });
  for (const name of ['formatToParts', 'formatRange', 'formatRangeToParts'] as const) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    (proto as unknown as Record<string, unknown>)[name] = function (
      this: Intl.DateTimeFormat,
      ...args: unknown[]
    ) {
      counter.calls += 1;
      return original.apply(this, args);
    };
  }
}

/** `GET /v2/slots` answered with 200 slots a day over the asked range, keyed by UTC day. */
function denseSlots(url: URL) {
  const step = 86_400_000 / SLOTS_PER_DAY;
  const from = Date.parse(url.searchParams.get('start') ?? '');
  const to = Date.parse(url.searchParams.get('end') ?? '');
  const data: Record<string, { start: string }[]> = {};
  for (let ms = Math.ceil(from / step) * step; ms <= to; ms += step) {
    const start = new Date(ms).toISOString();
    const list = data[start.slice(0, 10)] ?? [];
    list.push({ start });
    data[start.slice(0, 10)] = list;
  }
  return { status: 'success', data };
}

const daysIn = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const nextMonth = (month: string) => {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
  return date.toISOString().slice(0, 7);
};

/** Month switches of CalSlotPicker at 200 slots a day: render time and Intl calls of each. */
async function monthSwitches(browser: Browser, sandbox: Sandbox, site: string) {
  sandbox.calModel.integrate({ sub: 'bench-picker' });
  const eventType = sandbox.calModel.eventTypes('bench-picker').find((t) => t.slug === '30min');
  if (!eventType) throw new Error('the sandbox has no 30min event type');
  const jwt = await sandbox.issueJwt('bench-picker');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(countIntl);
    await page.route(`${sandbox.url}/v2/slots**`, async (route) => {
      const request = route.request();
      const origin = (await request.headerValue('origin')) ?? '*';
      const cors = {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-headers': '*',
        'access-control-allow-methods': 'GET, OPTIONS',
      };
      if (request.method() === 'OPTIONS') await route.fulfill({ status: 204, headers: cors });
      else await route.fulfill({ json: denseSlots(new URL(request.url())), headers: cors });
    });
    const query = new URLSearchParams({
      mode: 'switch',
      api: sandbox.url,
      jwt,
      eventTypeId: String(eventType.id),
      timeZone: SWITCH_ZONE,
      month: FIRST_MONTH,
    });
    await page.goto(`${site}/?${query}`);
    const shown = (month: string) =>
      page.waitForFunction(
        ([first, last]) => {
          const grid = document.querySelector('[role="grid"]');
          return (
            grid &&
            grid.getAttribute('aria-busy') !== 'true' &&
            grid.querySelector(`[data-date="${first}"][data-available]`) &&
            grid.querySelector(`[data-date="${last}"][data-available]`)
          );
        },
        [`${month}-01`, `${month}-${String(daysIn(month)).padStart(2, '0')}`],
        { timeout: WAIT_MS },
      );
    await shown(FIRST_MONTH);
    const switches: {
      month: string;
      days: number;
      renderMs: number;
      commits: number;
      intl: number;
    }[] = [];
    let month = FIRST_MONTH;
    for (let index = 0; index < SWITCHES; index++) {
      // The next month is prefetched once the browser is idle: let it land, as while a person reads.
      await page.waitForTimeout(400);
      const before = await page.evaluate(() => ({
        commits: (window as unknown as { benchBooker: { commits: unknown[] } }).benchBooker.commits
          .length,
        intl: (window as unknown as { benchIntl: { calls: number } }).benchIntl.calls,
      }));
      month = nextMonth(month);
      await page.getByRole('button', { name: 'Next month' }).click();
      await shown(month);
      await page.waitForTimeout(100);
      const after = await page.evaluate((from) => {
        const record = (
          window as unknown as {
            benchBooker: { commits: { actualDuration: number }[] };
          }
        ).benchBooker;
        const commits = record.commits.slice(from);
        return {
          commits: commits.length,
          renderMs: commits.reduce((sum, commit) => sum + commit.actualDuration, 0),
          intl: (window as unknown as { benchIntl: { calls: number } }).benchIntl.calls,
        };
      }, before.commits);
      switches.push({
        month,
        days: daysIn(month),
        renderMs: after.renderMs,
        commits: after.commits,
        intl: after.intl - before.intl,
      });
    }
    return switches;
  } finally {
    await context.close();
  }
}

export async function measure(): Promise<BenchRow[]> {
  ensureBuild(ROOT);
  const { startSandbox } = (await import('../src/sandbox/index.js')) as SandboxModule;
  const script = await bundlePage(join(ROOT, 'dist', 'index.js'));
  const sandbox = await startSandbox();
  const site = await servePage(script);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const switches = await monthSwitches(browser, sandbox, site.origin);
    const loads = await roundTrips(browser, sandbox, site.origin, true);
    // The same without calApiUrl: the Cal.com origin is then the AISquare config's `cal_api_url`,
    // one request (and its preflight) that the first Cal.com request has to wait for.
    const viaConfig = await roundTrips(browser, sandbox, site.origin, false);
    const configCold = viaConfig.map((l) => l.cold.trips);
    const configReload = viaConfig.map((l) => l.reload.trips);
    const renderMedian = median(switches.map((s) => s.renderMs));
    const renderMin = Math.min(...switches.map((s) => s.renderMs));
    const perDay = switches.map((s) => s.intl / s.days);
    const worstPerDay = Math.max(...perDay);
    const cold = loads.map((l) => l.cold.trips);
    const reload = loads.map((l) => l.reload.trips);
    const coldMedian = median(cold);
    const reloadMedian = median(reload);
    const range = (values: number[]) =>
      Math.min(...values) === Math.max(...values)
        ? String(values[0])
        : `${Math.min(...values)}–${Math.max(...values)}`;
    const waves = (path: ReturnType<typeof criticalPath>) =>
      path.waves.map((wave, index) => `${index + 1}: ${wave}`).join('; ');
    const firstLoad = loads[0];
    return [
      {
        id: 'bookerChromium.monthSwitchRender',
        row: `Booker in Chromium: month switch at ${SLOTS_PER_DAY} slots a day → React render time (median)`,
        figure: `${renderMedian.toFixed(1)} ms (min ${renderMin.toFixed(1)} ms)`,
        value: renderMedian,
        budget: `≤ ${RENDER_BUDGET_MS} ms`,
        pass: renderMedian <= RENDER_BUDGET_MS,
        method: `CalSlotPicker from dist/ with React's profiling build, ${SWITCHES} switches from ${FIRST_MONTH} in ${SWITCH_ZONE} (both DST changes), the next month prefetched; Profiler actualDuration summed over each switch's commits (${range(switches.map((s) => s.commits))} commits); an absolute time, so it depends on the machine`,
        details: { switches },
      },
      {
        id: 'bookerChromium.monthSwitchIntl',
        row: `Booker in Chromium: month switch at ${SLOTS_PER_DAY} slots a day → Intl formatting calls per day shown (worst)`,
        figure: `${worstPerDay.toFixed(2)} (${range(switches.map((s) => s.intl))} calls for 28–31 days)`,
        value: worstPerDay,
        budget: `≤ ${INTL_BUDGET_PER_DAY}`,
        pass: worstPerDay <= INTL_BUDGET_PER_DAY,
        method: `Intl.DateTimeFormat format, formatToParts, formatRange and formatRangeToParts counted in the page from the click to the new month shown; same ${SWITCHES} switches`,
        details: { perDay },
      },
      {
        id: 'bookerChromium.coldRoundTrips',
        row: `Booker in Chromium: cold load, named event type, +${LATENCY_MS} ms per request → round trips before the first times`,
        figure: `${coldMedian} (${range(cold)} over ${COLD_LOADS} loads; @calcom/atoms Booker: ${ATOMS_COLD})`,
        value: coldMedian,
        budget: `≤ ${COLD_BUDGET}`,
        pass: coldMedian <= COLD_BUDGET,
        method: `CalBooker username + eventTypeSlug from dist/, the provider given calApiUrl, one tab, a new browser context per load; a proxy holds every request ${LATENCY_MS} ms (CORS preflights included) and logs it; the critical path counts requests that could only start after another ended, up to the first day with times in the DOM (first load: ${firstLoad ? waves(firstLoad.cold) : '–'}; ${median(loads.map((l) => l.coldMs))} ms median); the atoms figure is read from its code`,
        details: { loads },
      },
      {
        id: 'bookerChromium.reloadRoundTrips',
        row: `Booker in Chromium: reload, preflights cached, +${LATENCY_MS} ms per request → round trips before the first times`,
        figure: `${reloadMedian} (${range(reload)} over ${COLD_LOADS} reloads; @calcom/atoms Booker: ${ATOMS_RELOAD})`,
        value: reloadMedian,
        budget: `≤ ${RELOAD_BUDGET}`,
        pass: reloadMedian <= RELOAD_BUDGET,
        method: `the same tab reloaded after each cold load (the sandbox's preflight Max-Age is 600 s), measured the same way (first reload: ${firstLoad ? waves(firstLoad.reload) : '–'}; ${median(loads.map((l) => l.reloadMs))} ms median); the atoms figure is read from its code`,
      },
      {
        id: 'bookerChromium.configRoundTrips',
        row: `Booker in Chromium: the same without calApiUrl (Cal.com's origin from AISquare's config) → round trips, cold / reload`,
        figure: `${median(configCold)} / ${median(configReload)} (${range(configCold)} / ${range(configReload)} over ${COLD_LOADS} loads)`,
        value: median(configCold),
        budget: 'info',
        pass: null,
        method: `as the two rows above, the provider given no calApiUrl: the config request (and its preflight) comes before the first Cal.com request, whose origin it names (first load: ${viaConfig[0] ? waves(viaConfig[0].cold) : '–'})`,
        details: { loads: viaConfig },
      },
    ];
  } finally {
    await browser.close();
    await site.close();
    await sandbox.close();
  }
}
