// The page of bench/reservations.ts: the booking flow and the slots a picker would show, in a part of
// the page that can be taken away while the provider stays. Imported after installDom().
import { useState } from 'react';
import { useCalBookingFlow, useCalSlots } from '../../src/index.js';

type Flow = ReturnType<typeof useCalBookingFlow>;

/** What the probe rendered last, and the switch that takes it off the page. */
export const probe: { flow?: Flow; starts: string[]; show: (on: boolean) => void } = {
  starts: [],
  show: () => {},
};

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function Probe() {
  const flow = useCalBookingFlow({ timeZone: 'UTC' });
  const slots = useCalSlots(
    flow.slotsParams && { ...flow.slotsParams, start: day(1), end: day(14) },
    { prefetchNextRange: false },
  );
  probe.flow = flow;
  probe.starts = Object.values(slots.data ?? {})
    .flat()
    .map((slot) => slot.start);
  return null;
}

export function ReservationPage() {
  const [on, setOn] = useState(true);
  probe.show = setOn;
  return on ? <Probe /> : null;
}
