import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CalSlotPickerSlot } from '../../../src/react/calSlotPickerTypes.js';
import { zoneDisplayName } from '../../../src/time/zoneNames.js';
import {
  cell,
  pickerWorld,
  renderPicker,
  shownTimes,
  slotRequests,
} from '../../helpers/slotPickerWorld.js';

// Run by the `tz-la` and `tz-kolkata` projects: the process's own zone must never show through.
const PROCESS_OFFSETS: Record<string, number> = {
  // getTimezoneOffset() in January: minutes west of UTC.
  'America/Los_Angeles': 480,
  'Asia/Kolkata': -330,
};

const ymd = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);

/** The times shown are the model's free instants of that day in `timeZone`, labelled in that zone. */
function expectTimesOfDay(
  world: ReturnType<typeof pickerWorld>,
  day: string,
  timeZone: string,
  hourCycle: 'h12' | 'h23',
) {
  const from = Date.parse(`${day}T00:00:00Z`) - 2 * 86_400_000;
  const expected = world.world.model
    .slots(world.eventTypeId, from, from + 5 * 86_400_000)
    .map((slot) => slot.start)
    .filter((ms) => ymd(ms, timeZone) === day);
  const shown = shownTimes();
  expect(shown.map((time) => Date.parse(time.start))).toEqual(expected);
  const format = new Intl.DateTimeFormat('en', {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZone,
  });
  expect(shown.map((time) => time.label)).toEqual(expected.map((ms) => format.format(ms)));
}

/** Renders the picker of the world's event type, with a user and an `onSelect` spy to go with it. */
function renderWithSpy(
  world: ReturnType<typeof pickerWorld>,
  props: Omit<Parameters<typeof renderPicker>[1], 'eventTypeId'>,
) {
  const user = userEvent.setup();
  const onSelect = vi.fn<(slot: CalSlotPickerSlot) => void>();
  renderPicker(world.world, { eventTypeId: world.eventTypeId, ...props, onSelect });
  return { user, onSelect };
}

/** Clicks the time labelled `label`; `onSelect` must get the instant `iso`. */
async function expectPicked(
  { user, onSelect }: ReturnType<typeof renderWithSpy>,
  label: string,
  iso: string,
) {
  await user.click(screen.getByRole('button', { name: label }));
  expect(Date.parse(onSelect.mock.lastCall?.[0].start ?? '')).toBe(Date.parse(iso));
}

describe(`CalSlotPicker with the process in ${process.env.TZ}`, () => {
  it('runs in the zone its project sets', () => {
    const zone = process.env.TZ ?? '';
    expect(Object.keys(PROCESS_OFFSETS)).toContain(zone);
    expect(new Date(Date.UTC(2027, 0, 15)).getTimezoneOffset()).toBe(PROCESS_OFFSETS[zone]);
  });

  it("defaults to the viewer's zone: days keyed, times shown and asked for in it", async () => {
    const world = pickerWorld();
    const user = userEvent.setup();
    const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    renderPicker(world.world, {
      eventTypeId: world.eventTypeId,
      defaultMonth: '2027-03',
      hourCycle: 'h23',
      weekStartsOn: 1,
    });
    await waitFor(() => expect(cell('2027-03-02')).toHaveAttribute('data-available'));
    expect(slotRequests(world.world)[0]?.timeZone).toBe(viewer);
    expect((screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement).value).toMatch(
      // By its current name: Asia/Kolkata where Intl says Asia/Calcutta.
      new RegExp(`^${zoneDisplayName(viewer)} `),
    );
    await user.click(cell('2027-03-02'));
    expectTimesOfDay(world, '2027-03-02', viewer, 'h23');
    expect(shownTimes()).toHaveLength(16);
  });

  it("an unknown timeZone: asks and shows in the viewer's zone, not UTC", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const world = pickerWorld();
    const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    renderPicker(world.world, {
      eventTypeId: world.eventTypeId,
      timeZone: 'Mars/Olympus',
      defaultMonth: '2027-03',
      hourCycle: 'h23',
      weekStartsOn: 1,
    });
    await waitFor(() => expect(cell('2027-03-02')).toHaveAttribute('data-available'));
    expect(slotRequests(world.world)[0]?.timeZone).toBe(viewer);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('March 2027 in America/Los_Angeles: 09:00 is 17:00Z before the change and 16:00Z after it', async () => {
    const world = pickerWorld({ ownerTimeZone: 'America/Los_Angeles' });
    const zone = 'America/Los_Angeles';
    const picker = renderWithSpy(world, {
      timeZone: zone,
      defaultMonth: '2027-03',
      hourCycle: 'h12',
      weekStartsOn: 0,
    });
    const { user } = picker;
    await waitFor(() => expect(cell('2027-03-12')).toHaveAttribute('data-available'));
    // The month from midnight PST on the 1st to just before midnight PDT on 1 April.
    expect(slotRequests(world.world)[0]).toEqual({
      start: '2027-03-01T08:00:00.000Z',
      end: '2027-04-01T06:59:59.999Z',
      timeZone: zone,
    });
    // Sunday 14 March, the day the clocks go forward, has no working hours; weekdays all do.
    expect(cell('2027-03-14')).toHaveAttribute('aria-disabled', 'true');
    expect(cell('2027-03-15')).toHaveAttribute('data-available');

    await user.click(cell('2027-03-12'));
    expect(shownTimes()[0]?.label).toBe('9:00 AM');
    expect(screen.getByText('Times in America/Los_Angeles (GMT-8)')).toBeInTheDocument();
    expectTimesOfDay(world, '2027-03-12', zone, 'h12');
    await expectPicked(picker, '9:00 AM', '2027-03-12T17:00:00Z');

    await user.click(cell('2027-03-15'));
    expect(shownTimes()[0]?.label).toBe('9:00 AM');
    expect(shownTimes().at(-1)?.label).toBe('4:30 PM');
    expect(screen.getByText('Times in America/Los_Angeles (GMT-7)')).toBeInTheDocument();
    expectTimesOfDay(world, '2027-03-15', zone, 'h12');
    await expectPicked(picker, '9:00 AM', '2027-03-15T16:00:00Z');
  });

  it('October 2027 in Europe/London: a UTC working day reads 10:00 before the change and 09:00 on the day it happens', async () => {
    const world = pickerWorld({ ownerTimeZone: 'UTC' });
    // Weekends too, so that Sunday 31 October (clocks back at 01:00 UTC) has times.
    const week = world.world.model.availability('alice');
    if (!week) throw new Error('no availability');
    week.days = [0, 1, 2, 3, 4, 5, 6];
    const zone = 'Europe/London';
    const picker = renderWithSpy(world, {
      timeZone: zone,
      defaultMonth: '2027-10',
      hourCycle: 'h23',
      weekStartsOn: 1,
    });
    const { user } = picker;
    await waitFor(() => expect(cell('2027-10-31')).toHaveAttribute('data-available'));
    expect(slotRequests(world.world)[0]).toEqual({
      start: '2027-09-30T23:00:00.000Z',
      end: '2027-10-31T23:59:59.999Z',
      timeZone: zone,
    });

    await user.click(cell('2027-10-30'));
    expect(
      shownTimes()
        .map((time) => time.label)
        .slice(0, 2),
    ).toEqual(['10:00', '10:30']);
    expect(screen.getByText('Times in Europe/London (GMT+1)')).toBeInTheDocument();
    expectTimesOfDay(world, '2027-10-30', zone, 'h23');
    await expectPicked(picker, '10:00', '2027-10-30T09:00:00Z');

    await user.click(cell('2027-10-31'));
    expect(
      shownTimes()
        .map((time) => time.label)
        .slice(0, 2),
    ).toEqual(['09:00', '09:30']);
    expect(shownTimes().at(-1)?.label).toBe('16:30');
    expect(screen.getByText('Times in Europe/London (GMT)')).toBeInTheDocument();
    expectTimesOfDay(world, '2027-10-31', zone, 'h23');
    await expectPicked(picker, '09:00', '2027-10-31T09:00:00Z');
  });

  it('a half-hour zone east of UTC moves the late slots to the next day', async () => {
    const world = pickerWorld({ ownerTimeZone: 'America/New_York' });
    const user = userEvent.setup();
    const zone = 'Asia/Kolkata';
    renderPicker(world.world, {
      eventTypeId: world.eventTypeId,
      timeZone: zone,
      defaultMonth: '2027-03',
      hourCycle: 'h23',
      weekStartsOn: 1,
    });
    // New York's Monday 1 March, 09:00-17:00 EST, is 19:30 Monday to 03:30 Tuesday in Kolkata.
    await waitFor(() => expect(cell('2027-03-01')).toHaveAttribute('data-available'));
    await user.click(cell('2027-03-01'));
    expect(shownTimes()[0]?.label).toBe('19:30');
    expectTimesOfDay(world, '2027-03-01', zone, 'h23');
    await user.click(cell('2027-03-02'));
    expect(shownTimes()[0]?.label).toBe('00:00');
    expectTimesOfDay(world, '2027-03-02', zone, 'h23');
    // Saturday morning in Kolkata still has Friday evening's New York times.
    expect(cell('2027-03-06')).toHaveAttribute('data-available');
    expect(cell('2027-03-07')).toHaveAttribute('aria-disabled', 'true');
  });
});
