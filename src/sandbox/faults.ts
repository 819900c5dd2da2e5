import { SANDBOX_ENDPOINTS } from './routes.js';
import type { SandboxEndpoint, SandboxFault } from './types.js';

export interface FaultQueue {
  add(endpoint: SandboxEndpoint, fault: SandboxFault, times: number): void;
  /** The fault for the request arriving now at `endpoint`, consuming one use; `undefined` = none. */
  take(endpoint: SandboxEndpoint): SandboxFault | undefined;
  clear(): void;
}

function checkFault(endpoint: SandboxEndpoint, fault: SandboxFault, times: number): void {
  if (!SANDBOX_ENDPOINTS.includes(endpoint)) {
    throw new TypeError(
      `unknown endpoint ${String(endpoint)}; use one of ${SANDBOX_ENDPOINTS.map((name) => `'${name}'`).join(', ')}`,
    );
  }
  if (fault !== 'malformed' && fault !== 'hang') {
    if (!Number.isInteger(fault) || fault < 400 || fault > 599) {
      throw new RangeError("fault must be an HTTP status from 400 to 599, 'malformed' or 'hang'");
    }
  }
  if (!Number.isInteger(times) || times < 1) {
    throw new RangeError('times must be a positive integer');
  }
}

/** Per-endpoint FIFO of injected faults, each good for a number of requests. */
export function createFaultQueue(): FaultQueue {
  const queues = new Map<SandboxEndpoint, { fault: SandboxFault; remaining: number }[]>();

  return {
    add(endpoint, fault, times) {
      checkFault(endpoint, fault, times);
      const queue = queues.get(endpoint) ?? [];
      queue.push({ fault, remaining: times });
      queues.set(endpoint, queue);
    },
    take(endpoint) {
      const queue = queues.get(endpoint);
      const head = queue?.[0];
      if (queue === undefined || head === undefined) return undefined;
      head.remaining -= 1;
      if (head.remaining === 0) queue.shift();
      return head.fault;
    },
    clear() {
      queues.clear();
    },
  };
}
