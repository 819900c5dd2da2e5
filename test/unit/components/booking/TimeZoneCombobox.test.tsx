import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TimeZoneCombobox } from '../../../../src/components/booking/TimeZoneCombobox.js';

function setup(value: string) {
  const onChange = vi.fn<(zone: string) => void>();
  render(
    <TimeZoneCombobox
      value={value}
      onChange={onChange}
      label="Time zone"
      noMatch="No matching time zone."
      optionLabel={(zone, offset) => `${zone} (${offset})`}
    />,
  );
  const combobox = screen.getByRole('combobox', { name: 'Time zone' });
  const options = () =>
    within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option');
  return { onChange, combobox, options, user: userEvent.setup() };
}

describe('TimeZoneCombobox: zones renamed in the tz database', () => {
  it.each([
    ['Kolkata', 'Asia/Kolkata (GMT+5:30)'],
    ['Calcutta', 'Asia/Kolkata (GMT+5:30)'],
    ['Kyiv', 'Europe/Kyiv ('],
    ['ho chi minh', 'Asia/Ho_Chi_Minh (GMT+7)'],
    ['Kathmandu', 'Asia/Kathmandu (GMT+5:45)'],
    ['Yangon', 'Asia/Yangon (GMT+6:30)'],
    ['Nuuk', 'America/Nuuk ('],
  ])('"%s" finds %s, shown by its current name', async (query, label) => {
    const { combobox, options, user, onChange } = setup('Europe/Berlin');
    await user.click(combobox);
    await user.keyboard(query);
    const found = options();
    expect(found).toHaveLength(1);
    expect(found[0]?.textContent?.startsWith(label)).toBe(true);
    await user.keyboard('{Enter}');
    // The value is a name the engine knows, whichever of the two it lists.
    expect(onChange).toHaveBeenCalledOnce();
  });

  it.each(['Asia/Kolkata', 'Asia/Calcutta'])(
    'the current zone %s is listed once, under its current name',
    async (value) => {
      const { combobox, options, user } = setup(value);
      expect(combobox).toHaveValue('Asia/Kolkata (GMT+5:30)');
      await user.click(combobox);
      const india = options().filter((option) => /Kolkata|Calcutta/.test(option.textContent ?? ''));
      expect(india).toHaveLength(1);
      expect(india[0]).toHaveAttribute('data-current', 'true');
      expect(india[0]).toHaveAttribute('aria-selected', 'true');
    },
  );
});
