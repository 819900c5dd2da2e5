import { act, fireEvent, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CalBookingFormValues } from '../../../../src/booking/flowMachine.js';
import type { CalBookingField } from '../../../../src/calapi/types.js';
import { CalBookingForm } from '../../../../src/components/booking/CalBookingForm.js';
import { bookerWorld, chooseTime, renderBooker } from '../../../helpers/bookerWorld.js';
import { type CalWorld, seedBobBooking } from '../../../helpers/calWorld.js';
import {
  BOB_VALUES,
  dayFromNow,
  flowWorld,
  submitFirstSlot,
  useFlowWithSlots,
} from '../../../helpers/flowWorld.js';
import { renderWithProviders } from '../../../helpers/renderWithProviders.js';

const guestList = (count: number) =>
  Array.from({ length: count }, (_, index) => `guest${index}@example.com`);
const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);

function renderForm(bookingFields?: CalBookingField[]) {
  const onSubmit = vi.fn<(values: CalBookingFormValues) => void>();
  const view = renderWithProviders(
    <CalBookingForm bookingFields={bookingFields} onSubmit={onSubmit} />,
    { provider: { enabled: false } },
  );
  const form = view.container.querySelector('form') as HTMLFormElement;
  const set = (name: string | RegExp, value: string) =>
    fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
  const submit = () => fireEvent.submit(form);
  const summary = () => form.querySelector('[aria-live="assertive"]');
  return { onSubmit, form, set, submit, summary };
}

function validDetails(set: (name: string | RegExp, value: string) => void) {
  set('Your name', 'Bob');
  set('Email address', 'bob@example.com');
}

describe('the booking form caps what it sends', () => {
  it('10,000 guests: an error on the guests field, announced, and nothing submitted', () => {
    const { onSubmit, form, set, submit, summary } = renderForm();
    validDetails(set);
    set(/Add guests/, guestList(10_000).join(', '));
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(form).toHaveAttribute('data-state', 'invalid');
    const guests = screen.getByRole('textbox', { name: /Add guests/ });
    expect(guests).toBeInvalid();
    expect(guests).toHaveFocus();
    expect(guests).toHaveAccessibleDescription(
      'E-mail addresses, separated by commas. Add at most 29 guests.',
    );
    expect(summary()).toHaveTextContent('One field needs your attention.');
  });

  it('a 5 MB name: an error on the name, nothing submitted', () => {
    const { onSubmit, set, submit } = renderForm();
    validDetails(set);
    set('Your name', FIVE_MB);
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    const name = screen.getByRole('textbox', { name: 'Your name' });
    expect(name).toBeInvalid();
    expect(name).toHaveAccessibleDescription('Use at most 255 characters.');
  });

  it('a huge notes field, a long e-mail address and a long guest address: each its own error', () => {
    const { onSubmit, set, submit, summary } = renderForm();
    validDetails(set);
    set(/Additional notes/, 'n'.repeat(1_000_000));
    set('Email address', `${'b'.repeat(250)}@example.com`);
    set(/Add guests/, `carol@example.com, ${'c'.repeat(250)}@example.com`);
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: /Additional notes/ })).toHaveAccessibleDescription(
      'Use at most 1000 characters.',
    );
    expect(screen.getByRole('textbox', { name: 'Email address' })).toHaveAccessibleDescription(
      'Use at most 254 characters.',
    );
    expect(screen.getByRole('textbox', { name: /Add guests/ })).toHaveAccessibleDescription(
      'E-mail addresses, separated by commas. Use at most 254 characters.',
    );
    expect(summary()).toHaveTextContent('3 fields need your attention.');
  });

  it('answers each within their cap but over the body cap together: an error on the longest', () => {
    // 70 questions of 950 characters: each under 1000, together about 67 kB.
    const questions: CalBookingField[] = Array.from({ length: 70 }, (_, index) => ({
      type: 'textarea',
      slug: `q${index}`,
      label: `Question ${index}`,
      required: false,
    }));
    const { onSubmit, form, set, submit, summary } = renderForm(questions);
    validDetails(set);
    // By element, not by accessible name: naming 70 fields per query is slow in jsdom.
    const areas = [...form.querySelectorAll('textarea')];
    expect(areas).toHaveLength(70);
    const type = (index: number, value: string) =>
      fireEvent.change(areas[index] as HTMLTextAreaElement, { target: { value } });
    areas.forEach((_, index) => {
      type(index, 'a'.repeat(index === 12 ? 990 : 950));
    });
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    const longest = areas[12] as HTMLTextAreaElement;
    expect(longest).toHaveAccessibleName('Question 12 (optional)');
    expect(longest).toBeInvalid();
    expect(longest).toHaveFocus();
    expect(longest).toHaveAccessibleDescription(
      'Your answers are too long together. Shorten this one.',
    );
    expect(summary()).toHaveTextContent('One field needs your attention.');
    // Shorter answers together clear the error and let the form submit.
    for (let index = 0; index < 10; index += 1) type(index, '');
    expect(longest).not.toBeInvalid();
    submit();
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('exactly at the caps: 29 guests, a 255-character name, 1000 characters of notes are sent', () => {
    const { onSubmit, set, submit } = renderForm();
    set('Your name', 'n'.repeat(255));
    set('Email address', `${'b'.repeat(242)}@example.com`);
    set(/Additional notes/, 'n'.repeat(1000));
    set(/Add guests/, guestList(29).join(', '));
    submit();
    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onSubmit.mock.calls[0]?.[0].guests).toHaveLength(29);
  });

  it('the messages come from the labels', () => {
    const onSubmit = vi.fn();
    const view = renderWithProviders(
      <CalBookingForm
        onSubmit={onSubmit}
        labels={{
          bookingFormErrorTooLong: (max) => `Max ${max}.`,
          bookingFormErrorTooManyGuests: (max) => `Max ${max} guests.`,
        }}
      />,
      { provider: { enabled: false } },
    );
    const set = (name: string | RegExp, value: string) =>
      fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
    set('Your name', 'n'.repeat(256));
    set('Email address', 'bob@example.com');
    set(/Add guests/, guestList(30).join(','));
    fireEvent.submit(view.container.querySelector('form') as HTMLFormElement);
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveAccessibleDescription(
      'Max 255.',
    );
    expect(screen.getByRole('textbox', { name: /Add guests/ })).toHaveAccessibleDescription(
      'E-mail addresses, separated by commas. Max 29 guests.',
    );
  });
});

describe('CalBooker sends nothing over a cap', () => {
  it('a 5 MB name typed in the booker: a field error, no POST /v2/bookings', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('30min'), timeZone: 'UTC' });
    await chooseTime(user);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Your name' }), {
      target: { value: FIVE_MB },
    });
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveAccessibleDescription(
      'Use at most 255 characters.',
    );
    expect(root()).toHaveAttribute('data-state', 'details');
    expect(world.count('POST /v2/bookings')).toBe(0);
  });
});

describe('useCalBookingFlow refuses a request over a cap, sending nothing', () => {
  const values = BOB_VALUES;

  function setup(rescheduleOf?: (world: CalWorld, id: number) => string) {
    const { world, id: idOf, wrapper } = flowWorld();
    const id = idOf('30min');
    const rescheduleUid = rescheduleOf?.(world, id);
    const onBookingError = vi.fn();
    const { result } = renderHook(
      () =>
        useFlowWithSlots(
          rescheduleUid
            ? { rescheduleUid, timeZone: 'UTC', onBookingError }
            : { eventTypeId: id, timeZone: 'UTC', onBookingError },
        ),
      { wrapper },
    );
    return { world, result, onBookingError };
  }

  it.each([
    ['10,000 guests', { guests: guestList(10_000) }, 'guests: more than 29'],
    ['a 5 MB name', { name: FIVE_MB }, 'attendee.name: more than 255 characters'],
    [
      'huge notes',
      { notes: 'n'.repeat(1_000_000) },
      'bookingFieldsResponses: more than 1000 characters',
    ],
    [
      'a body over 64 KiB',
      {
        responses: Object.fromEntries(
          Array.from({ length: 70 }, (_, index) => [`q${index}`, 'a'.repeat(990)]),
        ),
      },
      'body: more than 65536 bytes',
    ],
  ])('%s: an invalid_request error, onBookingError, no request', async (_, patch, detail) => {
    const { world, result, onBookingError } = setup();
    await submitFirstSlot(result, { ...values, ...patch });
    await waitFor(() => expect(result.current.flow.step).toBe('error'));
    expect(result.current.flow.error).toMatchObject({
      name: 'CalApiError',
      kind: 'invalid_request',
      method: 'POST',
      path: '/v2/bookings',
    });
    expect(result.current.flow.error?.status).toBeUndefined();
    expect(result.current.flow.error?.detail).toContain(detail);
    // The detail names the cap, never the value.
    expect(result.current.flow.error?.detail?.length).toBeLessThan(100);
    expect(onBookingError).toHaveBeenCalledExactlyOnceWith(result.current.flow.error);
    expect(world.count('POST /v2/bookings')).toBe(0);
    // Within the caps, the same flow books.
    act(() => result.current.flow.submit(values));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    expect(world.count('POST /v2/bookings')).toBe(1);
  });

  it('a reschedule reason over 1000 characters: refused, no reschedule request', async () => {
    const { world, result, onBookingError } = setup((calWorld, id) => {
      const [slot] = calWorld.model.slots(
        id,
        Date.parse(dayFromNow(2)),
        Date.parse(dayFromNow(14)),
      );
      if (!slot) throw new Error('no slots');
      return seedBobBooking(calWorld, id, slot.start).uid;
    });
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    const slots = Object.values(result.current.slots.data ?? {}).flat();
    const later = slots.at(-1);
    if (!later) throw new Error('no slots');
    act(() => result.current.flow.selectSlot(later));
    act(() => result.current.flow.submit({ ...values, rescheduleReason: 'r'.repeat(1001) }));
    await waitFor(() => expect(result.current.flow.step).toBe('error'));
    expect(result.current.flow.error).toMatchObject({ kind: 'invalid_request' });
    expect(result.current.flow.error?.detail).toBe('reschedulingReason: more than 1000 characters');
    expect(onBookingError).toHaveBeenCalledOnce();
    expect([...world.counts.keys()].filter((key) => key.startsWith('POST'))).toEqual([]);
    act(() => result.current.flow.submit({ ...values, rescheduleReason: 'r'.repeat(1000) }));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
  });
});
