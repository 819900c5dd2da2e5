import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { isolate } from '../../../src/booking/isolate.js';
import { CalApiError } from '../../../src/calapi/errors.js';
import { BookingsApiError } from '../../../src/client/errors.js';
import {
  BookingsErrorMessage,
  type BookingsLabels,
  BookingsLabelsProvider,
  CalBookingForm,
  CalBookingsList,
  CalConnectButton,
  CalTokenStatus,
  CalUserCard,
  defaultBookingsLabels,
  formatTimeUntil,
} from '../../../src/index.js';
import { createCalWorld } from '../../helpers/calWorld.js';
import { createFakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

const networkError = new BookingsApiError({ kind: 'network', endpoint: 'token' });

describe('labels', () => {
  it('merge in the order defaults < provider < prop, and providers nest', () => {
    const api = createFakeApi();
    renderWithProviders(
      <BookingsLabelsProvider labels={{ connect: 'Outer connect', tokenIdle: 'Outer idle' }}>
        <BookingsLabelsProvider labels={{ tokenIdle: 'Inner idle' }}>
          <CalConnectButton />
          <CalTokenStatus />
          <CalTokenStatus labels={{ tokenIdle: 'Prop idle' }} className="with-prop" />
        </BookingsLabelsProvider>
      </BookingsLabelsProvider>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), autoConnect: false } },
    );
    expect(screen.getByRole('button', { name: 'Outer connect' })).toBeInTheDocument();
    const [fromProvider, fromProp] = screen
      .getAllByRole('status')
      .filter((element) => element.classList.contains('aisq-token-status'));
    expect(fromProvider).toHaveTextContent('Inner idle');
    expect(fromProp).toHaveTextContent('Prop idle');
  });

  it('per-kind error labels merge with the defaults at provider and prop level', () => {
    render(
      <BookingsLabelsProvider labels={{ errorMessage: { network: 'Provider network' } }}>
        <BookingsErrorMessage error={networkError} />
        <BookingsErrorMessage
          error={networkError}
          labels={{ errorNextStep: { network: 'Prop next step' } }}
        />
      </BookingsLabelsProvider>,
    );
    const [first, second] = screen.getAllByRole('alert');
    expect(first).toHaveTextContent('Provider network');
    expect(first).toHaveTextContent(defaultBookingsLabels.errorNextStep.network);
    expect(second).toHaveTextContent('Provider network');
    expect(second).toHaveTextContent('Prop next step');
  });

  it('defaults are English and complete', () => {
    expect(defaultBookingsLabels.locale).toBe('en');
    for (const [key, value] of Object.entries(defaultBookingsLabels)) {
      expect(value, key).toBeTruthy();
    }
    expect(defaultBookingsLabels.userCardAvatarAlt('Ada')).toBe('Avatar of Ada');
  });

  it('formatTimeUntil uses Intl.RelativeTimeFormat with the largest whole unit', () => {
    expect(formatTimeUntil(0, 'en')).toBe('now');
    expect(formatTimeUntil(-5000, 'en')).toBe('now');
    expect(formatTimeUntil(12_300, 'en')).toBe('in 13 seconds');
    expect(formatTimeUntil(4 * 60_000 + 10_000, 'en')).toBe('in 4 minutes');
    expect(formatTimeUntil(2 * 3_600_000, 'en')).toBe('in 2 hours');
    expect(formatTimeUntil(90_000, 'de')).toBe('in 1 Minute');
    expect(formatTimeUntil(90_000, 'not a locale!')).toBe('in 1 minute');
  });
});

// --- bidi isolation -----------------------------------------------------------------------------

/** RIGHT-TO-LEFT OVERRIDE: reverses what follows it, up to the end of its isolate or paragraph. */
const RLO = '\u202E';
const EVIL = `${RLO}gnp.exe`;

/** The text with every FSI…PDI (and LRI/RLI…PDI) span removed, nesting counted; an open one runs on. */
function outsideIsolates(text: string): string {
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (char === '\u2066' || char === '\u2067' || char === '\u2068') depth += 1;
    else if (char === '\u2069') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char;
  }
  return out;
}

type LabelFunctionKey = {
  // `-?`: the optional labels (their defaults live beside CalBooker) are not among the defaults here.
  [K in keyof BookingsLabels]-?: BookingsLabels[K] extends (...args: never[]) => string ? K : never;
}[keyof BookingsLabels];

/**
 * What each parameter of each label function receives. `text` comes from Cal.com, AISquare or the
 * person using the page: every call site passes it isolated (`isolate()`), so a host's override gets
 * it isolated too. The rest is exempt, as no Cal.com or user text can reach it: `date` and `relative`
 * are formatted by the component with `Intl`; `zone` is an IANA name `Intl` knows (the picker keeps
 * only those) with an `Intl` offset; `names` is an `Intl.ListFormat` list of names each isolated at
 * the call site (checked by rendering below); `number` is a number; `frequency` is Cal.com's
 * `recurrence.frequency`, an enum of its DTO (`weekly`, `monthly`, `yearly`), never free text.
 */
type Parameter = 'text' | 'date' | 'zone' | 'relative' | 'names' | 'number' | 'frequency';
const PARAMETERS: Record<LabelFunctionKey, readonly Parameter[]> = {
  slotPickerDayAvailable: ['date'],
  slotPickerDayUnavailable: ['date'],
  slotPickerNextAvailable: ['date'],
  slotPickerTimesIn: ['zone'],
  slotPickerTimeZoneOption: ['zone', 'zone'],
  errorDetail: ['text'],
  bookingFormErrorRequired: ['text'],
  bookingFormErrorGuest: ['text'],
  bookingFormErrorTooLong: ['number'],
  bookingFormErrorTooManyGuests: ['number'],
  bookingFormErrorSummary: ['number'],
  confirmationHostTime: ['text'],
  userCardAvatarAlt: ['text'],
  tokenRefreshesIn: ['relative'],
  bookingsListWith: ['names'],
  bookingsListReason: ['text'],
  bookingsListPageOf: ['number', 'number'],
  bookingsListCancelDescription: ['text', 'date'],
  bookingsListCancelDone: ['text'],
  bookingsListRescheduleTitle: ['text'],
  bookingsListRescheduleDone: ['text'],
  bookerRepeats: ['frequency', 'number', 'number'],
  slotPickerSeatsLeft: ['number'],
  bookingsListSeats: ['number', 'number'],
};

const SAMPLE: Record<Exclude<Parameter, 'text'>, string | number> = {
  date: 'Monday, January 7, 2030',
  zone: 'Europe/London (GMT+0)',
  relative: 'in 4 minutes',
  names: `${isolate(EVIL)} and ${isolate(EVIL)}`,
  number: 3,
  frequency: 'weekly',
};

const functionKeys = () =>
  Object.entries(defaultBookingsLabels)
    .filter(([, value]) => typeof value === 'function')
    .map(([key]) => key)
    .sort();

describe('bidi isolation of interpolated text', () => {
  it('every label function has each of its parameters classified', () => {
    expect(Object.keys(PARAMETERS).sort()).toEqual(functionKeys());
    for (const [key, parameters] of Object.entries(PARAMETERS)) {
      const label = defaultBookingsLabels[key as LabelFunctionKey] as (...a: unknown[]) => string;
      expect(parameters, key).toHaveLength(label.length);
    }
  });

  it('walk: every default label function keeps a U+202E argument inside FSI…PDI', () => {
    for (const [key, parameters] of Object.entries(PARAMETERS)) {
      const label = defaultBookingsLabels[key as LabelFunctionKey] as (...a: unknown[]) => string;
      const args = parameters.map((kind) => (kind === 'text' ? isolate(EVIL) : SAMPLE[kind]));
      const output = label(...args);
      // The argument is there (isolate drops its own bidi controls), and nothing leaks out of it.
      expect(
        output.includes('gnp.exe') || !parameters.some((k) => k === 'text' || k === 'names'),
      ).toBe(true);
      expect(outsideIsolates(output), key).not.toContain(RLO);
    }
  });

  it("isolate cannot be escaped: a PDI in the text does not close it, nor an override's run", () => {
    for (const controls of ['\u2069', '\u2069\u2069', '\u202C', '\u2066\u2069\u2069']) {
      const output = defaultBookingsLabels.bookingsListReason(isolate(`${controls}${EVIL}`));
      expect(outsideIsolates(output), JSON.stringify(controls)).not.toMatch(/[\u202a-\u202e]/);
      expect(output).toContain('gnp.exe');
    }
  });

  it('every call site in src/components and src/booking isolates each text argument (overrides get it isolated)', () => {
    // The booking fields' validation (src/booking/fields.ts) calls the form's error labels.
    const files = ['components', 'booking'].flatMap((dir) => {
      const root = join(import.meta.dirname, '../../../src', dir);
      return readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && file !== 'labels.ts')
        .map((file) => [join(dir, file), readFileSync(join(root, file), 'utf8')] as const);
    });
    const seen = new Set<string>();
    for (const [file, source] of files) {
      for (const match of source.matchAll(/\blabels\.(\w+)\b(\()?/g)) {
        const key = match[1] as string;
        if (!Object.hasOwn(PARAMETERS, key)) continue;
        seen.add(key);
        const parameters = PARAMETERS[key as LabelFunctionKey];
        if (!match[2]) {
          // Passed on as a function: called elsewhere, so none of its parameters may be text.
          expect(parameters, `${file}: labels.${key}`).not.toContain('text');
          continue;
        }
        const args = argumentsAt(source, (match.index ?? 0) + match[0].length);
        parameters.forEach((kind, index) => {
          if (kind !== 'text') return;
          expect(args[index], `${file}: labels.${key}(…) argument ${index + 1}`).toMatch(
            /^isolate\(/,
          );
        });
      }
    }
    // The scan found every label function, so none is called in some other way.
    expect([...seen].sort()).toEqual(functionKeys());
  });

  it('rendered: a reason, a reschedule title and attendee names show U+202E only inside isolates', async () => {
    const world = createCalWorld();
    world.model.integrate({ sub: 'alice' });
    const [type] = world.model.eventTypes('alice');
    if (!type) throw new Error('seed changed');
    const now = world.model.now();
    const slots = world.model.slots(type.id, now, now + 14 * 86_400_000);
    const book = (index: number) => {
      const slot = slots[index * 3];
      if (!slot) throw new Error('not enough slots');
      const made = world.model.createBooking({
        eventTypeId: type.id,
        start: slot.start,
        attendee: { name: EVIL, email: `guest${index}@example.com`, timeZone: 'Europe/Paris' },
      });
      if (!made.ok) throw new Error(made.failure.message);
      return made.booking;
    };
    book(0);
    world.model.cancelBooking(book(1).uid, { cancellationReason: EVIL });
    const received = spyLabels();
    const user = userEvent.setup();
    renderWithProviders(
      <CalBookingsList labels={received.labels} renderReschedule={() => <p>Pick a time</p>} />,
      { provider: { jwt: fakeJwt('alice'), fetch: world.fetch } },
    );
    await user.click(await screen.findByRole('button', { name: 'Reschedule' }));
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('tab', { name: 'Cancelled' }));
    await screen.findByText((text) => text.startsWith('Reason: '));
    expect(received.calls('bookingsListRescheduleTitle')).not.toEqual([]);
    expect(received.calls('bookingsListWith')).not.toEqual([]);
    expect(received.calls('bookingsListReason')).toContainEqual([isolate(EVIL)]);
    received.expectIsolated();
  });

  it('rendered: a Cal.com field label and a typed guest in the form errors', async () => {
    const received = spyLabels();
    const user = userEvent.setup();
    renderWithProviders(
      <CalBookingForm
        labels={received.labels}
        onSubmit={() => {}}
        bookingFields={[
          { type: 'text', slug: 'topic', label: `Topic ${EVIL}`, required: true },
          { type: 'multiemail', slug: 'guests', label: 'Add guests', required: false },
        ]}
      />,
      { provider: { enabled: false } },
    );
    await user.type(screen.getByRole('textbox', { name: /Add guests/ }), `x${RLO}y`);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(received.calls('bookingFormErrorRequired')).toContainEqual([isolate(`Topic ${EVIL}`)]);
    expect(received.calls('bookingFormErrorGuest')).toContainEqual([isolate(`x${RLO}y`)]);
    received.expectIsolated();
  });

  it('rendered: a server detail and a user name (the avatar alt)', async () => {
    const received = spyLabels();
    render(
      <BookingsErrorMessage
        labels={received.labels}
        showDetail
        error={new CalApiError({ kind: 'server', method: 'GET', path: '/v2/me', detail: EVIL })}
      />,
    );
    expect(received.calls('errorDetail')).toContainEqual([isolate(EVIL)]);

    const api = createFakeApi();
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await api.fetch(input, init);
      if (!String(input).includes('/user/') || !response.ok) return response;
      return Response.json({
        ...(await response.json()),
        name: EVIL,
        avatarUrl: 'https://x/a.png',
      });
    };
    renderWithProviders(<CalUserCard labels={received.labels} />, {
      provider: { fetch, getAuthToken: () => fakeJwt('alice') },
    });
    await waitFor(() => expect(received.calls('userCardAvatarAlt')).not.toEqual([]));
    received.expectIsolated();
  });
});

/**
 * The arguments of the call whose `(` is just before `start`, as source text, split at top-level
 * commas (strings and template literals are not expected in these calls).
 */
function argumentsAt(source: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let index = start; index < source.length; index += 1) {
    const char = source[index] as string;
    if ('([{'.includes(char)) depth += 1;
    if (')]}'.includes(char)) {
      if (depth === 0) break;
      depth -= 1;
    }
    if (char === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) args.push(current.trim());
  return args;
}

/** Host overrides of every label function that record what they receive and answer as the defaults. */
function spyLabels() {
  const received = new Map<string, unknown[][]>();
  const shown: [string, string][] = [];
  const labels: Partial<BookingsLabels> = {};
  for (const key of Object.keys(PARAMETERS) as LabelFunctionKey[]) {
    const fallback = defaultBookingsLabels[key] as (...a: unknown[]) => string;
    (labels as Record<string, unknown>)[key] = vi.fn((...args: unknown[]) => {
      received.set(key, [...(received.get(key) ?? []), args]);
      const output = fallback(...args);
      shown.push([key, output]);
      return output;
    });
  }
  return {
    labels,
    calls: (key: LabelFunctionKey) => received.get(key) ?? [],
    /** What every override received and returned holds U+202E, if at all, only inside an isolate. */
    expectIsolated() {
      for (const [key, calls] of received) {
        for (const args of calls) {
          for (const arg of args) {
            if (typeof arg === 'string') expect(outsideIsolates(arg), key).not.toContain(RLO);
          }
        }
      }
      for (const [key, output] of shown) expect(outsideIsolates(output), key).not.toContain(RLO);
    },
  };
}
