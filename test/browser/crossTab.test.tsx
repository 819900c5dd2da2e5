import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { TabProbe } from './fixtures/tabProbe.js';
import { issueJwt, sandboxCounts, sandboxUrl, uniqueUserId } from './helpers.js';

const TOKEN_TTL_SECONDS = 3;
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

describe('two pages of the same origin', () => {
  it(`make one token request per expiry between them (${EXPIRIES} expiries)`, async () => {
    const jwt = await issueJwt(uniqueUserId('tabs'));
    const [first, second] = await Promise.all([openTab('tab one', jwt), openTab('tab two', jwt)]);

    // Both connected and holding the same token: from here on, they share every refresh.
    await expect
      .poll(
        () => {
          const [a, b] = [probe(first), probe(second)];
          return a.status === 'ready' && b.status === 'ready' && current(a) === current(b);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const baseline = {
      requests: (await sandboxCounts()).token,
      tokens: probe(first).tokens.length,
      secondTokens: probe(second).tokens.length,
    };

    await expect
      .poll(
        () => {
          const [a, b] = [probe(first), probe(second)];
          return a.tokens.length - baseline.tokens >= EXPIRIES && current(a) === current(b);
        },
        { timeout: EXPIRIES * TOKEN_TTL_SECONDS * 1000 + 5_000 },
      )
      .toBe(true);

    const requests = (await sandboxCounts()).token - baseline.requests;
    const seenByFirst = probe(first).tokens.slice(baseline.tokens);
    const seenBySecond = probe(second).tokens.slice(baseline.secondTokens);

    // Every token either page holds was requested once, by one of them, and the other received it.
    expect(seenBySecond.map((token) => token.accessToken)).toEqual(
      seenByFirst.map((token) => token.accessToken),
    );
    expect(requests).toBe(seenByFirst.length);
    expect(requests).toBeGreaterThanOrEqual(EXPIRIES);
    expect(requests).toBeLessThanOrEqual(EXPIRIES + 1);
    // One request per expiry: consecutive tokens were issued a refresh interval apart, never twice
    // for the same expiry (a duplicate would come within a request's latency of the previous one).
    for (let index = 1; index < seenByFirst.length; index += 1) {
      const gap = seenByFirst[index]!.expiresAt - seenByFirst[index - 1]!.expiresAt;
      expect(gap).toBeGreaterThanOrEqual((TOKEN_TTL_SECONDS * 1000) / 2 - 100);
    }
    expect(probe(first).status).toBe('ready');
    expect(probe(second).status).toBe('ready');
  });
});
