import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import { CalBooker, type CalBookerProps } from '../../src/components/booking/CalBooker.js';
import { CAL, type CalWorld, createCalWorld } from './calWorld.js';
import { fakeJwt } from './fakeBookingsApi.js';
import { renderWithProviders } from './renderWithProviders.js';

/** The shared Cal.com fake with alice (the host, `ownerTimeZone`) integrated. */
export function bookerWorld(ownerTimeZone = 'Europe/London') {
  const world = createCalWorld();
  const { user } = world.model.integrate({ sub: 'alice' }, { timeZone: ownerTimeZone });
  const id = (slug: string) =>
    world.model.eventTypes('alice').find((type) => type.slug === slug)?.id ?? 0;
  return { world, host: user, id };
}

/** Renders `CalBooker` in StrictMode on the world's fake, alice signed in. */
export function renderBooker(
  world: CalWorld,
  props: CalBookerProps,
  fetch: typeof globalThis.fetch = world.fetch,
) {
  const view = renderWithProviders(<CalBooker {...props} />, {
    provider: { jwt: fakeJwt('alice'), fetch, calApiUrl: CAL },
  });
  const root = () => view.container.querySelector('.aisq-booker');
  return { ...view, root };
}

/** The first day with times, moving to the next month (at most three) while the shown one has none. */
export async function chooseFirstDay(user: UserEvent): Promise<string> {
  for (let month = 0; month < 4; month += 1) {
    const grid = await screen.findByRole('grid');
    await waitFor(() => expect(grid.getAttribute('aria-busy')).not.toBe('true'));
    await waitFor(() =>
      expect(grid.querySelector('[role="gridcell"]:not([aria-disabled])')).not.toBeNull(),
    ).catch(() => undefined);
    const cell = grid.querySelector<HTMLElement>('[data-available]:not([aria-disabled])');
    if (cell) {
      await user.click(cell);
      return cell.getAttribute('data-date') ?? '';
    }
    await user.click(screen.getByRole('button', { name: 'Next month' }));
  }
  throw new Error('no day with times in four months');
}

/** The chosen day's time buttons: label and instant. */
export function shownTimes() {
  const list = screen.getByRole('list', { name: /Times in/ });
  return within(list)
    .getAllByRole('button')
    .map((button) => ({
      button,
      label: button.textContent ?? '',
      start: button.querySelector('time')?.getAttribute('dateTime') ?? '',
    }));
}

/** Chooses the first day with times and its `index`-th time; returns that time. */
export async function chooseTime(user: UserEvent, index = 0) {
  const day = await chooseFirstDay(user);
  const time = await waitFor(() => {
    const found = shownTimes()[index];
    if (!found) throw new Error('no times yet');
    return found;
  });
  await user.click(time.button);
  return { day, label: time.label, start: time.start };
}
