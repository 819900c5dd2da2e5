import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { TabProbe } from './fixtures/tabProbe.js';
import { issueJwt, sandboxCounts, sandboxUrl, uniqueUserId } from './helpers.js';

// Longer than twice the manager's 5 s minimum gap between token requests, so that every tab would
// refresh (at about 6 s) on its own if the sharing failed.
const TOKEN_TTL_SECONDS = 8;
const EXPIRIES = 3;

const frames: HTMLIFrameElement[] = [];

beforeEach(async () => {
  await commands.sandboxReset();
  await commands.sandboxSetTokenTtl(TOKEN_TTL_SECONDS);
});

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens fixtures/tab.html (same origin as the test) in an iframe: a second "tab" with its own app. */
async function openTab(name: string, jwt: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = name;
  frame.style.cssText = 'width: 240px; height: 60px; border: 1px solid;';
  const query = new URLSearchParams({ api: sandboxUrl, jwt });
  frame.src = `/test/browser/fixtures/tab.html?${query}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame;
}

function probe(frame: HTMLIFrameElement): TabProbe {
  const found = (frame.contentWindow as (Window & { bookingsTab?: TabProbe }) | null)?.bookingsTab;
  return found ?? { status: 'not loaded', tokens: [], requests: 0 };
}

function current(tab: TabProbe): string | undefined {
  return tab.tokens[tab.tokens.length - 1]?.accessToken;
}

function same(tabs: TabProbe[]): boolean {
  return tabs.every((tab) => tab.status === 'ready' && current(tab) === current(tabs[0]!));
}

describe.each([2, 4])('%i pages of the same origin', (count) => {
  it(`make one token request per expiry between them (${EXPIRIES} expiries)`, {
    timeout: 60_000,
  }, async () => {
    const jwt = await issueJwt(uniqueUserId('tabs'));
    const frames = await Promise.all(
      Array.from({ length: count }, (_, index) => openTab(`tab ${index + 1}`, jwt)),
    );
    const probes = () => frames.map(probe);

    // All connected and holding the same token: from here on, they share every refresh.
    await expect.poll(() => same(probes()), { timeout: 15_000 }).toBe(true);
    const baseline = {
      requests: (await sandboxCounts()).token,
      tokens: probes().map((tab) => tab.tokens.length),
    };

    await expect
      .poll(
        () => {
          const tabs = probes();
          return tabs[0]!.tokens.length - baseline.tokens[0]! >= EXPIRIES && same(tabs);
        },
        { timeout: EXPIRIES * TOKEN_TTL_SECONDS * 1000 + 10_000 },
      )
      .toBe(true);

    const requests = (await sandboxCounts()).token - baseline.requests;
    const seen = probes().map((tab, index) => tab.tokens.slice(baseline.tokens[index]));
    const seenByFirst = seen[0]!;

    // Every token any page holds was requested once, by one of them, and the others received it.
    for (const tokens of seen.slice(1)) {
      expect(tokens.map((token) => token.accessToken)).toEqual(
        seenByFirst.map((token) => token.accessToken),
      );
    }
    expect(requests).toBe(seenByFirst.length);
    expect(requests).toBeGreaterThanOrEqual(EXPIRIES);
    expect(requests).toBeLessThanOrEqual(EXPIRIES + 1);
    // One request per expiry: consecutive tokens were issued a refresh interval apart, never twice
    // for the same expiry (a duplicate would come within a request's latency of the previous one).
    for (let index = 1; index < seenByFirst.length; index += 1) {
      const gap = seenByFirst[index]!.expiresAt - seenByFirst[index - 1]!.expiresAt;
      expect(gap).toBeGreaterThanOrEqual((TOKEN_TTL_SECONDS * 1000) / 2 - 100);
    }
    for (const tab of probes()) expect(tab.status).toBe('ready');
  });
});
