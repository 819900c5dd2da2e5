// Live-resource counters for the leak bench: timers (setTimeout/setInterval not yet fired or
// cleared), event listeners on chosen targets, and open BroadcastChannels.

export interface LiveTimer {
  kind: 'timeout' | 'interval';
  delay: number;
  stack: string;
}

export function trackTimers() {
  const live = new Map<unknown, LiveTimer>();
  const g = globalThis as unknown as Record<string, unknown>;
  const real = {
    setTimeout: globalThis.setTimeout,
    setInterval: globalThis.setInterval,
    clearTimeout: globalThis.clearTimeout,
    clearInterval: globalThis.clearInterval,
  };
  const stack = () => new Error().stack?.split('\n').slice(3).join('\n') ?? '';
  const forget = (handle: unknown) => {
    if (typeof handle === 'number') {
      for (const key of live.keys()) if (Number(key) === handle) live.delete(key);
    } else {
      live.delete(handle);
    }
  };
  g.setTimeout = (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const handle: unknown = real.setTimeout(
      (...callArgs: unknown[]) => {
        live.delete(handle);
        callback(...callArgs);
      },
      delay,
      ...args,
    );
    live.set(handle, { kind: 'timeout', delay: Number(delay) || 0, stack: stack() });
    return handle;
  };
  g.setInterval = (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const handle = real.setInterval(callback, delay, ...args);
    live.set(handle, { kind: 'interval', delay: Number(delay) || 0, stack: stack() });
    return handle;
  };
  g.clearTimeout = (handle: unknown) => {
    forget(handle);
    real.clearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  };
  g.clearInterval = (handle: unknown) => {
    forget(handle);
    real.clearInterval(handle as Parameters<typeof clearInterval>[0]);
  };
  return {
    live: () => [...live.values()],
    /** Timers live now that were not live in `before`. */
    since: (before: readonly LiveTimer[]) => [...live.values()].filter((t) => !before.includes(t)),
  };
}

export interface LiveListener {
  target: string;
  type: string;
}

/** Wraps add/removeEventListener on each target (by instance) and counts the listeners attached. */
export function trackListeners(targets: Record<string, EventTarget>) {
  const live = new Map<string, LiveListener & { count: number }>();
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (value: unknown) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return 0;
    let id = ids.get(value);
    if (id === undefined) {
      id = nextId++;
      ids.set(value, id);
    }
    return id;
  };
  const capture = (options: unknown) =>
    typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean })?.capture);
  for (const [name, target] of Object.entries(targets)) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = (type: string, listener: unknown, options?: unknown) => {
      if (listener) {
        const key = `${name}|${type}|${idOf(listener)}|${capture(options)}`;
        // The DOM ignores a duplicate registration; so do we.
        if (!live.has(key)) live.set(key, { target: name, type, count: 1 });
      }
      add(type, listener as EventListener, options as AddEventListenerOptions);
    };
    target.removeEventListener = (type: string, listener: unknown, options?: unknown) => {
      if (listener) live.delete(`${name}|${type}|${idOf(listener)}|${capture(options)}`);
      remove(type, listener as EventListener, options as EventListenerOptions);
    };
  }
  return { count: () => live.size, live: () => [...live.values()] };
}

/** Counts BroadcastChannels constructed and not yet closed. */
export function trackBroadcastChannels() {
  const Real = globalThis.BroadcastChannel;
  let open = 0;
  class Tracked extends Real {
    #closed = false;
    constructor(name: string) {
      super(name);
      open += 1;
    }
    override close(): void {
      if (!this.#closed) {
        this.#closed = true;
        open -= 1;
      }
      super.close();
    }
  }
  globalThis.BroadcastChannel = Tracked as typeof BroadcastChannel;
  return { open: () => open };
}
