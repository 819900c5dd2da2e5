'use client';

import { type FormEvent, type ReactNode, useId } from 'react';
import { isolate } from '../../booking/isolate.js';
import type { UseCalBookingFlowResult } from '../../react/useCalBookingFlow.js';
import { currentOffset, zoneDisplayName } from '../../time/zoneNames.js';
import type { BookingsLabels } from '../labels.js';
import { type BookerSettingsLabels, withBookerSettingsLabels } from './bookerSettingsLabels.js';

/**
 * `CalBooker`'s e-mail code step (an event type with `requiresBookerEmailVerification`): where the
 * code went, a one-time-code input, "Verify and book", and "Send a new code" (past Cal.com's 3 a
 * minute it sends nothing and says to wait). A wrong code, the throttle or a failure is announced and
 * tied to the input.
 * Root: `form.aisq-booker__code[data-state]`, the status of `flow.emailVerification`.
 */
function BookerEmailCode({
  flow,
  labels,
}: {
  flow: UseCalBookingFlowResult;
  labels: BookingsLabels & BookerSettingsLabels;
}): ReactNode {
  const id = useId();
  const { state, emailVerification: code } = flow;
  const email = 'values' in state && state.values ? state.values.email.trim() : '';
  const busy =
    code.status === 'sending' || code.status === 'verifying' || state.step === 'submitting';
  const problem = {
    invalid: labels.bookerEmailCodeInvalid,
    throttled: labels.bookerEmailCodeThrottled,
    error: labels.bookerEmailCodeFailed,
  }[code.status as 'error'];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = new FormData(event.currentTarget).get('code');
    if (typeof typed === 'string' && typed.trim()) flow.verifyEmailCode(typed);
  };
  return (
    <form className="aisq-booker__code" data-state={code.status} onSubmit={onSubmit}>
      <p id={`${id}-sent`}>{labels.bookerEmailCodeSent(isolate(email))}</p>
      <label htmlFor={`${id}-input`}>{labels.bookerEmailCode}</label>
      <input
        id={`${id}-input`}
        name="code"
        className="aisq-booking-form__input aisq-booker__code-input"
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        aria-invalid={code.status === 'invalid' || undefined}
        aria-describedby={`${id}-sent${problem ? ` ${id}-problem` : ''}`}
      />
      {problem ? (
        <p id={`${id}-problem`} className="aisq-booker__code-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="aisq-booker__code-actions">
        <button type="submit" className="aisq-button" disabled={busy}>
          {labels.bookerEmailCodeVerify}
        </button>
        <button
          type="button"
          className="aisq-button"
          disabled={busy}
          onClick={flow.resendEmailCode}
        >
          {labels.bookerEmailCodeResend}
        </button>
      </div>
    </form>
  );
}

/**
 * `CalBooker`'s own step for a booking-page setting, when one applies: its `data-state` (when not
 * the flow's step), title and content (after the event's `summary`). Someone not signed in, on an event type that takes signed-in
 * people only, is asked to sign in instead of choosing a time; the e-mail code step stays on screen
 * while the booking it verified is being made.
 */
export function bookerSettingsStep(
  flow: UseCalBookingFlowResult,
  labels: BookingsLabels & BookerSettingsLabels,
  onSignInRequired: (() => void) | undefined,
  summary: ReactNode,
): [state: 'signInRequired' | undefined, title: string, content: ReactNode] | undefined {
  const { step, state } = flow;
  const signIn = flow.signInRequired && step !== 'choosingEventType' && step !== 'confirmed';
  if (!signIn && step !== 'verifyingEmail' && !(state.step === 'submitting' && state.emailCode)) {
    return undefined;
  }
  return [
    signIn ? 'signInRequired' : undefined,
    signIn ? labels.bookerSignInTitle : labels.bookerEmailCodeTitle,
    <>
      {summary}
      {signIn ? (
        bookerSignIn(labels, onSignInRequired)
      ) : (
        <BookerEmailCode flow={flow} labels={labels} />
      )}
    </>,
  ];
}

/**
 * `CalBooker`'s answer to an event type that takes signed-in people only, for a visitor: why, and a
 * "Sign in" button when the host passed `onSignInRequired`.
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
function bookerSignIn(
  labels: BookerSettingsLabels,
  onSignInRequired: (() => void) | undefined,
): ReactNode {
  return (
    <div className="aisq-booker__sign-in">
      <p>{labels.bookerSignInRequired}</p>
      {onSignInRequired ? (
        <button type="button" className="aisq-button" onClick={onSignInRequired}>
          {labels.bookerSignIn}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The slot picker's zone when the event type locks it (`lockTimeZoneToggleOnBookingPage`): the zone
 * in a read-only field, as the selector would name it, described by the reason.
 * Root: `.aisq-slot-picker__zone[data-state="locked"]`.
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function lockedTimeZone(idPrefix: string, zone: string, labels: BookingsLabels): ReactNode {
  const id = `${idPrefix}-locked-zone`;
  return (
    <div className="aisq-slot-picker__zone" data-state="locked">
      <label className="aisq-slot-picker__zone-label" htmlFor={id}>
        {labels.slotPickerTimeZone}
      </label>
      <input
        id={id}
        className="aisq-slot-picker__zone-input"
        readOnly
        value={labels.slotPickerTimeZoneOption(zoneDisplayName(zone), currentOffset(zone))}
        aria-describedby={`${id}-why`}
      />
      <p id={`${id}-why`} className="aisq-slot-picker__zone-locked">
        {withBookerSettingsLabels(labels).slotPickerTimeZoneLocked}
      </p>
    </div>
  );
}
