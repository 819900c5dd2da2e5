import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CalBooking } from '../../../src/calapi/types.js';
import { CalBookingsList } from '../../../src/index.js';
import { createCalWorld } from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

const DAY_MS = 86_400_000;

/**
 * A world where alice has `upcoming` bookings of her 30-minute event type, each with a different
 * attendee, plus `past` ones made while the model's clock stood 30 days back, and `cancelled` ones.
 */
function seededWorld({ upcoming = 0, past = 0, cancelled = 0, timeFormat = 24 } = {}) {
  let offset = 0;
  const world = createCalWorld({ now: () => Date.now() - offset });
  world.model.integrate({ sub: 'alice' }, { user: { timeFormat } });
  const thirty = world.model.eventTypes('alice').find((type) => type.slug === '30min');
  if (!thirty) throw new Error('seed changed');
  const book = (count: number, name: (index: number) => string) => {
    const now = world.model.now();
    const slots = world.model.slots(thirty.id, now, now + 21 * DAY_MS);
    return Array.from({ length: count }, (_, index) => {
      const slot = slots[index * 3];
      if (!slot) throw new Error('not enough slots');
      const made = world.model.createBooking({
        eventTypeId: thirty.id,
        start: slot.start,
        attendee: {
          name: name(index),
          email: `guest${index}@example.com`,
          timeZone: 'Europe/Paris',
        },
      });
      if (!made.ok) throw new Error(made.failure.message);
      return made.booking;
    });
  };
  offset = 30 * DAY_MS;
  book(past, (index) => `Past Guest ${index + 1}`);
  offset = 0;
  const live = book(upcoming + cancelled, (index) => `Guest ${index + 1}`);
  for (const booking of live.slice(upcoming)) {
    world.model.cancelBooking(booking.uid, { cancellationReason: 'Clash' });
  }
  return { world, eventTypeId: thirty.id, bookings: live.slice(0, upcoming) };
}

/** The world's fetch, with Cal.com answers held back while `gate.held` is true. */
function gated(fetch: typeof globalThis.fetch) {
  const gate = {
    held: false,
    waiting: [] as (() => void)[],
    release() {
      gate.held = false;
      for (const resume of gate.waiting.splice(0)) resume();
    },
  };
  const gatedFetch: typeof globalThis.fetch = async (input, init) => {
    const url = new Request(input, init).url;
    if (gate.held && url.includes('/v2/')) {
      await new Promise<void>((resolve) => gate.waiting.push(resolve));
    }
    return fetch(input, init);
  };
  return { gate, fetch: gatedFetch };
}

function root() {
  return screen.getByRole('region', { name: 'My bookings' });
}

function items() {
  return within(screen.getByRole('tabpanel')).queryAllByRole('listitem');
}

describe('CalBookingsList', () => {
  it('shows a busy loading state, then the upcoming bookings with title, time with zone and attendees', async () => {
    const { world, bookings } = seededWorld({ upcoming: 2 });
    const { gate, fetch } = gated(world.fetch);
    gate.held = true;
    renderWithProviders(<CalBookingsList timeZone="UTC" className="mine" />, {
      provider: { jwt: fakeJwt('alice'), fetch },
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'loading'));
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading your bookings…')).toBeInTheDocument();
    gate.release();

    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));
    expect(root()).toHaveClass('aisq-bookings-list', 'mine');
    expect(root()).toHaveAttribute('data-tab', 'upcoming');
    expect(screen.getByRole('tabpanel')).not.toHaveAttribute('aria-busy');
    const [first] = items();
    if (!first || !bookings[0]) throw new Error('no booking');
    expect(first).toHaveTextContent('30 Minute Meeting between');
    expect(within(first).getByText(/UTC/)).toHaveAttribute(
      'datetime',
      new Date(bookings[0].start).toISOString(),
    );
    expect(first).toHaveTextContent('With \u2068Guest 1\u2069');
    expect(items()).toHaveLength(2);
    expect(world.calls.at(-1)?.searchParams.get('status')).toBe('upcoming');
    expect(world.calls.at(-1)?.searchParams.get('sortStart')).toBe('asc');
  });

  it('isolates Cal.com text (bidi): titles in <bdi>, each name and a title within a sentence', async () => {
    const { world, bookings } = seededWorld({ upcoming: 1 });
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList timeZone="UTC" />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    await waitFor(() => expect(items()).toHaveLength(1));
    const [first] = items() as HTMLElement[];
    const title = first?.querySelector('.aisq-bookings-list__title bdi');
    expect(title).toHaveTextContent(bookings[0]?.title ?? '?');
    expect(first?.querySelector('.aisq-bookings-list__attendees')?.textContent).toBe(
      'With \u2068Guest 1\u2069',
    );
    await user.click(within(first as HTMLElement).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription(
      new RegExp(`\u2068${bookings[0]?.title}\u2069`),
    );
    await user.click(screen.getByRole('button', { name: 'Cancel booking' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        `\u2068${bookings[0]?.title}\u2069 was cancelled.`,
      ),
    );
  });

  /** The range the list should show, written out independently of the component's own format. */
  function expectedRange(
    booking: { start: string | number; end: string | number },
    locale: string,
    timeZone: string,
    hourCycle?: 'h12' | 'h23',
  ): string {
    return new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      ...(hourCycle ? { hourCycle } : {}),
      timeZoneName: 'short',
      timeZone,
    }).formatRange(new Date(booking.start), new Date(booking.end));
  }

  it('formats the time in the given zone and locale, with the zone named', async () => {
    const { world, bookings } = seededWorld({ upcoming: 1 });
    renderWithProviders(<CalBookingsList timeZone="Asia/Kolkata" labels={{ locale: 'en-GB' }} />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    await waitFor(() => expect(items()).toHaveLength(1));
    const booking = bookings[0] as (typeof bookings)[number];
    const expected = expectedRange(booking, 'en-GB', 'Asia/Kolkata');
    expect(screen.getByRole('time')).toHaveTextContent(expected);
    expect(expected).toMatch(/GMT\+5:30/);
  });

  // CalSlotPicker's rule: the hourCycle prop, else the user's Cal.com timeFormat, else the locale's;
  // each case against a locale whose own habit is the other one.
  it.each([
    [24, 'en-US', undefined, 'h23', /\b\d\d:\d\d\s–\s\d\d:\d\d\s/],
    [12, 'en-GB', undefined, 'h12', /\b\d{1,2}:\d\d\s–\s\d{1,2}:\d\d\s[ap]m\b/i],
    [24, 'en-US', 'h12', 'h12', /\b\d{1,2}:\d\d\s–\s\d{1,2}:\d\d\s[AP]M\b/],
  ] as const)(
    'shows times as the slot picker does: Cal.com timeFormat %i, locale %s, hourCycle %s -> %s',
    async (timeFormat, locale, hourCycle, expectedCycle, shape) => {
      const { world, bookings } = seededWorld({ upcoming: 1, timeFormat });
      renderWithProviders(
        <CalBookingsList timeZone="UTC" hourCycle={hourCycle} labels={{ locale }} />,
        { provider: { jwt: fakeJwt('alice'), fetch: world.fetch } },
      );
      await waitFor(() => expect(items()).toHaveLength(1));
      const booking = bookings[0] as (typeof bookings)[number];
      const expected = expectedRange(booking, locale, 'UTC', expectedCycle);
      expect(expected).toMatch(shape);
      // toHaveTextContent collapses the element's white space (ICU puts U+202F before AM/PM).
      const shown = expected.replace(/\s+/g, ' ');
      await waitFor(() => expect(screen.getByRole('time')).toHaveTextContent(shown));
      // The user's profile is asked for only when the prop leaves the format open.
      expect(world.count('GET /v2/me')).toBe(hourCycle ? 0 : 1);
    },
  );

  it('a tab chosen while the host controls `tab` is only offered to onTabChange, and kept from the own state', async () => {
    const { world } = seededWorld({ upcoming: 1, past: 1, cancelled: 1 });
    const onTabChange = vi.fn();
    const user = userEvent.setup();
    const { rerenderProvider } = renderWithProviders(
      <CalBookingsList tab="past" onTabChange={onTabChange} />,
      { provider: { jwt: fakeJwt('alice'), fetch: world.fetch } },
    );
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Past');
    await user.click(screen.getByRole('tab', { name: 'Cancelled' }));
    expect(onTabChange).toHaveBeenCalledWith('cancelled');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Past');
    // The host lets go: the list shows its own tab, which the refused choice did not change.
    rerenderProvider({}, <CalBookingsList onTabChange={onTabChange} />);
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Upcoming');
  });

  it('tabs follow the APG pattern: roving tabindex, arrows wrap, Home and End, each tab its own status', async () => {
    const { world } = seededWorld({ upcoming: 1, past: 1, cancelled: 1 });
    const onTabChange = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList onTabChange={onTabChange} />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    const tabs = screen.getAllByRole('tab');
    // Issue 20 added Cal.com's `unconfirmed` status as the second tab.
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Upcoming',
      'Unconfirmed',
      'Past',
      'Cancelled',
    ]);
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Upcoming');
    await waitFor(() => expect(items()).toHaveLength(1));

    await user.click(tabs[0] as HTMLElement);
    await user.keyboard('{ArrowRight}');
    expect(tabs[1]).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Unconfirmed');
    expect(world.calls.at(-1)?.searchParams.get('status')).toBe('unconfirmed');
    await user.keyboard('{ArrowRight}');
    expect(tabs[2]).toHaveFocus();
    expect(tabs[2]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Past');
    await waitFor(() => expect(items()[0]).toHaveTextContent('With \u2068Past Guest 1\u2069'));
    // No cancel or reschedule on past bookings.
    expect(within(screen.getByRole('tabpanel')).queryByRole('button')).toBeNull();
    expect(world.calls.at(-1)?.searchParams.get('status')).toBe('past');
    expect(world.calls.at(-1)?.searchParams.get('sortStart')).toBe('desc');

    await user.keyboard('{End}');
    expect(tabs[3]).toHaveFocus();
    await waitFor(() => expect(items()[0]).toHaveTextContent('Reason: \u2068Clash\u2069'));
    expect(items()[0]).toHaveAttribute('data-status', 'cancelled');
    await user.keyboard('{ArrowRight}');
    expect(tabs[0]).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tabs[3]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tabs[0]).toHaveFocus();
    expect(onTabChange.mock.calls.map(([tab]) => tab)).toEqual([
      'unconfirmed',
      'past',
      'cancelled',
      'upcoming',
      'cancelled',
      'upcoming',
    ]);
  });

  it('never shows one tab’s bookings under another while the other loads', async () => {
    const { world } = seededWorld({ upcoming: 2 });
    const { gate, fetch } = gated(world.fetch);
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList />, {
      provider: { jwt: fakeJwt('alice'), fetch },
    });
    await waitFor(() => expect(items()).toHaveLength(2));
    gate.held = true;
    await user.click(screen.getByRole('tab', { name: 'Past' }));
    expect(root()).toHaveAttribute('data-state', 'loading');
    expect(items()).toHaveLength(0);
    gate.release();
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByText('No past bookings.')).toBeInTheDocument();
  });

  it('pages with Cal.com’s pagination; the page stays while the next loads; the buttons keep focus', async () => {
    const { world } = seededWorld({ upcoming: 5 });
    const { gate, fetch } = gated(world.fetch);
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList pageSize={2} />, {
      provider: { jwt: fakeJwt('alice'), fetch },
    });
    await waitFor(() => expect(items()).toHaveLength(2));
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(pages).toHaveTextContent('Page 1 of 3');
    const previous = within(pages).getByRole('button', { name: 'Previous page' });
    const next = within(pages).getByRole('button', { name: 'Next page' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');

    gate.held = true;
    await user.click(next);
    expect(pages).toHaveTextContent('Page 2 of 3');
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-busy', 'true');
    expect(items().map((item) => item.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('Guest 1')]),
    );
    // A second click while the page loads does not skip a page.
    await user.click(next);
    gate.release();
    await waitFor(() => expect(items()[0]).toHaveTextContent('With \u2068Guest 3\u2069'));
    expect(screen.getByRole('tabpanel')).not.toHaveAttribute('aria-busy');
    expect(world.calls.at(-1)?.searchParams.get('skip')).toBe('2');
    expect(world.calls.at(-1)?.searchParams.get('take')).toBe('2');

    await user.click(next);
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]).toHaveTextContent('With \u2068Guest 5\u2069');
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(next).toHaveFocus();
    await user.click(next);
    expect(pages).toHaveTextContent('Page 3 of 3');

    await user.click(previous);
    await waitFor(() => expect(items()[0]).toHaveTextContent('With \u2068Guest 3\u2069'));
    // Another tab starts on its first page.
    await user.click(screen.getByRole('tab', { name: 'Past' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'empty'));
    expect(screen.queryByRole('navigation', { name: 'Pages' })).toBeNull();
    expect(world.calls.at(-1)?.searchParams.get('skip')).toBe('0');
  });

  it('cancel asks first (alert dialog, focus on "Keep booking", Escape closes and returns focus)', async () => {
    const { world } = seededWorld({ upcoming: 1 });
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList timeZone="UTC" />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveAccessibleDescription(/30 Minute Meeting between/);
    await user.click(cancel);
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this booking?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/UTC\. Everyone invited will be told\.$/);
    expect(within(dialog).getByRole('button', { name: 'Keep booking' })).toHaveFocus();

    // Tab cycles inside the dialog.
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel booking' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('textbox', { name: 'Reason (optional)' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Cancel booking' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(cancel).toHaveFocus());
    expect(
      world.count('POST /v2/bookings/' + world.model.bookings('alice')[0]?.uid + '/cancel'),
    ).toBe(0);

    await user.click(cancel);
    await user.click(screen.getByRole('button', { name: 'Keep booking' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(cancel).toHaveFocus());
  });

  it('cancels with the reason, announces it, moves focus to the panel, and the booking shows under Cancelled', async () => {
    const { world, bookings } = seededWorld({ upcoming: 2 });
    const onCancelled = vi.fn<(booking: CalBooking) => void>();
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList onCancelled={onCancelled} />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    await waitFor(() => expect(items()).toHaveLength(2));
    const [first] = items();
    await user.click(within(first as HTMLElement).getByRole('button', { name: 'Cancel' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason (optional)' }), 'Out sick');
    await user.click(screen.getByRole('button', { name: 'Cancel booking' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent(/was cancelled\.$/);
    await waitFor(() => expect(items()).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole('tabpanel')).toHaveFocus());
    const uid = bookings[0]?.uid ?? '';
    expect(world.model.booking(uid)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Out sick',
    });
    expect(onCancelled).toHaveBeenCalledWith(expect.objectContaining({ uid, status: 'cancelled' }));

    await user.click(screen.getByRole('tab', { name: 'Cancelled' }));
    await waitFor(() => expect(items()[0]).toHaveTextContent('Reason: \u2068Out sick\u2069'));
  });

  it('a failed cancel keeps the dialog open with the error, and the confirm button is inert while it runs', async () => {
    const { world } = seededWorld({ upcoming: 1 });
    let release = () => {};
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.url.endsWith('/cancel')) {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return Response.json(
          { status: 'error', timestamp: '', path: '', error: { code: 'X', message: 'Boom' } },
          { status: 500 },
        );
      }
      return world.fetch(input, init);
    };
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList showErrorDetail />, {
      provider: { jwt: fakeJwt('alice'), fetch },
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Cancel booking' }));
    const dialog = screen.getByRole('alertdialog');
    const confirm = within(dialog).getByRole('button', { name: 'Cancelling…' });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(within(dialog).getByRole('button', { name: 'Keep booking' })).toBeDisabled();
    await user.click(confirm);
    // Escape does nothing while the request runs.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    act(() => release());
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The booking service is having trouble right now.');
    expect(alert).toHaveTextContent('Details: \u2068Boom\u2069');
    expect(world.model.bookings('alice')[0]?.status).toBe('accepted');
    expect(within(dialog).getByRole('button', { name: 'Cancel booking' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('reschedule calls onReschedule, or opens renderReschedule in a dialog that closes when done', async () => {
    const { world, bookings } = seededWorld({ upcoming: 1 });
    const onReschedule = vi.fn();
    const user = userEvent.setup();
    const { unmount } = renderWithProviders(<CalBookingsList onReschedule={onReschedule} />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    await user.click(await screen.findByRole('button', { name: 'Reschedule' }));
    expect(onReschedule).toHaveBeenCalledWith(expect.objectContaining({ uid: bookings[0]?.uid }));
    expect(screen.queryByRole('dialog')).toBeNull();
    unmount();

    const onRescheduled = vi.fn();
    renderWithProviders(
      <CalBookingsList
        onRescheduled={onRescheduled}
        renderReschedule={(booking, done) => (
          <button type="button" onClick={() => done({ ...booking, uid: 'moved' })}>
            Move {booking.uid}
          </button>
        )}
      />,
      { provider: { jwt: fakeJwt('alice'), fetch: world.fetch } },
    );
    const reschedule = await screen.findByRole('button', { name: 'Reschedule' });
    await user.click(reschedule);
    const dialog = screen.getByRole('dialog', {
      name: /^Reschedule \u206830 Minute Meeting between/,
    });
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(reschedule).toHaveFocus());
    await user.click(reschedule);
    await user.click(screen.getByRole('button', { name: `Move ${bookings[0]?.uid}` }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onRescheduled).toHaveBeenCalledWith(expect.objectContaining({ uid: 'moved' }));
    expect(screen.getByRole('status')).toHaveTextContent(/was rescheduled\.$/);
  });

  it('hides Reschedule with allowReschedule={false}', async () => {
    const { world } = seededWorld({ upcoming: 1 });
    renderWithProviders(<CalBookingsList allowReschedule={false} />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    await screen.findByRole('button', { name: 'Cancel' });
    expect(screen.queryByRole('button', { name: 'Reschedule' })).toBeNull();
  });

  it('by default, Reschedule opens CalBooker in reschedule mode in a dialog', async () => {
    const { world, bookings } = seededWorld({ upcoming: 1 });
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList timeZone="UTC" />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    const reschedule = await screen.findByRole('button', { name: 'Reschedule' });
    await user.click(reschedule);
    const dialog = screen.getByRole('dialog', {
      name: /^Reschedule \u206830 Minute Meeting between/,
    });
    const booker = dialog.querySelector('.aisq-booker');
    await waitFor(() => expect(booker).toHaveAttribute('data-state', 'choosingDay'));
    // The booker asks for the slots of the booking's event type, freeing the booking's own time.
    await waitFor(() =>
      expect(
        world.calls.some(
          (url) =>
            url.pathname === '/v2/slots' &&
            url.searchParams.get('bookingUidToReschedule') === bookings[0]?.uid,
        ),
      ).toBe(true),
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(reschedule).toHaveFocus());
  });

  it('shows the error with a retry, and the empty state of each tab', async () => {
    const { world } = seededWorld();
    let fail = true;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (fail && new Request(input, init).url.includes('/v2/bookings')) {
        return Response.json(
          { status: 'error', timestamp: '', path: '', error: { code: 'X', message: 'Down' } },
          // A 400 is final (5xx would be retried with backoff first).
          { status: 400 },
        );
      }
      return world.fetch(input, init);
    };
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList />, {
      provider: { jwt: fakeJwt('alice'), fetch },
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The booking service could not accept this request.',
    );
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByText('No upcoming bookings.')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Cancelled' }));
    await screen.findByText('No cancelled bookings.');
  });

  it('is idle and asks nothing while disabled; signed out it says so (signedOut), asking nothing', () => {
    const { world } = seededWorld({ upcoming: 1 });
    const view = renderWithProviders(<CalBookingsList />, {
      provider: { jwt: null, enabled: false, fetch: world.fetch },
    });
    expect(root()).toHaveAttribute('data-state', 'idle');
    view.unmount();
    // Signed out and enabled is a visitor (issue 20): the list cannot be had, and says so.
    renderWithProviders(<CalBookingsList />, { provider: { jwt: null, fetch: world.fetch } });
    expect(root()).toHaveAttribute('data-state', 'signedOut');
    expect(world.calls).toHaveLength(0);
  });

  it('goes back a page when cancelling empties the last one', async () => {
    const { world } = seededWorld({ upcoming: 3 });
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList pageSize={2} />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    await waitFor(() => expect(items()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Cancel booking' }));
    await waitFor(() => expect(screen.queryByRole('navigation')).toBeNull());
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(root()).toHaveAttribute('data-state', 'ready');
  });

  it('honours labels and dir="rtl" arrows', async () => {
    const { world } = seededWorld({ upcoming: 1 });
    const user = userEvent.setup();
    renderWithProviders(
      <div dir="rtl" style={{ direction: 'rtl' }}>
        <CalBookingsList labels={{ bookingsListUpcoming: 'قادمة', bookingsListTitle: 'حجوزاتي' }} />
      </div>,
      { provider: { jwt: fakeJwt('alice'), fetch: world.fetch } },
    );
    const region = screen.getByRole('region', { name: 'حجوزاتي' });
    const upcoming = within(region).getByRole('tab', { name: 'قادمة' });
    await user.click(upcoming);
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Unconfirmed' })).toHaveFocus();
  });
});
