'use client';

import type { ReactNode } from 'react';
import { isolate } from '../booking/isolate.js';
import type { BookingsApiError, BookingsErrorKind } from '../client/errors.js';
import type { CalQueryError } from '../react/useCalApi.js';
import { useBookingsLabels } from './BookingsLabelsContext.js';
import { classNames } from './classNames.js';
import type { BookingsLabelsOverrides } from './labels.js';

export interface BookingsErrorMessageProps {
  /**
   * The error to explain, from AISquare or from Cal.com (a Cal.com-only kind, `token_expired` or
   * `rate_limited`, reads as `server`). Nothing is rendered for `null` or `undefined`.
   */
  error: BookingsApiError | CalQueryError | null | undefined;
  /**
   * Called by the retry button; without it there is no retry button.
   * @default undefined
   */
  onRetry?: () => void;
  /**
   * Also show the server's own `error.detail`, when it sent one (meant for developers and support,
   * so off by default).
   * @default false
   */
  showDetail?: boolean;
  /**
   * Extra class names for the root element, which always has `aisq-error-message`.
   * @default undefined
   */
  className?: string;
  /**
   * Labels for this component only, merged over the `BookingsLabelsProvider`'s and the defaults
   * (`errorMessage`, `errorNextStep`, `errorDetail`, `retry`).
   * @default undefined
   */
  labels?: BookingsLabelsOverrides;
}

/**
 * Explains a `BookingsApiError` in plain words with a next step, as an alert (`role="alert"`), with
 * an optional retry button. Root: `.aisq-error-message[data-state="error"][data-kind=<kind>]`.
 */
export function BookingsErrorMessage({
  error,
  onRetry,
  showDetail = false,
  className,
  labels: labelsProp,
}: BookingsErrorMessageProps): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  if (!error) return null;
  const kind = (error.kind in labels.errorMessage ? error.kind : 'server') as BookingsErrorKind;
  const detail = showDetail && error.detail ? error.detail : undefined;
  return (
    <div
      role="alert"
      className={classNames('aisq-error-message', className)}
      data-state="error"
      data-kind={kind}
    >
      <p className="aisq-error-message__message">{labels.errorMessage[kind]}</p>
      <p className="aisq-error-message__next-step">{labels.errorNextStep[kind]}</p>
      {detail ? (
        <p className="aisq-error-message__detail">{labels.errorDetail(isolate(detail))}</p>
      ) : null}
      {onRetry ? (
        <button
          type="button"
          className="aisq-button aisq-error-message__retry"
          onClick={() => onRetry()}
        >
          {labels.retry}
        </button>
      ) : null}
    </div>
  );
}
