'use client';

import { useRef, useState } from 'react';
import { nextCalEmailCodeAt } from '../booking/pageSettings.js';
import type { CalQueryError } from './useCalApi.js';
import { useCalApi } from './useCalApi.js';

/**
 * Where the e-mail code stands: `idle` (none asked for yet), `sending`, `sent`, `throttled` (too many
 * codes asked for: nothing was sent, wait a minute), `verifying`, `invalid` (a wrong or lapsed code),
 * `error` (Cal.com sent no code, or another failure, in `error` when there is one).
 */
export type CalEmailVerificationStatus =
  | 'idle'
  | 'sending'
  | 'sent'
  | 'throttled'
  | 'verifying'
  | 'invalid'
  | 'error';

export interface CalEmailVerification {
  status: CalEmailVerificationStatus;
  /** The failure behind `error`, when a request failed. */
  error: CalQueryError | undefined;
  /**
   * Asks Cal.com to e-mail a code to `email` (`POST /v2/atoms/verification/email/send-code`), unless 3
   * went out in the last minute or Cal.com answered 429 within it: then `throttled`, and no request.
   */
  send: (email: string) => void;
  /**
   * Checks `code` for `email` (`POST …/verify-code`) and calls `onVerified(code)` when Cal.com
   * accepts it. Ignored while a request is out.
   */
  verify: (email: string, code: string) => void;
}

/**
 * The e-mail code of an event type with `requiresBookerEmailVerification`, over Cal.com's atoms
 * endpoints: send (Cal.com's throttle of 3 a minute kept on this side too, so no request is made that
 * it would refuse), then verify. `useCalBookingFlow` uses it for its verifyingEmail step. The functions
 * are new each render: read them when called.
 */
export function useCalEmailVerification(onVerified: (code: string) => void): CalEmailVerification {
  const calApi = useCalApi();
  const [[status, error], setState] = useState<
    [CalEmailVerificationStatus, CalQueryError | undefined]
  >(['idle', undefined]);
  /** When codes were asked for; a 429 counts as three, so that a minute passes before the next. */
  const sentAt = useRef<number[]>([]);
  const busy = useRef(false);

  /** One request at a time: a 400 on a code is `invalid`, a 429 `throttled`, any other failure `error`. */
  const run = (body: { email: string; code?: string }) => {
    if (busy.current) return;
    busy.current = true;
    const { code } = body;
    setState([code ? 'verifying' : 'sending', undefined]);
    calApi
      .fetch<{ data?: { sent?: unknown; verified?: unknown } }>(
        `/v2/atoms/verification/email/${code ? 'verify' : 'send'}-code`,
        { method: 'POST', body },
      )
      .then(
        (envelope) => {
          busy.current = false;
          const ok = code ? envelope?.data?.verified : envelope?.data?.sent;
          setState([ok === true ? 'sent' : code ? 'invalid' : 'error', undefined]);
          if (ok === true && code) onVerified(code);
        },
        (failure: CalQueryError) => {
          busy.current = false;
          const at = Date.now();
          if (failure.status === 429) sentAt.current = [at, at, at];
          setState(
            failure.status === 429
              ? ['throttled', undefined]
              : failure.status === 400 && code
                ? ['invalid', undefined]
                : ['error', failure],
          );
        },
      );
  };

  return {
    status,
    error,
    send(email) {
      const now = Date.now();
      if (busy.current) return;
      if (nextCalEmailCodeAt(sentAt.current, now) > now) return setState(['throttled', undefined]);
      sentAt.current.push(now);
      run({ email });
    },
    verify: (email, code) => run({ email, code }),
  };
}
