'use client';

import type { ReactNode } from 'react';
import type { UseCalBookingFlowResult } from '../../react/useCalBookingFlow.js';
import { formatMinutes } from '../../time/format.js';
import type { BookingsLabels } from '../labels.js';

/**
 * `CalBooker`'s duration choice, for an event type offering several lengths: a group of radios
 * (arrow keys move the choice, as a native radio group does), styled as a segmented control, in the
 * event's details above the times. Root: `fieldset.aisq-booker__durations`; each option's label has
 * `data-state="checked" | "unchecked"`.
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function bookerDuration(
  flow: UseCalBookingFlowResult,
  /** The radios' shared `name`, unique on the page. */
  name: string,
  labels: BookingsLabels,
): ReactNode {
  const { durations, duration } = flow;
  if (!durations) return null;
  return (
    <fieldset className="aisq-booker__durations">
      <legend className="aisq-booker__durations-legend">{labels.bookerDuration}</legend>
      {durations.map((minutes) => (
        <label
          key={minutes}
          className="aisq-booker__duration"
          data-state={minutes === duration ? 'checked' : 'unchecked'}
        >
          <input
            type="radio"
            name={name}
            value={minutes}
            checked={minutes === duration}
            onChange={() => flow.selectDuration(minutes)}
          />
          {formatMinutes(minutes, labels.locale)}
        </label>
      ))}
    </fieldset>
  );
}
