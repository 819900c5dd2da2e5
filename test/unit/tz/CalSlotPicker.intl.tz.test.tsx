import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cell,
  grid,
  pickerWorld,
  renderPicker,
  shownTimes,
} from '../../helpers/slotPickerWorld.js';

// Month switches at 200 slots a day: the picker places a month's slots on days with a few Intl calls
// (the zone's offsets per week, the month's labels from one call), not one per slot, and does it
// for the prefetched next month while idle, so the click itself parses no slots.

const SLOTS_PER_DAY = 200;
const STEP_MS = 86_400_000 / SLOTS_PER_DAY;

/** Every `Intl.DateTimeFormat` formatting call, counted; `format` is a getter returning a bound function. */
const calls = { count: 0, parses: 0 };
const parse = Date.parse;
const proto = Intl.DateTimeFormat.prototype;
const originals = {
  format: Object.getOwnPropertyDescriptor(proto, 'format') as PropertyDescriptor,
  formatToParts: proto.formatToParts,
  formatRange: proto.formatRange,
  formatRangeToParts: proto.formatRangeToParts,
};
beforeEach(() => {
  calls.count = 0;
  calls.parses = 0;
  Date.parse = (text: string) => {
    calls.parses += 1;
    return parse(text);
  };
  const get = originals.format.get as (this: Intl.DateTimeFormat) => (date?: unknown) => string;
  Object.defineProperty(proto, 'format', {
    configurable: true,
    get(this: Intl.DateTimeFormat) {
      const bound = get.call(this);
      return (date?: unknown) => {
        calls.count += 1;
        return bound(date);
      };
    },
  });
  for (const name of ['formatToParts', 'formatRange', 'formatRangeToParts'] as const) {
    const original = originals[name] as (...args: unknown[]) => unknown;
    (proto as unknown as Record<string, unknown>)[name] = function (
      this: Intl.DateTimeFormat,
      ...args: unknown[]
    ) {
      calls.count += 1;
      return original.apply(this, args);
    };
  }
});
afterEach(() => {
  Date.parse = parse;
  Object.defineProperty(proto, 'format', originals.format);
  proto.formatToParts = originals.formatToParts;
  proto.formatRange = originals.formatRange;
  proto.formatRangeToParts = originals.formatRangeToParts;
});

/** Cal.com's fake, but `GET /v2/slots` answers 200 slots a day over the whole range, keyed by UTC day. */
function denseWorld() {
  const { world, eventTypeId } = pickerWorld();
  /** The months (`YYYY-MM`) whose slots were answered, prefetches included. */
  const answered = new Set<string>();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname !== '/v2/slots') return world.fetch(input, init);
    const from = Date.parse(url.searchParams.get('start') ?? '');
    const to = Date.parse(url.searchParams.get('end') ?? '');
    answered.add(new Date((from + to) / 2).toISOString().slice(0, 7));
    const data: Record<string, { start: string }[]> = {};
    for (let ms = Math.ceil(from / STEP_MS) * STEP_MS; ms <= to; ms += STEP_MS) {
      const start = new Date(ms).toISOString();
      const day = start.slice(0, 10);
      const list = data[day] ?? [];
      list.push({ start });
      data[day] = list;
    }
    return Response.json({ status: 'success', data });
  };
  return { world, eventTypeId, fetch, answered };
}

const daysIn = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** Waits until `month`'s own slots are shown (not the previous month's standing in). */
async function shown(month: string) {
  await waitFor(() => {
    expect(grid()).not.toHaveAttribute('aria-busy');
    expect(cell(`${month}-01`)).toHaveAttribute('data-available');
    expect(cell(`${month}-${daysIn(month)}`)).toHaveAttribute('data-available');
  });
}

/** Intl calls from clicking Next month until the next month is shown, and the days it shows. */
async function switchCost(
  user: ReturnType<typeof userEvent.setup>,
  next: string,
  answered: Set<string>,
) {
  // The next month is prefetched: let it land and be sorted into days (while idle) before counting,
  // as it would while the person reads.
  await waitFor(() => expect(answered.has(next)).toBe(true));
  await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
  const before = { ...calls };
  await user.click(screen.getByRole('button', { name: 'Next month' }));
  await shown(next);
  return {
    calls: calls.count - before.count,
    parses: calls.parses - before.parses,
    days: daysIn(next),
  };
}

describe.each([
  // Zone, a month before a DST change (or none), the month of the change, the month after.
  ['America/Los_Angeles', ['2027-02', '2027-03', '2027-04']],
  ['Europe/London', ['2027-09', '2027-10', '2027-11']],
  // Santiago moves its clocks at midnight: slots near midnight need the change itself.
  ['America/Santiago', ['2027-08', '2027-09', '2027-10']],
  ['Asia/Kolkata', ['2027-05', '2027-06', '2027-07']],
  ['Australia/Lord_Howe', ['2027-03', '2027-04', '2027-05']],
] as const)('month switches at 200 slots a day in %s', (timeZone, months) => {
  it('cost at most one Intl formatting call per day shown, DST months included', async () => {
    const { world, eventTypeId, fetch, answered } = denseWorld();
    const user = userEvent.setup();
    renderPicker(
      world,
      { eventTypeId, timeZone, defaultMonth: months[0], hourCycle: 'h23', weekStartsOn: 1 },
      fetch,
    );
    await shown(months[0]);
    // A chosen day stays chosen (with its 200 times) while the person browses other months.
    await user.click(cell(`${months[0]}-10`));
    expect(shownTimes()).toHaveLength(SLOTS_PER_DAY);
    for (const month of months.slice(1)) {
      const { calls: made, parses, days } = await switchCost(user, month, answered);
      expect(made, `${month}: ${made} Intl calls for ${days} days`).toBeLessThanOrEqual(days);
      // The prefetched month was grouped by day while idle: the click parses no month of slots.
      expect(parses, `${month}: ${parses} Date.parse calls`).toBeLessThan(SLOTS_PER_DAY);
      // Every day has its slots, DST days included.
      for (let date = 1; date <= days; date++) {
        expect(cell(`${month}-${String(date).padStart(2, '0')}`)).toHaveAttribute('data-available');
      }
    }
    // The chosen day's times are still the 200 of its own month.
    expect(shownTimes()).toHaveLength(SLOTS_PER_DAY);

    // A month nobody prefetched (a year ahead, by keyboard) is sorted into days on arrival: still a
    // few Intl calls, the zone's offsets for its weeks, not one per slot.
    const shownMonth = months[months.length - 1] as string;
    await user.click(cell(`${shownMonth}-05`));
    const yearAhead = `${Number(shownMonth.slice(0, 4)) + 1}${shownMonth.slice(4)}`;
    const before = calls.count;
    await user.keyboard('{Shift>}{PageDown}{/Shift}');
    await shown(yearAhead);
    const made = calls.count - before;
    expect(made, `${yearAhead}: ${made} Intl calls`).toBeLessThanOrEqual(daysIn(yearAhead));
  });
});
