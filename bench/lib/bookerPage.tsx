// The page bench/bookerChromium.ts loads in Chromium, bundled from the built package (dist/) with
// React's profiling build. `?mode=booker`: CalBooker on a named event type, recording when the first
// day with times is on screen. `?mode=switch`: CalSlotPicker in a Profiler, recording each commit.

import { BookingsProvider, CalBooker, CalSlotPicker } from '@aisquare/bookings-react';
import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';

export interface BookerPageRecord {
  /** `Date.now()` when the first day with times was on screen (booker mode). */
  firstTimesAt?: number;
  /** Every commit of the picker (switch mode): React's own render time for it. */
  commits: { phase: string; actualDuration: number; commitTime: number }[];
}

const params = new URLSearchParams(window.location.search);
const api = params.get('api') ?? '';
// Given: the Cal.com origin is known at once; left out: it comes from AISquare's config.
const calApiUrl = params.get('cal') ?? undefined;
const jwt = params.get('jwt');
const record: BookerPageRecord = { commits: [] };
(window as Window & { benchBooker?: BookerPageRecord }).benchBooker = record;

const container = document.getElementById('root') as HTMLElement;
if (params.get('mode') === 'booker') {
  // Noted as soon as the DOM has it, before the browser paints it.
  const observer = new MutationObserver(() => {
    if (container.querySelector('[role="gridcell"][data-available]')) {
      record.firstTimesAt = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(container, { subtree: true, childList: true, attributes: true });
  createRoot(container).render(
    <BookingsProvider baseUrl={api} jwt={jwt} calApiUrl={calApiUrl}>
      <CalBooker username={params.get('username') ?? ''} eventTypeSlug={params.get('slug') ?? ''} />
    </BookingsProvider>,
  );
} else {
  createRoot(container).render(
    <BookingsProvider baseUrl={api} jwt={jwt}>
      <Profiler
        id="picker"
        onRender={(_, phase, actualDuration, _base, _start, commitTime) => {
          record.commits.push({ phase, actualDuration, commitTime });
        }}
      >
        <CalSlotPicker
          eventTypeId={Number(params.get('eventTypeId'))}
          timeZone={params.get('timeZone') ?? 'UTC'}
          defaultMonth={params.get('month') ?? undefined}
          hourCycle="h23"
          weekStartsOn={1}
        />
      </Profiler>
    </BookingsProvider>,
  );
}
