'use client';

import type { ReactNode } from 'react';
import type { BookingsApiError } from '../client/errors.js';
import { useRefreshCalToken } from '../react/useRefreshCalToken.js';
import type { CalTokenSummary } from '../session/types.js';
import { BookingsErrorMessage } from './BookingsErrorMessage.js';
import { useBookingsLabels } from './BookingsLabelsContext.js';
import { classNames } from './classNames.js';
import type { BookingsLabelsOverrides } from './labels.js';

/** `data-state` of `CalConnectButton`'s root. */
export type CalConnectButtonState = 'idle' | 'connecting' | 'connected' | 'error';

export interface CalConnectButtonProps {
  /**
   * Called once connected with a summary (never the token); `summary.integrationStatus` is `'created'` when this call
   * created the Cal.com account, `'existing'` when it already existed.
   * @default undefined
   */
  onConnected?: (summary: CalTokenSummary) => void;
  /**
   * Called when connecting fails (the error is shown as well).
   * @default undefined
   */
  onError?: (error: BookingsApiError) => void;
  /**
   * Show the server's own error detail under the error message.
   * @default false
   */
  showErrorDetail?: boolean;
  /**
   * Extra class names for the root element, which always has `aisq-connect-button`.
   * @default undefined
   */
  className?: string;
  /**
   * Labels for this component only, merged over the `BookingsLabelsProvider`'s and the defaults
   * (`connect`, `connecting`, `reconnect`, `connectedCreated`, `connectedExisting`, error labels).
   * @default undefined
   */
  labels?: BookingsLabelsOverrides;
}

/**
 * A button that connects the signed-in user to Cal.com: it performs the initial integration for a
 * first-time user (creating the Cal.com account), or refreshes the token of an existing one, and then
 * says which happened. Pairs with `<BookingsProvider autoConnect={false}>` for an explicit connect step.
 *
 * Root: `.aisq-connect-button[data-state="idle" | "connecting" | "connected" | "error"]`, with
 * `data-integration="created" | "existing"` once connected.
 */
export function CalConnectButton({
  onConnected,
  onError,
  showErrorDetail = false,
  className,
  labels: labelsProp,
}: CalConnectButtonProps): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  const connection = useRefreshCalToken();
  const state: CalConnectButtonState = connection.isPending
    ? 'connecting'
    : connection.isSuccess
      ? 'connected'
      : connection.isError
        ? 'error'
        : 'idle';
  const integration = state === 'connected' ? connection.data?.integrationStatus : undefined;

  const connect = () => {
    connection.mutate(undefined, {
      onSuccess: (summary) => onConnected?.(summary),
      onError: (error) => onError?.(error),
    });
  };

  return (
    <div
      className={classNames('aisq-connect-button', className)}
      data-state={state}
      data-integration={integration}
    >
      <button
        type="button"
        className="aisq-button aisq-connect-button__button"
        onClick={connect}
        disabled={state === 'connecting'}
      >
        {state === 'connecting'
          ? labels.connecting
          : state === 'connected'
            ? labels.reconnect
            : labels.connect}
      </button>
      <p role="status" className="aisq-connect-button__status">
        {integration === 'created'
          ? labels.connectedCreated
          : integration === 'existing'
            ? labels.connectedExisting
            : null}
      </p>
      {state === 'error' ? (
        <BookingsErrorMessage
          error={connection.error}
          showDetail={showErrorDetail}
          labels={labelsProp}
        />
      ) : null}
    </div>
  );
}
