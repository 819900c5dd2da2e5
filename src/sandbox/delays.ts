import type { ServerResponse } from 'node:http';

/** How a wait for the latency ended. */
type DelayOutcome = 'elapsed' | 'closing' | 'disconnected';

export interface Delays {
  /** Waits `ms`, ending early when the sandbox closes or the client of `response` goes away. */
  wait(ms: number, response: ServerResponse): Promise<DelayOutcome>;
  /** Ends every pending wait with `'closing'`. */
  cancelAll(): void;
}

/**
 * The latency waits of one sandbox. Each wait registers in a set and on its own response, never on
 * a shared `AbortSignal`: a listener per concurrent request on one signal trips Node's
 * MaxListenersExceeded warning past 10 requests.
 */
export function createDelays(): Delays {
  const pending = new Set<() => void>();
  return {
    wait(ms, response) {
      return new Promise<DelayOutcome>((resolve) => {
        const finish = (outcome: DelayOutcome) => {
          clearTimeout(timer);
          pending.delete(onClosing);
          response.off('close', onDisconnect);
          resolve(outcome);
        };
        const onClosing = () => finish('closing');
        const onDisconnect = () => finish('disconnected');
        const timer = setTimeout(() => finish('elapsed'), ms);
        pending.add(onClosing);
        response.once('close', onDisconnect);
      });
    },
    cancelAll() {
      for (const cancel of [...pending]) cancel();
    },
  };
}
