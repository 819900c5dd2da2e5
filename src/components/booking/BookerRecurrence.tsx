'use client';

import type { ReactNode } from 'react';
import type { UseCalBookingFlowResult } from '../../react/useCalBookingFlow.js';
import { formatBookingTime } from '../../time/format.js';
import type { HourCycle } from '../../time/locale.js';
import type { BookingsLabels } from '../labels.js';

/**
 * A recurring event type's choice of how many meetings to book (1 to the type's count) and the dates
 * they fall on, from the chosen time in the attendee's zone; nothing for a one-off type.
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function bookerRecurrence(
  flow: UseCalBookingFlowResult,
  labels: BookingsLabels,
  hourCycle: HourCycle,
): ReactNode {
  const { recurrenceCount: count, occurrences } = flow;
  const recurrence = flow.eventType?.recurrence;
  if (!count || !recurrence) return null;
  return (
    <div className="aisq-booker__recurrence">
      <label>
        {labels.bookerOccurrences}{' '}
        <select
          value={count}
          // What is being booked does not change under the request.
          disabled={flow.step === 'submitting'}
          onChange={(event) => flow.setRecurrenceCount(Number(event.target.value))}
        >
          {Array.from({ length: recurrence.occurrences }, (_, index) => index + 1).map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <p className="aisq-booker__repeats">
        {labels.bookerRepeats(recurrence.frequency, recurrence.interval, count)}
      </p>
      {occurrenceList(occurrences, flow.timeZone, labels, hourCycle)}
    </div>
  );
}

/** The dates of a series, in order, in `timeZone`. */
export function occurrenceList(
  starts: readonly string[],
  timeZone: string,
  labels: BookingsLabels,
  hourCycle: HourCycle,
): ReactNode {
  return (
    <ol className="aisq-booker__occurrences" aria-label={labels.bookerOccurrenceDates}>
      {starts.map((start) => (
        <li key={start}>
          <time dateTime={start}>
            {formatBookingTime(start, undefined, timeZone, labels.locale, hourCycle)}
          </time>
        </li>
      ))}
    </ol>
  );
}
