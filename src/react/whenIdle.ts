/**
 * Runs `task` when the browser is idle (at the latest after `timeout` ms), or after `fallback` ms
 * where there is no `requestIdleCallback` (Safari); returns what cancels it, for an effect's cleanup.
 */
export function whenIdle(task: () => void, timeout: number, fallback: number): () => void {
  const idle = globalThis.requestIdleCallback;
  if (idle) {
    const handle = idle(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, fallback);
  return () => clearTimeout(timer);
}
