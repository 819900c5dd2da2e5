import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CalBookerLayout } from '../../../../src/booking/slotPickerLayout.js';
import type { CalSlotPickerSlot } from '../../../../src/react/calSlotPickerTypes.js';
import {
  MARCH,
  pickerWorld,
  renderPicker,
  slotRequests,
} from '../../../helpers/slotPickerWorld.js';

// The owner works Monday to Friday, 09:00-17:00 UTC: 16 half hours a working day. March 2027 begins
// on a Monday.
const OFFICE_HOURS: { defaultLayout: CalBookerLayout; enabledLayouts: CalBookerLayout[] } = {
  defaultLayout: 'week',
  enabledLayouts: ['week', 'column'],
};

const grid = () => screen.getByRole('grid');
const headers = () =>
  within(grid())
    .getAllByRole('columnheader')
    .map((header) => header.getAttribute('abbr'));
/** The focused time: its day's column header and its label. */
function focused() {
  const button = document.activeElement as HTMLElement;
  const cell = button.closest('td');
  const column = cell ? [...(cell.parentElement?.children ?? [])].indexOf(cell) : -1;
  return `${headers()[column]} ${button.textContent}`;
}
const times = (column: number) =>
  [...grid().querySelectorAll('tbody tr')]
    .map((row) => row.children[column]?.querySelector('button')?.textContent)
    .filter(Boolean);

async function loaded(count = 16) {
  await waitFor(() => expect(times(0)).toHaveLength(count));
}

function render(props: {
  layout?: CalBookerLayout;
  bookerLayouts?: { defaultLayout: CalBookerLayout; enabledLayouts: CalBookerLayout[] };
  selected?: CalSlotPickerSlot;
  onLayoutChange?: (layout: CalBookerLayout) => void;
}) {
  const { world, eventTypeId } = pickerWorld();
  const user = userEvent.setup();
  const onSelect = vi.fn<(slot: CalSlotPickerSlot) => void>();
  renderPicker(world, { eventTypeId, ...MARCH, ...props, onSelect });
  return { world, user, onSelect };
}

describe('CalSlotPicker: layouts', () => {
  it("without the event type's bookerLayouts: month, with a switch among all three (Cal.com's default)", async () => {
    const { user } = render({});
    const group = screen.getByRole('group', { name: 'Layout' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Month', 'Week', 'Columns']);
    expect(within(group).getByRole('button', { name: 'Month' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('grid', { name: 'March 2027' })).toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: 'Week' }));
    expect(screen.getByRole('region')).toHaveAttribute('data-layout', 'week');
    expect(within(group).getByRole('button', { name: 'Week' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it("the event type's bookerLayouts: its default layout, its enabled layouts in the switch", async () => {
    render({ bookerLayouts: OFFICE_HOURS });
    const group = screen.getByRole('group', { name: 'Layout' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Week', 'Columns']);
    await loaded();
    expect(screen.getByRole('grid', { name: /^Mar 1\s–\s7, 2027 Times in UTC \(GMT\)$/ })).toBe(
      grid(),
    );
    expect(headers()).toEqual([
      'Monday, March 1, 2027',
      'Tuesday, March 2, 2027',
      'Wednesday, March 3, 2027',
      'Thursday, March 4, 2027',
      'Friday, March 5, 2027',
      'Saturday, March 6, 2027',
      'Sunday, March 7, 2027',
    ]);
    expect(times(0)[0]).toBe('09:00');
    expect(times(4)).toHaveLength(16);
    expect(times(5)).toEqual([]);
    expect(screen.getAllByText('No times on this day.')).toHaveLength(2);
    // Roving tabindex: one tab stop, on the first time.
    expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('a layout prop wins over the event type and hides the switch', async () => {
    render({ layout: 'month', bookerLayouts: OFFICE_HOURS });
    expect(screen.queryByRole('group', { name: 'Layout' })).toBeNull();
    expect(screen.getByRole('grid', { name: 'March 2027' })).toBeInTheDocument();
  });

  it('controlled: the switch calls onLayoutChange and shows what the host says', async () => {
    const onLayoutChange = vi.fn();
    const { user } = render({ layout: 'week', onLayoutChange });
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    expect(onLayoutChange).toHaveBeenCalledWith('column');
    expect(screen.getByRole('region')).toHaveAttribute('data-layout', 'week');
  });

  it('week: arrows, Home/End, PageDown and Enter by keyboard', async () => {
    const { user, onSelect, world } = render({ layout: 'week' });
    await loaded();
    // The previous and next buttons, then the grid's one tab stop.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(focused()).toBe('Monday, March 1, 2027 09:00');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(focused()).toBe('Monday, March 1, 2027 10:00');
    await user.keyboard('{ArrowRight}');
    expect(focused()).toBe('Tuesday, March 2, 2027 10:00');
    await user.keyboard('{End}');
    // The last day with times: Friday (the weekend has none).
    expect(focused()).toBe('Friday, March 5, 2027 10:00');
    await user.keyboard('{ArrowRight}');
    expect(focused()).toBe('Friday, March 5, 2027 10:00');
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Friday, March 5, 2027 10:30');
    await user.keyboard('{Home}');
    expect(focused()).toBe('Monday, March 1, 2027 10:30');
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(focused()).toBe('Monday, March 1, 2027 09:00');
    expect(grid().querySelectorAll('[tabindex="0"]')).toHaveLength(1);

    await user.keyboard('{PageDown}');
    await waitFor(() => expect(focused()).toBe('Monday, March 8, 2027 09:00'));
    expect(screen.getByRole('button', { name: 'Previous days' })).toBeEnabled();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(
      expect.objectContaining({ start: '2027-03-08T09:30:00.000Z' }),
    );
    expect(document.activeElement).toHaveAttribute('aria-pressed', 'true');
    // One request for March (and April prefetched once idle), none for the week itself.
    expect(
      slotRequests(world).filter((request) => request.start?.startsWith('2027-03')),
    ).toHaveLength(1);
  });

  it('week across a month end: both months asked, April days filled', async () => {
    const { world } = render({ layout: 'week', selected: { start: '2027-03-30T10:00:00Z' } });
    await waitFor(() => expect(times(3)).toHaveLength(16));
    expect(headers()[3]).toBe('Thursday, April 1, 2027');
    expect(times(4)).toHaveLength(16);
    const months = slotRequests(world).map((request) => request.start?.slice(0, 7));
    expect(months).toContain('2027-03');
    expect(months).toContain('2027-04');
    // The chosen time is the tab stop.
    expect(grid().querySelector('[tabindex="0"]')).toHaveAttribute('aria-pressed', 'true');
  });

  it('column: the chosen day and the next four; PageDown moves five days, PageUp back', async () => {
    const { user } = render({ layout: 'column', selected: { start: '2027-03-03T09:00:00Z' } });
    await waitFor(() => expect(times(0)).toHaveLength(16));
    expect(headers()).toEqual([
      'Wednesday, March 3, 2027',
      'Thursday, March 4, 2027',
      'Friday, March 5, 2027',
      'Saturday, March 6, 2027',
      'Sunday, March 7, 2027',
    ]);
    await user.tab();
    await user.tab();
    await user.tab();
    expect(focused()).toBe('Wednesday, March 3, 2027 09:00');
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(focused()).toBe('Monday, March 8, 2027 09:00'));
    expect(headers()[0]).toBe('Monday, March 8, 2027');
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(headers()[0]).toBe('Wednesday, March 3, 2027'));
  });

  it('rtl: ArrowLeft goes to the next day', async () => {
    const { user } = render({ layout: 'column' });
    document.body.setAttribute('dir', 'rtl');
    try {
      await loaded();
      grid().querySelector<HTMLElement>('[tabindex="0"]')?.focus();
      await user.keyboard('{ArrowLeft}');
      expect(focused()).toBe('Tuesday, March 2, 2027 09:00');
      await user.keyboard('{ArrowRight}');
      expect(focused()).toBe('Monday, March 1, 2027 09:00');
    } finally {
      document.body.removeAttribute('dir');
    }
  });
});
