'use client';

import type { ReactNode } from 'react';
import { useCalToken } from '../react/useCalToken.js';
import { useNow } from '../react/useNow.js';
import { useRefreshCalToken } from '../react/useRefreshCalToken.js';
import type { CalTokenStatusValue } from '../token/types.js';
import { useBookingsLabels } from './BookingsLabelsContext.js';
import { classNames } from './classNames.js';
import { type BookingsLabelsOverrides, formatTimeUntil } from './labels.js';

export interface CalTokenStatusProps {
  /**
   * Show when the next refresh happens while the token is ready, counting down every second.
   * @default true
   */
  showCountdown?: boolean;
  /**
   * Extra class names for the root element, which always has `aisq-token-status`.
   * @default undefined
   */
  className?: string;
  /**
   * Labels for this component only, merged over the `BookingsLabelsProvider`'s and the defaults
   * (`tokenIdle`, `tokenLoading`, `tokenReady`, `tokenRefreshesIn`, `tokenRefreshing`,
   * `tokenUnauthorized`, `tokenError`, `errorMessage`, `retry`, `locale`).
   * @default undefined
   */
  labels?: BookingsLabelsOverrides;
}

/**
 * The Cal.com connection's live state, in a polite live region (`role="status"`): ready (with the time
 * until the next refresh, formatted with `Intl.RelativeTimeFormat`), refreshing, session expired
 * (401/403), error with a retry button, idle and loading. State changes are announced; the countdown
 * is not (it is marked `aria-live="off"`).
 *
 * Root: `.aisq-token-status[data-state="idle" | "loading" | "ready" | "refreshing" | "error" | "unauthorized"]`.
 */
export function CalTokenStatus({
  showCountdown = true,
  className,
  labels: labelsProp,
}: CalTokenStatusProps): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  const { status, error, nextRefreshAt } = useCalToken();
  const refresh = useRefreshCalToken();
  const now = useNow(showCountdown && status === 'ready' && nextRefreshAt !== null);

  let label: string;
  let detail: ReactNode = null;
  switch (status) {
    case 'ready':
      label = labels.tokenReady;
      if (showCountdown && nextRefreshAt !== null) {
        detail = (
          <span className="aisq-token-status__detail" aria-live="off">
            <time dateTime={new Date(nextRefreshAt).toISOString()}>
              {labels.tokenRefreshesIn(formatTimeUntil(nextRefreshAt - now, labels.locale))}
            </time>
          </span>
        );
      }
      break;
    case 'refreshing':
      label = labels.tokenRefreshing;
      break;
    case 'loading':
      label = labels.tokenLoading;
      break;
    case 'unauthorized':
      label = labels.tokenUnauthorized;
      break;
    case 'error':
      label = labels.tokenError;
      if (error) {
        const kind = error.kind in labels.errorMessage ? error.kind : 'server';
        detail = <span className="aisq-token-status__detail">{labels.errorMessage[kind]}</span>;
      }
      break;
    default:
      label = labels.tokenIdle;
  }

  return (
    <div
      role="status"
      aria-live="polite"
      className={classNames('aisq-token-status', className)}
      data-state={status satisfies CalTokenStatusValue}
    >
      <span className="aisq-token-status__indicator" aria-hidden="true" />
      <span className="aisq-token-status__label">{label}</span>
      {detail ? ' ' : null}
      {detail}
      {status === 'error' ? (
        <button
          type="button"
          className="aisq-button aisq-token-status__retry"
          onClick={() => refresh.mutate()}
        >
          {labels.retry}
        </button>
      ) : null}
    </div>
  );
}
