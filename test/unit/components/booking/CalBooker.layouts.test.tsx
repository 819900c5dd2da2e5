import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bookerWorld, renderBooker } from '../../../helpers/bookerWorld.js';

/** The week or column grid's tab stop, once the shown days have times. */
async function tabStop(): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen
      .getByRole('grid', { name: /Times in/ })
      .querySelector<HTMLElement>('button[tabindex="0"]');
    if (!found) throw new Error('no times yet');
    return found;
  });
}

describe('CalBooker: layouts', () => {
  it("the event type's bookerLayouts decide: its week view, a switch to its columns; a time by keyboard leads to the details", async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('office-hours'), timeZone: 'UTC' });
    // Month (Cal.com's default) until the event type is known, then its own.
    const group = await screen.findByRole('group', { name: 'Layout' });
    await waitFor(() =>
      expect(
        within(group)
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['Week', 'Columns']),
    );
    expect(root()?.querySelector('.aisq-slot-picker')).toHaveAttribute('data-layout', 'week');
    expect(screen.queryByRole('button', { name: 'Next month' })).toBeNull();
    // The next week has all five working days, whatever today is.
    await user.click(screen.getByRole('button', { name: 'Next days' }));
    (await tabStop()).focus();
    await user.keyboard('{ArrowDown}');
    const chosen = document.activeElement?.querySelector('time')?.getAttribute('dateTime');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Your details' });
    expect(root()).toHaveAttribute('data-state', 'details');
    expect(Date.parse(chosen ?? '')).toBeGreaterThan(Date.now());
    expect(new Date(chosen ?? '').getUTCMinutes()).toBe(30);
  });

  it('the layout prop overrides the event type and hides the switch', async () => {
    const { world, id } = bookerWorld('UTC');
    renderBooker(world, { eventTypeId: id('office-hours'), timeZone: 'UTC', layout: 'month' });
    await screen.findByRole('grid', { name: /\d{4}$/ });
    expect(screen.queryByRole('group', { name: 'Layout' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Next month' })).toBeInTheDocument();
  });

  it('an event type without bookerLayouts: the month view, with a switch among all three', async () => {
    const { world, id } = bookerWorld('UTC');
    renderBooker(world, { eventTypeId: id('30min'), timeZone: 'UTC' });
    const group = await screen.findByRole('group', { name: 'Layout' });
    expect(within(group).getByRole('button', { name: 'Month' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(group).getAllByRole('button')).toHaveLength(3);
  });

  it('a layout switched to is kept after Back from the details', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('office-hours'), timeZone: 'UTC' });
    const picker = () => root()?.querySelector('.aisq-slot-picker');
    await waitFor(() => expect(picker()).toHaveAttribute('data-layout', 'week'));
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    expect(picker()).toHaveAttribute('data-layout', 'column');
    await user.click(screen.getByRole('button', { name: 'Next days' }));
    await user.click(await tabStop());
    await screen.findByRole('heading', { name: 'Your details' });
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(picker()).toHaveAttribute('data-layout', 'column'));
  });
});
