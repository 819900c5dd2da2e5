import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memo } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  cell,
  focusedDate,
  pickerWorld,
  renderPicker,
  shownTimes,
} from '../../../helpers/slotPickerWorld.js';

// Each memoised part of the picker is wrapped to count how often its body runs (StrictMode runs a
// body twice per render, so the counts are compared, not taken as render numbers).
const renders = vi.hoisted(() => ({ grid: 0, times: 0, days: new Map<string, number>() }));

vi.mock('../../../../src/components/booking/SlotPickerGrid.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../../../src/components/booking/SlotPickerGrid.js')>();
  const inner = (original.SlotPickerGrid as unknown as { type: (props: never) => unknown }).type;
  return {
    SlotPickerGrid: memo((props: never) => {
      renders.grid++;
      return inner(props) as never;
    }),
  };
});
vi.mock('../../../../src/components/booking/SlotPickerTimes.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../../../src/components/booking/SlotPickerTimes.js')>();
  const inner = (original.SlotPickerTimes as unknown as { type: (props: never) => unknown }).type;
  return {
    SlotPickerTimes: memo((props: never) => {
      renders.times++;
      return inner(props) as never;
    }),
  };
});
vi.mock('../../../../src/components/booking/SlotPickerDay.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../../../src/components/booking/SlotPickerDay.js')>();
  const inner = (original.SlotPickerDay as unknown as { type: (props: never) => unknown }).type;
  return {
    SlotPickerDay: memo((props: { day: { date: string } }) => {
      renders.days.set(props.day.date, (renders.days.get(props.day.date) ?? 0) + 1);
      return inner(props as never) as never;
    }),
  };
});

const snapshot = () => ({ grid: renders.grid, times: renders.times, days: new Map(renders.days) });
function changedDays(before: ReturnType<typeof snapshot>) {
  return [...renders.days]
    .filter(([date, count]) => count !== before.days.get(date))
    .map(([date]) => date)
    .sort();
}

describe('CalSlotPicker renders', () => {
  it('choosing a day renders the time list and the two cells whose state changed, never the grid', async () => {
    const { world, eventTypeId } = pickerWorld();
    const user = userEvent.setup();
    renderPicker(world, {
      eventTypeId,
      timeZone: 'UTC',
      defaultMonth: '2027-03',
      hourCycle: 'h23',
      weekStartsOn: 1,
    });
    await waitFor(() => expect(cell('2027-03-01')).toHaveAttribute('data-available'));
    // Let the prefetch of April settle: it must not render anything either.
    await new Promise((resolve) => setTimeout(resolve, 400));

    await user.click(cell('2027-03-03'));
    let before = snapshot();
    await user.click(cell('2027-03-10'));
    expect(shownTimes()).toHaveLength(16);
    expect(renders.grid - before.grid).toBe(0);
    expect(renders.times - before.times).toBeGreaterThan(0);
    expect(changedDays(before)).toEqual(['2027-03-03', '2027-03-10']);

    // Moving focus with the keyboard renders two cells and neither the grid nor the times.
    before = snapshot();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(focusedDate()).toBe('2027-03-11'));
    expect(renders.grid - before.grid).toBe(0);
    expect(renders.times - before.times).toBe(0);
    expect(changedDays(before)).toEqual(['2027-03-10', '2027-03-11']);

    // Choosing a time renders the time list only.
    before = snapshot();
    const [first] = screen.getAllByRole('button', { name: '09:00' });
    await user.click(first as HTMLElement);
    expect(shownTimes()[0]?.pressed).toBe(true);
    expect(renders.grid - before.grid).toBe(0);
    expect(changedDays(before)).toEqual([]);
    expect(renders.times - before.times).toBeGreaterThan(0);
  });
});
