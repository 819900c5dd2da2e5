import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CalSlotPickerSlot } from '../../../../src/react/calSlotPickerTypes.js';
import { calErrorResponse } from '../../../helpers/calWorld.js';
import {
  cell,
  focusedDate,
  grid,
  MARCH,
  pickerWorld,
  renderPicker,
  shownTimes,
  slotRequests,
} from '../../../helpers/slotPickerWorld.js';

// The owner works Monday to Friday, 09:00-17:00 UTC; March 2027 begins on a Monday.

async function loaded(date = '2027-03-01') {
  await waitFor(() => expect(cell(date)).toHaveAttribute('data-available'));
}

const monthLabel = () => grid().getAttribute('aria-labelledby') ?? '';
const caption = () => document.getElementById(monthLabel())?.textContent;

describe('CalSlotPicker: the month grid', () => {
  it('is a grid named by the month, with weekday column headers, days marked and named by their times', async () => {
    const { world, eventTypeId } = pickerWorld();
    renderPicker(world, { eventTypeId, ...MARCH });
    await loaded();
    expect(screen.getByRole('grid', { name: 'March 2027' })).toBe(grid());
    expect(
      screen.getAllByRole('columnheader').map((header) => header.getAttribute('abbr')),
    ).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(screen.getByRole('columnheader', { name: 'Mon' })).toHaveAttribute('abbr', 'Monday');
    const monday = screen.getByRole('gridcell', { name: 'Monday, March 1, 2027, times available' });
    expect(monday).toBe(cell('2027-03-01'));
    expect(monday).not.toHaveAttribute('aria-disabled');
    const saturday = screen.getByRole('gridcell', { name: 'Saturday, March 6, 2027, no times' });
    expect(saturday).toHaveAttribute('aria-disabled', 'true');
    expect(saturday).not.toHaveAttribute('data-available');
    // 23 working days in March 2027, each marked; 31 day cells in all.
    expect(grid().querySelectorAll('[data-available]')).toHaveLength(23);
    expect(grid().querySelectorAll('[data-date]')).toHaveLength(31);
    // Roving tabindex: one tab stop, on the first day with times.
    expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(cell('2027-03-01')).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('region', { name: 'Choose a day and time' })).toHaveAttribute(
      'data-state',
      'ready',
    );
    expect(screen.getByRole('button', { name: 'Previous month' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Next month' })).toBeEnabled();
    expect(screen.getByText('Choose a day to see its times.')).toBeInTheDocument();
  });

  it('starts the week on Sunday or Monday (props), with blank cells before the 1st', async () => {
    const { world, eventTypeId } = pickerWorld();
    const view = renderPicker(world, { eventTypeId, ...MARCH, weekStartsOn: 0 });
    await loaded();
    expect(screen.getAllByRole('columnheader')[0]).toHaveAttribute('abbr', 'Sunday');
    const firstRow = grid().querySelectorAll('tbody tr')[0] as HTMLElement;
    expect(firstRow.children[0]).not.toHaveAttribute('data-date');
    expect(firstRow.children[1]).toHaveAttribute('data-date', '2027-03-01');
    view.unmount();

    renderPicker(world, { eventTypeId, ...MARCH, weekStartsOn: 1 });
    await loaded();
    expect(screen.getAllByRole('columnheader')[0]).toHaveAttribute('abbr', 'Monday');
    expect((grid().querySelectorAll('tbody tr')[0] as HTMLElement).children[0]).toHaveAttribute(
      'data-date',
      '2027-03-01',
    );
  });

  it("takes the week start and the 12/24 h format from the user's Cal.com profile when the props leave them open", async () => {
    const { world, eventTypeId } = pickerWorld({ user: { weekStart: 'Sunday', timeFormat: 12 } });
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, timeZone: 'UTC', defaultMonth: '2027-03' });
    await loaded();
    await waitFor(() =>
      expect(screen.getAllByRole('columnheader')[0]).toHaveAttribute('abbr', 'Sunday'),
    );
    await user.click(cell('2027-03-01'));
    expect(shownTimes()[0]?.label).toBe('9:00 AM');
    expect(world.count('GET /v2/me')).toBe(1);
  });

  it('shows 12 h or 24 h times as asked, in the chosen zone', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    const view = renderPicker(world, { eventTypeId, ...MARCH, hourCycle: 'h12' });
    await loaded();
    await user.click(cell('2027-03-01'));
    expect(shownTimes().map((time) => time.label)).toEqual([
      '9:00 AM',
      '9:30 AM',
      '10:00 AM',
      '10:30 AM',
      '11:00 AM',
      '11:30 AM',
      '12:00 PM',
      '12:30 PM',
      '1:00 PM',
      '1:30 PM',
      '2:00 PM',
      '2:30 PM',
      '3:00 PM',
      '3:30 PM',
      '4:00 PM',
      '4:30 PM',
    ]);
    view.unmount();
    renderPicker(world, { eventTypeId, ...MARCH, hourCycle: 'h23' });
    await loaded();
    await user.click(cell('2027-03-01'));
    expect(
      shownTimes()
        .map((time) => time.label)
        .slice(-2),
    ).toEqual(['16:00', '16:30']);
    // With the props given, the profile is not asked for.
    expect(world.count('GET /v2/me')).toBe(0);
  });
});

describe('CalSlotPicker: keyboard (WAI-ARIA APG date picker grid)', () => {
  it('moves by day, week, week edge, month and year, and Enter/Space choose', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, ...MARCH });
    await loaded();
    await user.click(cell('2027-03-10'));
    expect(focusedDate()).toBe('2027-03-10');

    const press = async (keys: string, date: string) => {
      await user.keyboard(keys);
      await waitFor(() => expect(focusedDate()).toBe(date));
      expect(cell(date)).toHaveAttribute('tabindex', '0');
      expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    };
    await press('{ArrowRight}', '2027-03-11');
    await press('{ArrowLeft}', '2027-03-10');
    await press('{ArrowDown}', '2027-03-17');
    await press('{ArrowUp}', '2027-03-10');
    // Wednesday 10th: the week runs Monday 8th to Sunday 14th.
    await press('{Home}', '2027-03-08');
    await press('{End}', '2027-03-14');
    await press('{PageDown}', '2027-04-14');
    expect(caption()).toBe('April 2027');
    await press('{PageUp}', '2027-03-14');
    expect(caption()).toBe('March 2027');
    await press('{Shift>}{PageDown}{/Shift}', '2028-03-14');
    expect(caption()).toBe('March 2028');
    await press('{Shift>}{PageUp}{/Shift}', '2027-03-14');
    // Across a month edge by day.
    await press('{Home}', '2027-03-08');
    await press('{ArrowUp}', '2027-03-01');
    await press('{ArrowLeft}', '2027-02-28');
    expect(caption()).toBe('February 2027');
    await press('{ArrowRight}', '2027-03-01');

    // Enter chooses a day with times; Space too.
    await loaded();
    await user.keyboard('{Enter}');
    expect(cell('2027-03-01')).toHaveAttribute('aria-selected', 'true');
    expect(shownTimes()).toHaveLength(16);
    await press('{ArrowRight}', '2027-03-02');
    await user.keyboard(' ');
    expect(cell('2027-03-02')).toHaveAttribute('aria-selected', 'true');
    expect(cell('2027-03-01')).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByText('Tuesday, March 2, 2027')).toBeInTheDocument();

    // A day without times can be focused but not chosen.
    await press('{End}', '2027-03-07');
    await user.keyboard('{Enter}');
    expect(cell('2027-03-07')).toHaveAttribute('aria-selected', 'false');
    expect(cell('2027-03-02')).toHaveAttribute('aria-selected', 'true');
  });

  it('PageDown from the 31st lands on the last day of a shorter month', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, ...MARCH });
    await loaded();
    await user.click(cell('2027-03-31'));
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(focusedDate()).toBe('2027-04-30'));
  });

  it('swaps left and right in a right-to-left page', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    document.documentElement.setAttribute('dir', 'rtl');
    try {
      renderPicker(world, { eventTypeId, ...MARCH });
      await loaded();
      await user.click(cell('2027-03-10'));
      await user.keyboard('{ArrowRight}');
      await waitFor(() => expect(focusedDate()).toBe('2027-03-09'));
      await user.keyboard('{ArrowLeft}{ArrowLeft}');
      await waitFor(() => expect(focusedDate()).toBe('2027-03-11'));
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it('reads the direction the page computes: CSS `direction: rtl` without a dir attribute swaps too', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    document.documentElement.style.direction = 'rtl';
    try {
      renderPicker(world, { eventTypeId, ...MARCH });
      await loaded();
      await user.click(cell('2027-03-10'));
      await user.keyboard('{ArrowRight}');
      await waitFor(() => expect(focusedDate()).toBe('2027-03-09'));
    } finally {
      document.documentElement.style.direction = '';
    }
  });

  it('Tab reaches the grid once, at its tab stop; the month buttons keep focus and move the month', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    // A fixed layout: no layout switch before the month buttons (see CalSlotPicker.layouts.test.tsx).
    renderPicker(world, { eventTypeId, ...MARCH, layout: 'month' });
    await loaded();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Previous month' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Next month' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(caption()).toBe('April 2027');
    expect(screen.getByRole('button', { name: 'Next month' })).toHaveFocus();
    await loaded('2027-04-01');
    await user.tab();
    expect(focusedDate()).toBe('2027-04-01');
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveFocus();
  });
});

describe('CalSlotPicker: requests', () => {
  it('asks once per month (the month in the zone), prefetches the next, and asks nothing going back', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, ...MARCH, timeZone: 'Europe/Berlin' });
    await loaded();
    // The month's range in the zone: from its first midnight to just before the next month's.
    expect(slotRequests(world)[0]).toEqual({
      start: '2027-02-28T23:00:00.000Z',
      end: '2027-03-31T21:59:59.999Z',
      timeZone: 'Europe/Berlin',
    });
    // April is prefetched once the browser is idle.
    await waitFor(() => expect(slotRequests(world)).toHaveLength(2));
    expect(slotRequests(world)[1]?.start).toBe('2027-03-31T22:00:00.000Z');

    await user.click(screen.getByRole('button', { name: 'Next month' }));
    // Already there: marked at once, no request of its own; May is prefetched.
    expect(cell('2027-04-01')).toHaveAttribute('data-available');
    await waitFor(() => expect(slotRequests(world)).toHaveLength(3));
    expect(slotRequests(world)[2]?.start).toBe('2027-04-30T22:00:00.000Z');

    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(cell('2027-03-01')).toHaveAttribute('data-available');
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(slotRequests(world)).toHaveLength(3);
    // Every request is one calendar month, never the same one twice.
    expect(new Set(slotRequests(world).map((request) => request.start)).size).toBe(3);
  });

  it('keeps the previous month standing in while the next loads (busy grid, the chosen day’s times stay)', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // April's slots wait until released.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(new Request(input, init).url);
      if (url.pathname === '/v2/slots' && url.searchParams.get('start')?.startsWith('2027-04')) {
        await held;
      }
      return world.fetch(input, init);
    };
    renderPicker(world, { eventTypeId, ...MARCH }, fetch);
    await loaded();
    await user.click(cell('2027-03-31'));
    expect(shownTimes()).toHaveLength(16);
    await user.click(screen.getByRole('button', { name: 'Next month' }));

    const region = screen.getByRole('region', { name: 'Choose a day and time' });
    expect(region).toHaveAttribute('data-state', 'loading');
    expect(region).toHaveAttribute('aria-busy', 'true');
    expect(grid()).toHaveAttribute('aria-busy', 'true');
    expect(caption()).toBe('April 2027');
    expect(screen.getByRole('status')).toHaveTextContent('Loading times…');
    // Not known yet: neither marked nor disabled.
    expect(cell('2027-04-01')).not.toHaveAttribute('data-available');
    expect(cell('2027-04-01')).not.toHaveAttribute('aria-disabled');
    expect(cell('2027-04-01')).toHaveAccessibleName('Thursday, April 1, 2027');
    // The chosen day (in March) keeps its times on screen.
    expect(shownTimes()).toHaveLength(16);

    release();
    await loaded('2027-04-01');
    expect(region).toHaveAttribute('data-state', 'ready');
    expect(grid()).not.toHaveAttribute('aria-busy');
    // One request for April: the prefetch and the month shared it.
    expect(
      slotRequests(world).filter((request) => request.start?.startsWith('2027-04')),
    ).toHaveLength(1);
  });

  it('the chosen day keeps its times once another month has loaded, without asking again', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, ...MARCH });
    await loaded();
    await user.click(cell('2027-03-02'));
    expect(shownTimes()).toHaveLength(16);
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    await loaded('2027-04-01');
    const times = document.querySelector('.aisq-slot-picker__times');
    expect(times).toHaveTextContent('Tuesday, March 2, 2027');
    expect(times).not.toHaveTextContent('No times on this day.');
    expect(shownTimes()).toHaveLength(16);
    expect(
      slotRequests(world).filter((request) => request.start?.startsWith('2027-03')),
    ).toHaveLength(1);
  });

  it('a new zone asks again for the month (Cal.com keys days by zone) and moves a slot near midnight to its day there', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    const onTimeZoneChange = vi.fn();
    const onSelect = vi.fn<(slot: CalSlotPickerSlot) => void>();
    renderPicker(world, { eventTypeId, ...MARCH, onSelect });
    await loaded();
    await user.click(cell('2027-03-01'));
    await user.click(screen.getByRole('button', { name: '16:30' }));
    expect(onSelect).toHaveBeenLastCalledWith({ start: '2027-03-01T16:30:00.000Z' });
    expect(screen.getByRole('button', { name: '16:30' })).toHaveAttribute('aria-pressed', 'true');
    // April's prefetch (in UTC) has gone out.
    await waitFor(() => expect(slotRequests(world)).toHaveLength(2));

    const combobox = screen.getByRole('combobox', { name: 'Time zone' });
    expect(combobox).toHaveValue('UTC (GMT)');
    await user.click(combobox);
    await user.keyboard('Tokyo');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Asia/Tokyo (GMT+9)',
    ]);
    await user.keyboard('{Enter}');
    expect(combobox).toHaveValue('Asia/Tokyo (GMT+9)');
    expect(onTimeZoneChange).not.toHaveBeenCalled();

    // 16:30 UTC on Monday is 01:30 on Tuesday in Tokyo.
    await waitFor(() => expect(cell('2027-03-02')).toHaveAttribute('aria-selected', 'true'));
    await loaded('2027-03-02');
    expect(screen.getByText('Tuesday, March 2, 2027')).toBeInTheDocument();
    const pressed = shownTimes().find((time) => time.pressed);
    expect(pressed?.label).toBe('01:30');
    expect(pressed?.start).toMatch(/\+09:00$/);
    expect(Date.parse(pressed?.start ?? '')).toBe(Date.parse('2027-03-01T16:30:00Z'));
    expect(screen.getByText('Times in Asia/Tokyo (GMT+9)')).toBeInTheDocument();
    const tokyo = slotRequests(world).filter((request) => request.timeZone === 'Asia/Tokyo');
    expect(tokyo[0]).toEqual({
      start: '2027-02-28T15:00:00.000Z',
      end: '2027-03-31T14:59:59.999Z',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('controlled zone: the selector asks onTimeZoneChange and shows what the host passes', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    const onTimeZoneChange = vi.fn();
    renderPicker(world, { eventTypeId, ...MARCH, timeZone: 'UTC', onTimeZoneChange });
    await loaded();
    const combobox = screen.getByRole('combobox', { name: 'Time zone' });
    await user.click(combobox);
    await user.keyboard('los angeles{Enter}');
    expect(onTimeZoneChange).toHaveBeenCalledWith('America/Los_Angeles');
    expect(combobox).toHaveValue('UTC (GMT)');
  });
});

describe('CalSlotPicker: a month without times', () => {
  it('says so, and offers the next month when that one has none either', async () => {
    const { world, eventTypeId } = pickerWorld();
    const week = world.model.availability('alice');
    if (!week) throw new Error('no availability');
    week.days = [];
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, ...MARCH });
    const region = screen.getByRole('region', { name: 'Choose a day and time' });
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByRole('status')).toHaveTextContent('No times this month.');
    expect(grid().querySelectorAll('[data-available]')).toHaveLength(0);
    expect(grid().querySelectorAll('[aria-disabled="true"]')).toHaveLength(31);
    const next = await screen.findByRole('button', { name: 'Check next month' });
    await user.click(next);
    expect(caption()).toBe('April 2027');
  });

  it('offers the first day with times next month, known from the prefetch: no extra request', async () => {
    const { world, eventTypeId } = pickerWorld();
    const eventType = world.model.eventType(eventTypeId);
    if (!eventType) throw new Error('no event type');
    // Nothing can be booked before Monday 5 April 2027.
    eventType.minimumBookingNotice = Math.ceil(
      (Date.parse('2027-04-05T00:00:00Z') - Date.now()) / 60_000,
    );
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, ...MARCH });
    const jump = await screen.findByRole('button', {
      name: 'Next available: Monday, April 5, 2027',
    });
    expect(screen.getByText('No times this month.')).toBeInTheDocument();
    await user.click(jump);
    expect(caption()).toBe('April 2027');
    expect(cell('2027-04-05')).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(focusedDate()).toBe('2027-04-05'));
    expect(shownTimes()).toHaveLength(16);
    expect(cell('2027-04-01')).toHaveAttribute('aria-disabled', 'true');
    // March, April (the prefetch, also read by the empty month) and May's prefetch.
    await waitFor(() => expect(slotRequests(world)).toHaveLength(3));
    expect(slotRequests(world).map((request) => request.start?.slice(0, 7))).toEqual([
      '2027-03',
      '2027-04',
      '2027-05',
    ]);
  });
});

describe('CalSlotPicker: the time zone selector (APG combobox with a listbox)', () => {
  it('filters as you type, moves with the arrows, picks with Enter and closes with Escape', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    const onTimeZoneChange = vi.fn();
    renderPicker(world, { eventTypeId, ...MARCH, timeZone: 'Europe/Berlin' });
    await loaded();
    const combobox = screen.getByRole('combobox', { name: 'Time zone' });
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveAttribute('aria-autocomplete', 'list');
    // The offset now, whatever the season of the test run.
    expect((combobox as HTMLInputElement).value).toMatch(/^Europe\/Berlin \(GMT\+[12]\)$/);

    await user.click(combobox);
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Time zone' });
    expect(combobox).toHaveAttribute('aria-controls', listbox.id);
    expect(within(listbox).getAllByRole('option').length).toBeGreaterThan(300);
    // The current zone is the active option.
    expect(
      document.getElementById(combobox.getAttribute('aria-activedescendant') ?? ''),
    ).toHaveTextContent(/^Europe\/Berlin/);

    await user.keyboard('america new');
    const options = within(listbox).getAllByRole('option');
    expect(options.map((option) => option.textContent?.split(' (')[0])).toContain(
      'America/New_York',
    );
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    // Wraps to the last match.
    expect(options.at(-1)).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect((combobox as HTMLInputElement).value).toMatch(/^Europe\/Berlin/);
    expect(onTimeZoneChange).not.toHaveBeenCalled();

    await user.keyboard('{ArrowDown}');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('zzzz');
    expect(within(listbox).queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No matching time zone.')).toBeInTheDocument();
    await user.clear(combobox);
    await user.keyboard('gmt+5:30');
    expect(within(listbox).getAllByRole('option')[0]).toHaveTextContent('(GMT+5:30)');
    await user.keyboard('{Enter}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect((combobox as HTMLInputElement).value).toMatch(/\(GMT\+5:30\)$/);
  });

  it('picks with a click, and lists a zone Intl does not (an alias) when it is the current one', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, ...MARCH, timeZone: 'Asia/Kolkata' });
    await loaded();
    const combobox = screen.getByRole('combobox', { name: 'Time zone' });
    expect(combobox).toHaveValue('Asia/Kolkata (GMT+5:30)');
    await user.click(combobox);
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('Asia/Kolkata (GMT+5:30)');
    await user.keyboard('Honolulu');
    await user.click(screen.getByRole('option', { name: 'Pacific/Honolulu (GMT-10)' }));
    expect(combobox).toHaveValue('Pacific/Honolulu (GMT-10)');
    await waitFor(() => expect(slotRequests(world).at(-1)?.timeZone).toBe('Pacific/Honolulu'));
  });
});

describe('CalSlotPicker: choosing', () => {
  it('calls onSelect with the slot; a controlled `selected` is shown chosen and opens on its day and month', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    const onSelect = vi.fn<(slot: CalSlotPickerSlot) => void>();
    renderPicker(world, {
      eventTypeId,
      timeZone: 'UTC',
      hourCycle: 'h23',
      weekStartsOn: 1,
      selected: { start: '2027-05-04T10:00:00Z' },
      onSelect,
    });
    await loaded('2027-05-04');
    expect(caption()).toBe('May 2027');
    expect(cell('2027-05-04')).toHaveAttribute('aria-selected', 'true');
    expect(cell('2027-05-04')).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('button', { name: '10:00' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: '11:00' }));
    expect(onSelect).toHaveBeenCalledWith({ start: '2027-05-04T11:00:00.000Z' });
    // Controlled: the host has not passed the new one.
    expect(screen.getByRole('button', { name: '10:00' })).toHaveAttribute('aria-pressed', 'true');
    // The time list is named by the day and the zone.
    expect(
      screen.getByRole('list', { name: 'Tuesday, May 4, 2027 Times in UTC (GMT)' }),
    ).toBeTruthy();
  });

  it('opens on the current month in the zone, where the previous month cannot be reached and past days are disabled', async () => {
    const { world, eventTypeId } = pickerWorld();
    renderPicker(world, { eventTypeId, timeZone: 'UTC', hourCycle: 'h23', weekStartsOn: 1 });
    const today = new Date().toISOString().slice(0, 10);
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Choose a day and time' })).not.toHaveAttribute(
        'data-state',
        'loading',
      ),
    );
    expect(screen.getByRole('button', { name: 'Previous month' })).toBeDisabled();
    expect(cell(today)).toHaveAttribute('aria-current', 'date');
    for (const day of grid().querySelectorAll('[data-date]')) {
      if ((day.getAttribute('data-date') ?? '') < today) {
        expect(day).toHaveAttribute('aria-disabled', 'true');
        expect(day).not.toHaveAttribute('data-available');
      }
    }
  });

  it('shows the error with a retry that asks again', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    let fail = true;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(new Request(input, init).url);
      if (fail && url.pathname === '/v2/slots') {
        return calErrorResponse('/v2/slots', 404);
      }
      return world.fetch(input, init);
    };
    renderPicker(world, { eventTypeId, ...MARCH }, fetch);
    const region = screen.getByRole('region', { name: 'Choose a day and time' });
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'error'));
    expect(screen.getByText('Could not load the times.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await loaded();
    expect(region).toHaveAttribute('data-state', 'ready');
  });

  it('is idle without an event type, and draws with other labels and a class name', async () => {
    const { world } = pickerWorld();
    renderPicker(world, {
      eventTypeSlug: '',
      username: '',
      ...MARCH,
      className: 'mine',
      labels: { slotPickerTitle: 'Pick a slot', slotPickerNextMonth: 'Later' },
    });
    const region = screen.getByRole('region', { name: 'Pick a slot' });
    expect(region).toHaveClass('aisq-slot-picker', 'mine');
    expect(region).toHaveAttribute('data-state', 'idle');
    expect(screen.getByRole('button', { name: 'Later' })).toBeInTheDocument();
    expect(slotRequests(world)).toHaveLength(0);
  });

  it('finds the event type by slug and username', async () => {
    const { world } = pickerWorld();
    const username = world.model.getUser('alice')?.username ?? '';
    renderPicker(world, { eventTypeSlug: '30min', username, ...MARCH });
    await loaded();
    expect(
      world.calls.find((url) => url.pathname === '/v2/slots')?.searchParams.get('username'),
    ).toBe(username);
  });
});
