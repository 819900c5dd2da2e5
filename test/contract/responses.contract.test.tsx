// The package reads every answer Cal.com sends, as Cal.com's code shapes it (test/contract/calcom/):
// the client's schemas accept each sample, and the hooks and components render each without error.
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calBookingFormFields } from '../../src/booking/fields.js';
import { toIcs } from '../../src/booking/ics.js';
import { createCalApi } from '../../src/calapi/createCalApi.js';
import { isCalApiError } from '../../src/calapi/errors.js';
import type { CalBooking } from '../../src/calapi/types.js';
import { CalBookingConfirmation } from '../../src/components/booking/CalBookingConfirmation.js';
import { CalBookingsList } from '../../src/components/booking/CalBookingsList.js';
import { CalEventTypeList } from '../../src/components/booking/CalEventTypeList.js';
import { defaultBookingsLabels } from '../../src/components/labels.js';
import { BookingsProvider } from '../../src/react/BookingsProvider.js';
import { useCalMe } from '../../src/react/useCalQueries.js';
import { CAL } from '../helpers/calWorld.js';
import { fakeJwt } from '../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../helpers/renderWithProviders.js';
import { cell, pickerWorld, renderPicker, shownTimes } from '../helpers/slotPickerWorld.js';
import {
  anyBookingShape,
  bookingOrSeriesShape,
  bookingSamples,
  cancelledSeriesSample,
  onePagePagination,
  paginationSample,
  paginationShape,
  seriesSample,
} from './calcom/bookings.js';
import { errorSamples, errorShape, rateLimitSamples } from './calcom/errors.js';
import { eventTypeShape, eventTypesSamples } from './calcom/eventTypes.js';
import { meSamples, meShape } from './calcom/me.js';
import { slotsDataShape, slotsSamples } from './calcom/slots.js';
import { arrayOf, check, obj } from './shape.js';

const envelope = (data: unknown, extra: Record<string, unknown> = {}) => ({
  status: 'success',
  data,
  ...extra,
});

/** A client whose every request is answered with `body` (and `status`, `headers`). */
function answering(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return createCalApi({
    // A forced refresh (after a 498, or a 401 on a revoked token) gives a new token.
    getAccessToken: async (options?: { forceRefresh?: boolean }) =>
      options?.forceRefresh ? 'cal-token-2' : 'cal-token',
    baseUrl: 'https://api.cal.test',
    fetch: async () => Response.json(body, { status, headers }),
  });
}

const bookings = Object.entries(bookingSamples) as [string, CalBooking][];

describe("the samples are Cal.com's shapes", () => {
  it('each sample passes its shape, strictly', () => {
    for (const [name, sample] of Object.entries(meSamples)) {
      expect([name, check(obj(meShape), sample)]).toEqual([name, []]);
    }
    for (const [name, sample] of Object.entries(eventTypesSamples)) {
      expect([name, check(arrayOf(obj(eventTypeShape)), sample)]).toEqual([name, []]);
    }
    for (const [name, sample] of Object.entries(slotsSamples)) {
      expect([name, check(slotsDataShape, sample)]).toEqual([name, []]);
    }
    for (const [name, sample] of bookings) {
      expect([name, check(anyBookingShape, sample)]).toEqual([name, []]);
    }
    expect(check(bookingOrSeriesShape, seriesSample)).toEqual([]);
    expect(check(bookingOrSeriesShape, cancelledSeriesSample)).toEqual([]);
    expect(check(obj(paginationShape), paginationSample)).toEqual([]);
    for (const sample of [
      ...Object.values(errorSamples),
      ...rateLimitSamples.map((s) => s.answer),
    ]) {
      expect(check(obj(errorShape), sample.body)).toEqual([]);
    }
  });

  it('the shapes catch what Cal.com does not send', () => {
    expect(check(obj(meShape), { ...meSamples.minimal, locale: 'en' })).toEqual([
      '$.locale: Cal.com sends no such key',
    ]);
    const { username: _, ...noUsername } = meSamples.minimal;
    expect(check(obj(meShape), noUsername)).toEqual([
      '$.username: missing (Cal.com always sends it)',
    ]);
    expect(
      check(arrayOf(obj(eventTypeShape)), [
        { ...eventTypesSamples.minimal[0], seatsPerTimeSlot: null },
      ]),
    ).toEqual(['$[0].seatsPerTimeSlot: Cal.com sends no such key']);
    expect(check(anyBookingShape, { ...bookingSamples.minimal, hosts: [{ id: '7' }] })).not.toEqual(
      [],
    );
  });
});

describe("the client's schemas accept every sample", () => {
  it('GET /v2/me: every variant, the October 2025 one without a name included', async () => {
    for (const sample of Object.values(meSamples)) {
      expect(await answering(envelope(sample)).me()).toEqual(sample);
    }
  });

  it('GET /v2/event-types: every location and booking-field variant', async () => {
    for (const sample of Object.values(eventTypesSamples)) {
      expect(await answering(envelope(sample)).eventTypes()).toEqual(sample);
    }
  });

  it('GET /v2/slots: time, range, UTC, seated and empty', async () => {
    const params = { eventTypeId: 1, start: '2050-09-05', end: '2050-09-06' };
    for (const sample of Object.values(slotsSamples)) {
      expect(await answering(envelope(sample)).slots(params)).toEqual(sample);
    }
  });

  it('one booking of each variant: read, created, cancelled, rescheduled', async () => {
    for (const [name, sample] of bookings) {
      const api = answering(envelope(sample));
      expect([name, await api.booking(sample.uid)]).toEqual([name, sample]);
      expect([
        name,
        await api.createBooking({
          eventTypeId: 1,
          start: sample.start,
          attendee: { name: 'a', email: 'a@example.com', timeZone: 'UTC' },
        }),
      ]).toEqual([name, sample]);
      expect([name, await api.cancelBooking(sample.uid)]).toEqual([name, sample]);
      expect([name, await api.rescheduleBooking(sample.uid, { start: sample.start })]).toEqual([
        name,
        sample,
      ]);
    }
  });

  it("GET /v2/bookings: a page mixing every variant, with Cal.com's pagination", async () => {
    const items = bookings.map(([, sample]) => sample);
    const page = await answering(envelope(items, { pagination: paginationSample })).bookings();
    expect(page).toEqual({ items, pagination: paginationSample });
  });

  it('a recurring series: read and cancelled as the array Cal.com answers; a create resolves its first occurrence', async () => {
    expect(await answering(envelope(seriesSample)).booking('6f1c8d0e-series-uuid')).toEqual(
      seriesSample,
    );
    // Cal.com performed this cancel: it must never read as a failure.
    expect(
      await answering(envelope(cancelledSeriesSample)).cancelBooking('6f1c8d0e-series-uuid'),
    ).toEqual(cancelledSeriesSample);
    expect(
      await answering(envelope(seriesSample), 201).createBooking({
        eventTypeId: 60,
        start: seriesSample[0]!.start,
        attendee: { name: 'John', email: 'john@example.com', timeZone: 'Europe/Rome' },
        recurrenceCount: 3,
      }),
    ).toEqual(seriesSample[0]);
  });

  it("errors: Cal.com's code, request id and kind, with or without details", async () => {
    const kinds = {
      badRequest: 'invalid_request',
      notFoundWithoutDetails: 'not_found',
      unknownToken: 'unauthorized',
    } as const;
    for (const [name, kind] of Object.entries(kinds)) {
      const sample = errorSamples[name as keyof typeof kinds];
      const error = await answering(sample.body, sample.status, sample.headers)
        .me()
        .catch((thrown: unknown) => thrown);
      expect(isCalApiError(error)).toBe(true);
      expect(error).toMatchObject({
        kind,
        status: sample.status,
        code: sample.body.error.code,
        requestId: sample.headers['X-Request-Id'],
        detail: sample.body.error.message,
      });
    }
  });

  it('498 twice: token_expired after one forced refresh', async () => {
    const sample = errorSamples.expired;
    const error = await answering(sample.body, sample.status, sample.headers)
      .me()
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: 'token_expired', code: 'TokenExpiredException' });
  });

  it('429: the wait is read from whichever X-RateLimit-Reset-<name> header Cal.com sends', async () => {
    for (const { name, answer, waitMs } of rateLimitSamples) {
      const error = await answering(answer.body, answer.status, answer.headers)
        .slots({ eventTypeId: 1, start: '2050-09-05', end: '2050-09-06' })
        .catch((thrown: unknown) => thrown);
      expect([name, error]).toMatchObject([name, { kind: 'rate_limited', retryAfterMs: waitMs }]);
    }
  });
});

/** The calWorld's fetch, with Cal.com paths answered by the samples given. */
function withSamples(
  fetch: typeof globalThis.fetch,
  answers: Record<string, unknown>,
): typeof globalThis.fetch {
  return async (input, init) => {
    const url = new URL(new Request(input, init).url);
    if (url.origin === CAL && url.pathname in answers) {
      return Response.json(envelope(answers[url.pathname]));
    }
    return fetch(input, init);
  };
}

describe('the hooks and components render every sample', () => {
  it("a /v2/me with exactly Cal.com's keys: useCalMe, the picker's week start and 12 h times", async () => {
    const me = { ...meSamples.minimal, weekStart: 'Sunday', timeFormat: 12 };
    const { world, eventTypeId } = pickerWorld();
    const fetch = withSamples(world.fetch, { '/v2/me': me });
    const user = userEvent.setup();
    renderPicker(world, { eventTypeId, timeZone: 'UTC', defaultMonth: '2027-03' }, fetch);
    await waitFor(() =>
      expect(screen.getAllByRole('columnheader')[0]).toHaveAttribute('abbr', 'Sunday'),
    );
    await waitFor(() => expect(cell('2027-03-01')).toHaveAttribute('data-available'));
    await user.click(cell('2027-03-01'));
    expect(shownTimes()[0]?.label).toBe('9:00 AM');

    const hook = renderHook(() => useCalMe(), {
      wrapper: ({ children }) => (
        <BookingsProvider
          baseUrl="https://api.test"
          jwt={fakeJwt('alice')}
          fetch={fetch}
          calApiUrl={CAL}
        >
          {children}
        </BookingsProvider>
      ),
    });
    await waitFor(() => expect(hook.result.current.data).toEqual(me));
  });

  it('CalEventTypeList: every location and booking-field variant', async () => {
    const { world } = pickerWorld();
    const types = [...eventTypesSamples.full, ...eventTypesSamples.minimal].map((type) => ({
      ...type,
      hidden: false,
    }));
    renderWithProviders(<CalEventTypeList onSelect={() => {}} />, {
      provider: {
        jwt: fakeJwt('alice'),
        fetch: withSamples(world.fetch, { '/v2/event-types': types }),
        calApiUrl: CAL,
      },
    });
    expect(await screen.findByText('Coding class')).toBeInTheDocument();
    expect(screen.getByText('30 min')).toBeInTheDocument();
  });

  it("the booking form asks every field Cal.com's full sample can be answered in, and skips the rest", () => {
    const fields = calBookingFormFields(
      eventTypesSamples.full[0].bookingFields,
      'book',
      defaultBookingsLabels,
    );
    const names = fields.map((field) => field.name);
    expect(names).not.toContain('unknown');
    expect(names).not.toContain('location');
    expect(names.filter((name) => name === 'splitName' || name === 'name')).toHaveLength(1);
    expect(fields.find((field) => field.name === 'language')?.options).toEqual([
      { value: 'JavaScript', label: 'JavaScript' },
      { value: 'Python', label: 'Python' },
    ]);
    expect(fields.find((field) => field.name === 'radio-field')?.type).toBe('radio');
  });

  it('CalBookingsList: a page of every booking variant, the deleted host included', async () => {
    const { world } = pickerWorld();
    const upcoming = bookings
      .filter(([, sample]) => sample.status !== 'cancelled' && sample.status !== 'rejected')
      .map(([, sample], index) => ({
        ...sample,
        title: `Booking ${index}`,
        start: `2099-01-${String(index + 1).padStart(2, '0')}T10:00:00.000Z`,
        end: `2099-01-${String(index + 1).padStart(2, '0')}T10:30:00.000Z`,
      }));
    renderWithProviders(<CalBookingsList />, {
      provider: {
        jwt: fakeJwt('alice'),
        fetch: async (input, init) => {
          const url = new URL(new Request(input, init).url);
          if (url.origin === CAL && url.pathname === '/v2/bookings') {
            return Response.json(
              envelope(upcoming, {
                pagination: onePagePagination(upcoming.length, 10),
              }),
            );
          }
          return withSamples(world.fetch, { '/v2/me': meSamples.minimal })(input, init);
        },
        calApiUrl: CAL,
      },
    });
    // A recurring series is one item (issue 20): its first occurrence on the page stands for it.
    const first = upcoming.filter(
      (item, index) =>
        !item.recurringBookingUid ||
        upcoming.findIndex((other) => other.recurringBookingUid === item.recurringBookingUid) ===
          index,
    );
    for (const item of first) expect(await screen.findByText(item.title)).toBeInTheDocument();
    for (const item of upcoming.filter((other) => !first.includes(other))) {
      expect(screen.queryByText(item.title)).toBeNull();
    }
  });

  it('CalBookingConfirmation and the .ics: every variant; a deleted host is never shown as "unknown"', () => {
    for (const [name, sample] of bookings) {
      const view = render(<CalBookingConfirmation booking={sample} />);
      expect([name, view.container.querySelector('.aisq-booking-confirmation')]).not.toEqual([
        name,
        null,
      ]);
      view.unmount();
    }
    const unknownHost = bookingSamples.unknownHost as unknown as CalBooking;
    const view = render(<CalBookingConfirmation booking={unknownHost} />);
    expect(view.container.textContent).not.toMatch(/unknown/i);
    expect(toIcs(unknownHost)).not.toMatch(/ORGANIZER|unknown/);
    expect(toIcs(bookingSamples.minimal as unknown as CalBooking)).toMatch(
      /ORGANIZER;CN=Jane Doe:mailto:jane@example.com/,
    );
  });
});
