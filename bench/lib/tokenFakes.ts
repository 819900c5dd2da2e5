// Fakes the token benches share: a BroadcastChannel factory that knows when every message has been
// delivered, and an AISquare client that answers token requests after a latency on the virtual clock.
import type { CalTokenRefreshResponse } from '../../src/client/schemas.js';
import type { CalTokenChannel, CalTokenManagerOptions } from '../../src/token/types.js';

const realSetImmediate = globalThis.setImmediate;
const nextTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

/** Counts messages posted and delivered, so the simulation can wait until every tab has heard. */
export function createChannelFactory() {
  const open = new Map<string, number>();
  let expected = 0;
  let delivered = 0;
  const create = (name: string): CalTokenChannel => {
    const channel = new BroadcastChannel(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    const wrapped = new Map<unknown, (event: MessageEvent) => void>();
    let closed = false;
    return {
      postMessage(message) {
        expected += (open.get(name) ?? 1) - 1;
        channel.postMessage(message);
      },
      addEventListener(_type, listener) {
        const wrapper = (event: MessageEvent) => {
          delivered += 1;
          listener(event);
        };
        wrapped.set(listener, wrapper);
        channel.addEventListener('message', wrapper as EventListener);
      },
      removeEventListener(_type, listener) {
        const wrapper = wrapped.get(listener);
        if (wrapper) channel.removeEventListener('message', wrapper as EventListener);
        wrapped.delete(listener);
      },
      close() {
        if (closed) return;
        closed = true;
        open.set(name, (open.get(name) ?? 1) - 1);
        channel.close();
      },
    };
  };
  /** Real event-loop turns until every posted message has reached every other open tab. */
  const settle = async () => {
    for (let turn = 0; turn < 10_000; turn++) {
      await nextTurn();
      if (delivered >= expected && turn >= 2) return;
    }
    throw new Error(`BroadcastChannel: ${expected - delivered} message(s) never delivered`);
  };
  return { create, settle };
}

/** What the fake server answers to the `serial`-th request (1-based): fields over a 1-hour token, or an error. */
export type Answer = (serial: number) => Partial<CalTokenRefreshResponse> | Error;

export function fakeClient(answer: Answer, latencyMs: number, now: () => number) {
  const starts: number[] = [];
  const client: CalTokenManagerOptions['client'] = {
    baseUrl: 'https://aisquare.bench.invalid',
    refreshToken(_body, options) {
      starts.push(now());
      const result = answer(starts.length);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          if (result instanceof Error) reject(result);
          else {
            resolve({
              access_token: `cal_at_${starts.length}`,
              expires_in: 3600,
              token_type: 'Bearer',
              refreshed: true,
              integration_status: 'existing',
              cal_client_id: 'bench',
              ...result,
            });
          }
        }, latencyMs);
        options?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
  };
  return { client, starts };
}
