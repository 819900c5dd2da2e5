import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { pickerWorld, renderPicker } from '../../helpers/slotPickerWorld.js';

// Run by the `tz-la` and `tz-kolkata` projects: the process's own zone must never show through.
const grid = () => screen.getByRole('grid', { name: /Times in America\/Los_Angeles/ });
/** The first time of each shown day: its label and its instant in UTC. */
const firstTimes = () =>
  [...grid().querySelectorAll('tbody tr:first-child td')].map((cell) => {
    const time = cell.querySelector('time');
    return time ? `${time.textContent} ${new Date(time.dateTime).toISOString().slice(11, 16)}` : '';
  });

describe(`CalSlotPicker's week layout with the process in ${process.env.TZ}`, () => {
  it('the DST week in America/Los_Angeles: 09:00 every working day, 17:00Z before the change, 16:00Z after', async () => {
    const { world, eventTypeId } = pickerWorld({ ownerTimeZone: 'America/Los_Angeles' });
    const user = userEvent.setup();
    renderPicker(world, {
      eventTypeId,
      timeZone: 'America/Los_Angeles',
      layout: 'week',
      weekStartsOn: 0,
      hourCycle: 'h23',
      // Monday, March 15, 2027, 09:00 PDT: the week of March 14, when the clocks go forward.
      defaultMonth: '2027-03',
      selected: { start: '2027-03-15T09:00:00-07:00' },
    });
    await waitFor(() => expect(firstTimes()[1]).toBe('09:00 16:00'));
    expect(firstTimes()).toEqual([
      '',
      '09:00 16:00',
      '09:00 16:00',
      '09:00 16:00',
      '09:00 16:00',
      '09:00 16:00',
      '',
    ]);
    expect(grid().querySelector('th')).toHaveAttribute('abbr', 'Sunday, March 14, 2027');
    await user.click(screen.getByRole('button', { name: 'Previous days' }));
    await waitFor(() => expect(firstTimes()[1]).toBe('09:00 17:00'));
    expect(grid().querySelector('th')).toHaveAttribute('abbr', 'Sunday, March 7, 2027');
  });
});
