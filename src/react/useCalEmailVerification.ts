'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { nextCalEmailCodeAt } from '../booking/pageSettings.js';
import { isCalApiError } from '../calapi/errors.js';
import type { CalQueryError } from './useCalApi.js';
import { useCalApi } from './useCalApi.js';

/**
 * Where the e-mail code stands: `idle` (none asked for yet), `sending`, `sent`, `notSent` (Cal.com
 * answered `sent: false`), `throttled` (too many codes asked for: wait a minute), `verifying`,
 * `invalid` (a wrong or lapsed code), `error` (any other failure, in `error`).
 */
export type CalEmailVerificationStatus =
  | 'idle'
  | 'sending'
  | 'sent'
  | 'notSent'
  | 'throttled'
  | 'verifying'
  | 'invalid'
  | 'error';

export interface CalEmailVerification {
  status: CalEmailVerificationStatus;
  /** The failure behind `error`. */
  error: CalQueryError | undefined;
  /** Whether another code may be asked for now (Cal.com allows 3 a minute). */
  canResend: boolean;
  /** Asks Cal.com to e-mail a code to `email` (`POST /v2/atoms/verification/email/send-code`). */
  send: (email: string) => void;
  /**
   * Checks `code` for `email` (`POST …/verify-code`) and calls `onVerified(code)` when Cal.com
   * accepts it. Ignored while a request is out.
   */
  verify: (email: string, code: string) => void;
}

const PATH = '/v2/atoms/verification/email';

/**
 * The e-mail code of an event type with `requiresBookerEmailVerification`, over Cal.com's atoms
 * endpoints: send (with Cal.com's throttle of 3 a minute kept on this side too), then verify.
 * `useCalBookingFlow` uses it for its verifyingEmail step; `onVerified` gets the accepted code.
 */
export function useCalEmailVerification(onVerified: (code: string) => void): CalEmailVerification {
  const calApi = useCalApi();
  const [status, setStatus] = useState<CalEmailVerificationStatus>('idle');
  const [error, setError] = useState<CalQueryError>();
  const sentAt = useRef<number[]>([]);
  const [resendAt, setResendAt] = useState(0);
  const busy = useRef(false);
  const verified = useRef(onVerified);
  verified.current = onVerified;

  // Renders again when the throttle lifts, so that Resend comes back on its own.
  const [, tick] = useState(0);
  useEffect(() => {
    const wait = resendAt - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(() => tick((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [resendAt]);

  /** One request at a time; a 429 blocks sending for Cal.com's minute, a 400 on a code is `invalid`. */
  const run = useCallback(
    (
      request: () => Promise<unknown>,
      done: (data: unknown) => CalEmailVerificationStatus,
      checkingCode: boolean,
    ) => {
      busy.current = true;
      setError(undefined);
      request().then(
        (envelope) => {
          busy.current = false;
          setStatus(done((envelope as { data?: unknown } | undefined)?.data));
        },
        (failure: CalQueryError) => {
          busy.current = false;
          const code = isCalApiError(failure) ? failure.status : undefined;
          if (code === 429) setResendAt(Date.now() + 60_000);
          const next =
            code === 429 ? 'throttled' : code === 400 && checkingCode ? 'invalid' : 'error';
          if (next === 'error') setError(failure);
          setStatus(next);
        },
      );
    },
    [],
  );

  const send = useCallback(
    (email: string) => {
      const now = Date.now();
      if (busy.current) return;
      if (nextCalEmailCodeAt(sentAt.current, now) > now) {
        setStatus('throttled');
        return;
      }
      sentAt.current = [...sentAt.current, now];
      setResendAt(nextCalEmailCodeAt(sentAt.current, now));
      setStatus('sending');
      run(
        () => calApi.fetch(`${PATH}/send-code`, { method: 'POST', body: { email } }),
        (data) => ((data as { sent?: unknown } | undefined)?.sent === true ? 'sent' : 'notSent'),
        false,
      );
    },
    [calApi, run],
  );

  const verify = useCallback(
    (email: string, code: string) => {
      if (busy.current) return;
      setStatus('verifying');
      run(
        () => calApi.fetch(`${PATH}/verify-code`, { method: 'POST', body: { email, code } }),
        (data) => {
          if ((data as { verified?: unknown } | undefined)?.verified !== true) return 'invalid';
          verified.current(code);
          return 'sent';
        },
        true,
      );
    },
    [calApi, run],
  );

  const canResend = resendAt <= Date.now() && status !== 'sending';
  return useMemo(
    () => ({ status, error, canResend, send, verify }),
    [status, error, canResend, send, verify],
  );
}
