'use client';

import { useState } from 'react';
import { calOccurrenceStarts } from '../booking/recurrence.js';
import type { CalEventType } from '../calapi/types.js';

/** The flow's choice of how many occurrences of a recurring event type to book, and their starts. */
export interface RecurrenceChoice {
  recurrenceCount: number | undefined;
  setRecurrenceCount: (count: number) => void;
  occurrences: string[];
}

/**
 * How many occurrences the attendee chose (by default, and at most, the type's count) and their
 * starts from the chosen slot in the attendee's zone. None when rescheduling: Cal.com moves one
 * occurrence at a time.
 */
export function useRecurrenceChoice(
  eventType: CalEventType | undefined,
  start: string | undefined,
  timeZone: string,
  rescheduling: boolean,
): RecurrenceChoice {
  // The choice belongs to the event type it was made for: another type starts at its own count.
  const [chosen, setChosen] = useState<[id: number, count: number]>();
  const recurrence = rescheduling ? undefined : eventType?.recurrence;
  const max = recurrence?.occurrences ?? 0;
  const count = !recurrence
    ? undefined
    : chosen && chosen[0] === eventType?.id
      ? Math.max(1, Math.min(Math.floor(chosen[1]), max) || 1)
      : max;
  return {
    recurrenceCount: count,
    // Worked out each render: a few additions, and the zone offsets are cached by week.
    occurrences:
      recurrence && start && count ? calOccurrenceStarts(start, recurrence, count, timeZone) : [],
    setRecurrenceCount: (next) => eventType && setChosen([eventType.id, next]),
  };
}
