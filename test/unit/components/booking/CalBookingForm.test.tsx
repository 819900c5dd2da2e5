import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  calBookingFormFields,
  toCalBookingFormValues,
  validateCalBookingField,
} from '../../../../src/booking/fields.js';
import type { CalBookingFormValues } from '../../../../src/booking/flowMachine.js';
import type { CalBookingField } from '../../../../src/calapi/types.js';
import { CalBookingForm } from '../../../../src/components/booking/CalBookingForm.js';
import { defaultBookingsLabels } from '../../../../src/components/labels.js';
import { renderWithProviders } from '../../../helpers/renderWithProviders.js';

/** Cal.com's defaults plus one question of every common type. */
const FIELDS: CalBookingField[] = [
  { type: 'name', slug: 'name', label: 'Your name', required: true },
  { type: 'email', slug: 'email', label: 'Email address', required: true },
  { type: 'phone', slug: 'phone', label: 'Phone', required: true },
  { type: 'text', slug: 'company', label: 'Company', required: false, placeholder: 'Acme' },
  { type: 'number', slug: 'seats', label: 'Seats', required: false },
  { type: 'url', slug: 'site', label: 'Website', required: false },
  {
    type: 'select',
    slug: 'topic',
    label: 'Topic',
    required: true,
    options: ['Onboarding', 'Other'],
  },
  {
    type: 'radio',
    slug: 'size',
    label: 'Team size',
    required: true,
    options: [
      { label: 'Small', value: 's' },
      { label: 'Large', value: 'l' },
    ],
  },
  { type: 'checkbox', slug: 'tools', label: 'Tools', required: false, options: ['Slack', 'Zoom'] },
  { type: 'multiselect', slug: 'langs', label: 'Languages', required: true, options: ['en', 'fr'] },
  { type: 'boolean', slug: 'terms', label: 'I accept the terms', required: true },
  { type: 'textarea', slug: 'notes', label: 'Additional notes', required: false },
  { type: 'multiemail', slug: 'guests', label: 'Add guests', required: false },
  { type: 'textarea', slug: 'rescheduleReason', label: 'Reason for reschedule', required: false },
  { type: 'text', slug: 'secret', label: 'Hidden', required: true, hidden: true },
  { type: 'radioInput', slug: 'location', label: 'Location', required: false },
];

function setup(props: Partial<Parameters<typeof CalBookingForm>[0]> = {}) {
  const onSubmit = vi.fn<(values: CalBookingFormValues) => void>();
  const view = renderWithProviders(
    <CalBookingForm bookingFields={FIELDS} onSubmit={onSubmit} {...props} />,
    { provider: { enabled: false } },
  );
  const form = view.container.querySelector('form') as HTMLFormElement;
  return { onSubmit, form, user: userEvent.setup(), ...view };
}

describe('CalBookingForm', () => {
  it('renders every common field type with a label, hidden and location fields left out', () => {
    const { form } = setup();
    expect(form).toHaveAttribute('data-state', 'editing');
    expect(screen.getByRole('form', { name: 'Your details' })).toBe(form);
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveAttribute(
      'autocomplete',
      'name',
    );
    expect(screen.getByRole('textbox', { name: 'Email address' })).toHaveAttribute('type', 'email');
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveAttribute('type', 'tel');
    expect(screen.getByRole('textbox', { name: 'Company (optional)' })).toHaveAttribute(
      'placeholder',
      'Acme',
    );
    expect(screen.getByRole('textbox', { name: 'Seats (optional)' })).toHaveAttribute(
      'inputmode',
      'decimal',
    );
    expect(screen.getByRole('textbox', { name: 'Website (optional)' })).toHaveAttribute(
      'type',
      'url',
    );
    expect(screen.getByRole('combobox', { name: 'Topic' })).toBeInTheDocument();
    const size = screen.getByRole('group', { name: 'Team size' });
    expect(
      within(size)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['s', 'l']);
    expect(
      within(screen.getByRole('group', { name: 'Tools (optional)' })).getAllByRole('checkbox'),
    ).toHaveLength(2);
    expect(screen.getByRole('group', { name: 'Languages' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'I accept the terms' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Additional notes (optional)' }).tagName).toBe(
      'TEXTAREA',
    );
    expect(
      screen.getByRole('textbox', { name: 'Add guests (optional)' }),
    ).toHaveAccessibleDescription('E-mail addresses, separated by commas.');
    expect(screen.queryByText('Hidden')).toBeNull();
    expect(screen.queryByText('Location')).toBeNull();
    expect(screen.queryByText('Reason for reschedule')).toBeNull();
  });

  it('an empty submit: every error tied to its field, a summary announced, focus on the first', async () => {
    const { form, user, onSubmit } = setup();
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(form).toHaveAttribute('data-state', 'invalid');
    const name = screen.getByRole('textbox', { name: 'Your name' });
    expect(name).toHaveFocus();
    expect(name).toBeInvalid();
    // The field's label (Cal.com's text) is isolated inside the sentence.
    expect(name).toHaveAccessibleDescription('\u2068Your name\u2069 is required.');
    expect(screen.getByRole('textbox', { name: 'Email address' })).toHaveAccessibleDescription(
      '\u2068Email address\u2069 is required.',
    );
    expect(screen.getByRole('combobox', { name: 'Topic' })).toHaveAccessibleDescription(
      '\u2068Topic\u2069 is required.',
    );
    expect(screen.getByRole('checkbox', { name: 'I accept the terms' })).toBeInvalid();
    // Optional fields are not in error.
    expect(screen.getByRole('textbox', { name: 'Company (optional)' })).not.toBeInvalid();
    const summary = form.querySelector('[aria-live="assertive"]');
    expect(summary).toHaveTextContent('7 fields need your attention.');
    expect(summary).toHaveAttribute('aria-atomic', 'true');
  });

  it('errors follow the typing after a submit, and wrong formats have their own messages', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    const email = screen.getByRole('textbox', { name: 'Email address' });
    await user.type(email, 'bob@');
    expect(email).toHaveAccessibleDescription('Enter an e-mail address like name@example.com.');
    await user.type(email, 'example.com');
    expect(email).not.toBeInvalid();
    await user.type(screen.getByRole('textbox', { name: 'Phone' }), '12ab');
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveAccessibleDescription(
      'Enter a phone number with its country code, like +44 20 7946 0958.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Seats (optional)' }), 'two');
    expect(screen.getByRole('textbox', { name: 'Seats (optional)' })).toHaveAccessibleDescription(
      'Enter a number.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Website (optional)' }), 'example');
    expect(screen.getByRole('textbox', { name: 'Website (optional)' })).toBeInvalid();
    const guests = screen.getByRole('textbox', { name: 'Add guests (optional)' });
    await user.type(guests, 'carol@example.com, dave');
    expect(guests).toHaveAccessibleDescription(
      'E-mail addresses, separated by commas. "\u2068dave\u2069" is not an e-mail address.',
    );
  });

  it('a valid submit by keyboard alone sends typed values', async () => {
    const { user, onSubmit } = setup({
      defaultValues: { name: 'Bob', email: 'bob@example.com', responses: { tools: ['Zoom'] } },
    });
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveValue('Bob');
    await user.click(screen.getByRole('textbox', { name: 'Phone' }));
    await user.keyboard('+44 20 7946 0958');
    await user.tab(); // company
    await user.keyboard('Acme');
    await user.tab(); // seats
    await user.keyboard('3');
    await user.tab(); // website
    await user.keyboard('https://acme.test');
    await user.tab(); // topic
    await user.selectOptions(screen.getByRole('combobox', { name: 'Topic' }), 'Other');
    await user.click(screen.getByRole('radio', { name: 'Large' }));
    await user.click(screen.getByRole('checkbox', { name: 'Slack' }));
    await user.click(screen.getByRole('checkbox', { name: 'fr' }));
    screen.getByRole('checkbox', { name: 'I accept the terms' }).focus();
    await user.keyboard(' ');
    await user.type(screen.getByRole('textbox', { name: 'Additional notes (optional)' }), 'Hi');
    await user.type(
      screen.getByRole('textbox', { name: 'Add guests (optional)' }),
      'carol@example.com; dave@example.com',
    );
    screen.getByRole('button', { name: 'Confirm booking' }).focus();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      name: 'Bob',
      email: 'bob@example.com',
      notes: 'Hi',
      guests: ['carol@example.com', 'dave@example.com'],
      responses: {
        phone: '+44 20 7946 0958',
        company: 'Acme',
        seats: 3,
        site: 'https://acme.test',
        topic: 'Other',
        size: 'l',
        tools: ['Zoom', 'Slack'],
        langs: ['fr'],
        terms: true,
      },
    });
  });

  it('submitting: busy, the button says so, a second submit is ignored', async () => {
    const { form, user, onSubmit } = setup({
      bookingFields: undefined,
      submitting: true,
      defaultValues: { name: 'Bob', email: 'bob@example.com' },
    });
    expect(form).toHaveAttribute('data-state', 'submitting');
    expect(form).toHaveAttribute('aria-busy', 'true');
    const button = screen.getByRole('button', { name: 'Booking…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('without booking fields: name, e-mail, notes and guests', () => {
    setup({ bookingFields: undefined });
    expect(
      screen.getAllByRole('textbox').map((el) => el.getAttribute('id')?.split('-').pop()),
    ).toEqual(['name', 'email', 'notes', 'guests']);
  });

  it('reschedule mode asks only for the reason', async () => {
    const { user, onSubmit } = setup({ mode: 'reschedule' });
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
    await user.type(
      screen.getByRole('textbox', { name: 'Reason for reschedule (optional)' }),
      'Clash',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm new time' }));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ rescheduleReason: 'Clash' });
  });

  it('labels come from the labels prop', async () => {
    const { user } = setup({
      bookingFields: undefined,
      labels: { bookingFormName: 'Nom', bookingFormErrorRequired: (l) => `${l} manquant` },
    });
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(screen.getByRole('textbox', { name: 'Nom' })).toHaveAccessibleDescription(
      '\u2068Nom\u2069 manquant',
    );
  });
});

describe('useCalBookingForm helpers', () => {
  const labels = defaultBookingsLabels;
  it('name and e-mail are asked even when the event type omits them, once', () => {
    const fields = calBookingFormFields([{ type: 'text', slug: 'company' }], 'book', labels);
    expect(fields.map((f) => [f.name, f.required])).toEqual([
      ['name', true],
      ['email', true],
      ['company', false],
    ]);
  });

  it('validates each type with its own message', () => {
    const [field] = calBookingFormFields(
      [{ type: 'select', slug: 'topic', required: true, options: ['A'] }],
      'book',
      labels,
    ).filter((f) => f.name === 'topic');
    if (!field) throw new Error('no field');
    expect(validateCalBookingField(field, 'B', labels)).toBe('Choose one of the options.');
    expect(validateCalBookingField(field, 'A', labels)).toBeUndefined();
    expect(validateCalBookingField(field, '  ', labels)).toBe('\u2068topic\u2069 is required.');
  });

  it('an unchecked optional boolean is sent as false; empty answers are left out', () => {
    const fields = calBookingFormFields(
      [
        { type: 'boolean', slug: 'news' },
        { type: 'text', slug: 'company' },
      ],
      'book',
      labels,
    );
    expect(
      toCalBookingFormValues(fields, { name: ' Bob ', email: 'b@x.io', news: false, company: ' ' }),
    ).toEqual({ name: 'Bob', email: 'b@x.io', notes: '', guests: [], responses: { news: false } });
  });
});

describe('booking field slugs that Object.prototype has', () => {
  const PROTO_FIELDS: CalBookingField[] = [
    { type: 'name', slug: 'name', label: 'Your name', required: true },
    { type: 'email', slug: 'email', label: 'Email address', required: true },
    { type: 'text', slug: 'constructor', label: 'Company', required: true },
    { type: 'text', slug: 'toString', label: 'Team', required: true },
    { type: 'text', slug: '__proto__', label: 'Proto', required: false },
    { type: 'constructor', slug: 'hasOwnProperty', label: 'Odd type', required: false },
  ];

  it.each(['constructor', 'toString', '__proto__'])('%s starts empty, not inherited', (slug) => {
    const defaults = { name: 'A', email: 'a@x.io', responses: {} };
    renderWithProviders(
      <CalBookingForm bookingFields={PROTO_FIELDS} defaultValues={defaults} onSubmit={vi.fn()} />,
      { provider: { enabled: false } },
    );
    const field = document.querySelector(`[data-field="${slug}"]`);
    expect(within(field as HTMLElement).getByRole('textbox')).toHaveValue('');
    expect(field?.querySelector('.aisq-booking-form__error')).toBeNull();
    expect(
      within(document.querySelector('[data-field="hasOwnProperty"]') as HTMLElement).getByRole(
        'textbox',
      ),
    ).toHaveAttribute('type', 'text');
  });

  it.each(['constructor', 'toString'])('a required %s must be answered', async (slug) => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <CalBookingForm
        bookingFields={PROTO_FIELDS}
        defaultValues={{ name: 'A', email: 'a@x.io' }}
        onSubmit={onSubmit}
      />,
      { provider: { enabled: false } },
    );
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const field = document.querySelector(`[data-field="${slug}"]`) as HTMLElement;
    expect(within(field).getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
  });

  it('each can be typed and is sent as an own response; defaults are read only when own', async () => {
    const onSubmit = vi.fn<(values: CalBookingFormValues) => void>();
    const user = userEvent.setup();
    const responses = JSON.parse('{"constructor":"Acme"}') as Record<string, unknown>;
    renderWithProviders(
      <CalBookingForm
        bookingFields={PROTO_FIELDS}
        defaultValues={{ name: 'A', email: 'a@x.io', responses }}
        onSubmit={onSubmit}
      />,
      { provider: { enabled: false } },
    );
    const box = (slug: string) =>
      within(document.querySelector(`[data-field="${slug}"]`) as HTMLElement).getByRole('textbox');
    expect(box('constructor')).toHaveValue('Acme');
    await user.type(box('toString'), 'Core');
    await user.type(box('__proto__'), 'typed');
    expect(box('__proto__')).toHaveValue('typed');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    const sent = onSubmit.mock.calls[0]?.[0];
    expect(JSON.stringify(sent?.responses)).toBe(
      '{"constructor":"Acme","toString":"Core","__proto__":"typed"}',
    );
    expect(Object.hasOwn(sent?.responses ?? {}, '__proto__')).toBe(true);
  });

  it('toCalBookingFormValues reads only own values', () => {
    const fields = calBookingFormFields(PROTO_FIELDS, 'book', defaultBookingsLabels);
    expect(toCalBookingFormValues(fields, { name: 'A', email: 'a@x.io' }).responses).toEqual({});
  });
});

describe('repeated slugs, option values and event type ids', () => {
  it('a repeated slug is asked once; repeated option values render without duplicate keys', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderWithProviders(
      <CalBookingForm
        bookingFields={[
          { type: 'text', slug: 'x', label: 'X1' },
          { type: 'text', slug: 'x', label: 'X2' },
          {
            type: 'select',
            slug: 's',
            label: 'S',
            options: [
              { value: 'a', label: 'A' },
              { value: 'a', label: 'A again' },
            ],
          },
          { type: 'checkbox', slug: 'c', label: 'C', options: ['a', 'a'] },
        ]}
        onSubmit={() => {}}
      />,
      { provider: { enabled: false } },
    );
    expect(document.querySelectorAll('[data-field="x"]')).toHaveLength(1);
    expect(screen.getByRole('textbox', { name: /X1/ })).toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(3);
    expect(error.mock.calls.flat().join(' ')).not.toMatch(/same key/);
    error.mockRestore();
  });
});
