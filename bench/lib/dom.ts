import { JSDOM } from 'jsdom';

/**
 * Installs a jsdom window as the global browser environment (window, document, navigator, DOM
 * classes), keeping Node's own fetch, timers, AbortController, BroadcastChannel and friends. Must run
 * before react-dom or @tanstack/query-core is imported: both look for `window` when they load.
 * Node 20 has no `navigator.locks`, so the token manager runs without Web Locks.
 */
export function installDom(): Window & typeof globalThis {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  });
  const win = dom.window;
  const target = globalThis as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in globalThis) continue;
    try {
      target[key] = (win as unknown as Record<string, unknown>)[key];
    } catch {
      // a few jsdom getters throw outside a document context; nothing here needs them
    }
  }
  target.window = win;
  target.document = win.document;
  return win;
}

/** Resolves after `ms` on the real clock. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
