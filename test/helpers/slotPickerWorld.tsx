import { screen, within } from '@testing-library/react';
import {
  CalSlotPicker,
  type CalSlotPickerProps,
} from '../../src/components/booking/CalSlotPicker.js';
import { CAL, type CalWorld, createCalWorld } from './calWorld.js';
import { fakeJwt } from './fakeBookingsApi.js';
import { renderWithProviders } from './renderWithProviders.js';

export interface PickerWorldOptions {
  /** Zone of the event type's owner, whose working hours (Mon-Fri 09:00-17:00) make the slots. */
  ownerTimeZone?: string;
  /** Cal.com profile fields of the owner (`weekStart`, `timeFormat`). */
  user?: { weekStart?: string; timeFormat?: number };
}

/** The shared Cal.com fake with alice integrated; her 30-minute event type is the one picked. */
export function pickerWorld({ ownerTimeZone = 'UTC', user }: PickerWorldOptions = {}) {
  const world = createCalWorld();
  world.model.integrate(
    { sub: 'alice' },
    { timeZone: ownerTimeZone, ...(user ? { user: user as never } : {}) },
  );
  const eventType = world.model.eventTypes('alice').find((type) => type.slug === '30min');
  if (!eventType) throw new Error('seed changed');
  return { world, eventTypeId: eventType.id };
}

/** `GET /v2/slots` requests so far, as `{ start, end, timeZone }`. */
export function slotRequests(world: CalWorld) {
  return world.calls
    .filter((url) => url.pathname === '/v2/slots')
    .map((url) => ({
      start: url.searchParams.get('start'),
      end: url.searchParams.get('end'),
      timeZone: url.searchParams.get('timeZone'),
    }));
}

/** Renders the picker in StrictMode on the world's fake (alice signed in). */
export function renderPicker(
  world: CalWorld,
  props: CalSlotPickerProps,
  fetch: typeof globalThis.fetch = world.fetch,
) {
  return renderWithProviders(<CalSlotPicker {...props} />, {
    provider: { jwt: fakeJwt('alice'), fetch, calApiUrl: CAL },
  });
}

/** March 2027 in UTC, 24 h, weeks from Monday: the owner's working days are whole (March 1 is a Monday). */
export const MARCH = {
  timeZone: 'UTC',
  defaultMonth: '2027-03',
  hourCycle: 'h23',
  weekStartsOn: 1,
} as const;

export const grid = () => screen.getByRole('grid');
/** The cell of a day (`YYYY-MM-DD`). */
export function cell(date: string): HTMLElement {
  const found = grid().querySelector<HTMLElement>(`[data-date="${date}"]`);
  if (!found) throw new Error(`no cell for ${date}`);
  return found;
}
export const focusedDate = () => document.activeElement?.getAttribute('data-date') ?? null;
/** The time buttons of the chosen day: label and instant. */
export function shownTimes() {
  const list = screen.queryByRole('list', { name: /Times in/ });
  if (!list) return [];
  return within(list)
    .getAllByRole('button')
    .map((button) => ({
      label: button.textContent ?? '',
      start: button.querySelector('time')?.getAttribute('dateTime') ?? '',
      pressed: button.getAttribute('aria-pressed') === 'true',
    }));
}
