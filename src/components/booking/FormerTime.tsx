'use client';

import type { ReactNode } from 'react';
import type { BookingsLabels } from '../labels.js';

/**
 * A rescheduled booking's former time, struck through (`<del>`), after a visible "Former time" label
 * so the change is clear without the strike-through and to a screen reader.
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function formerTime(start: string, when: string, labels: BookingsLabels): ReactNode {
  return (
    <p className="aisq-former-time">
      <span className="aisq-former-time__label">{labels.bookerFormerTime}</span>{' '}
      <del>
        <time dateTime={start}>{when}</time>
      </del>
    </p>
  );
}
