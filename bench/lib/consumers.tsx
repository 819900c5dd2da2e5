// React consumers of each hook, for the request, readiness, render and leak benches. Import this
// module only after `installDom()`: it loads react-dom and @tanstack/react-query.
import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  BookingsProvider,
  type BookingsProviderProps,
  useCalConfig,
  useCalSlots,
  useCalToken,
  useCalUser,
} from '../../src/index.js';

export type Hook = 'config' | 'user' | 'token';

/** What every consumer reports after each commit. */
export class Tracker {
  readonly status: Record<Hook, string[]> = { config: [], user: [], token: [] };
  /** Commits per hook's consumers (a `useEffect` without deps runs once per commit). */
  readonly commits: Record<Hook, number> = { config: 0, user: 0, token: 0 };
  private listeners = new Set<() => void>();

  report(hook: Hook, index: number, status: string): void {
    this.status[hook][index] = status;
    this.commits[hook] += 1;
    for (const listener of this.listeners) listener();
  }

  /** True when `count` consumers of each hook in `hooks` report `ready`/`success`. */
  allReady(count: number, hooks: readonly Hook[] = ['config', 'user', 'token']): boolean {
    return hooks.every((hook) => {
      const statuses = this.status[hook];
      if (statuses.length < count) return false;
      for (let i = 0; i < count; i++) {
        const status = statuses[i];
        if (status !== 'success' && status !== 'ready') return false;
      }
      return true;
    });
  }

  /** Resolves as soon as `condition` holds after a commit (no polling, so timings stay exact). */
  when(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
    return new Promise((resolve, reject) => {
      if (condition()) {
        resolve(performance.now());
        return;
      }
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const listener = () => {
        if (!condition()) return;
        const at = performance.now();
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(at);
      };
      this.listeners.add(listener);
    });
  }
}

interface ConsumerProps {
  tracker: Tracker;
  index: number;
}

export function ConfigConsumer({ tracker, index }: ConsumerProps): ReactNode {
  const { status } = useCalConfig();
  useEffect(() => tracker.report('config', index, status));
  return null;
}

export function UserConsumer({ tracker, index }: ConsumerProps): ReactNode {
  const { status } = useCalUser();
  useEffect(() => tracker.report('user', index, status));
  return null;
}

export function TokenConsumer({ tracker, index }: ConsumerProps): ReactNode {
  const { status } = useCalToken();
  useEffect(() => tracker.report('token', index, status));
  return null;
}

export interface MountOptions {
  tracker: Tracker;
  /** Consumers per hook. */
  perHook: Partial<Record<Hook, number>>;
  provider: BookingsProviderProps;
}

const consumers = { config: ConfigConsumer, user: UserConsumer, token: TokenConsumer };

/** Renders `<StrictMode><BookingsProvider>` with `perHook` consumers of each hook into a new container. */
export function mount({ tracker, perHook, provider }: MountOptions): { unmount(): void } {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root: Root = createRoot(container);
  const children: ReactNode[] = [];
  for (const hook of ['config', 'user', 'token'] as const) {
    const Consumer = consumers[hook];
    for (let index = 0; index < (perHook[hook] ?? 0); index++) {
      children.push(<Consumer key={`${hook}-${index}`} tracker={tracker} index={index} />);
    }
  }
  root.render(
    <StrictMode>
      <BookingsProvider {...provider}>{children}</BookingsProvider>
    </StrictMode>,
  );
  return {
    unmount() {
      root.unmount();
      container.remove();
    },
  };
}

export interface SlotsRangeProps {
  eventTypeId: number;
  start: string;
  end: string;
  /** Called after each commit with whether this range (not a placeholder) is on screen. */
  onShown: (shown: boolean) => void;
}

/** A `useCalSlots` consumer for one range, as a booking page's week view would be. */
export function SlotsRange({ eventTypeId, start, end, onShown }: SlotsRangeProps): ReactNode {
  const slots = useCalSlots({ eventTypeId, start, end, timeZone: 'UTC' });
  const shown = slots.isSuccess && !slots.isPlaceholderData;
  useEffect(() => onShown(shown));
  return null;
}
