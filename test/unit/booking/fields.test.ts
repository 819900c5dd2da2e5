import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_TEXT } from '../../../src/booking/caps.js';
import {
  type CalBookingFieldLabels,
  calBookingFormFields,
  initialFieldValue,
  toCalBookingFormValues,
  validateCalBookingField,
  validateCalBookingForm,
} from '../../../src/booking/fields.js';
import type { CalBookingField } from '../../../src/calapi/types.js';

// A host's own labels, without the components' defaults: the booking layer needs nothing else.
const labels: CalBookingFieldLabels = {
  bookingFormName: 'Name',
  bookingFormEmail: 'E-mail',
  bookingFormNotes: 'Notes',
  bookingFormGuests: 'Guests',
  bookingFormRescheduleReason: 'Reason',
  bookingFormErrorRequired: (label) => `missing ${label}`,
  bookingFormErrorEmail: 'bad e-mail',
  bookingFormErrorPhone: 'bad phone',
  bookingFormErrorNumber: 'bad number',
  bookingFormErrorUrl: 'bad url',
  bookingFormErrorOption: 'bad option',
  bookingFormErrorGuest: (address) => `bad guest ${address}`,
  bookingFormErrorTooLong: (max) => `over ${max}`,
  bookingFormErrorTooManyGuests: (max) => `over ${max} guests`,
  bookingFormErrorTooLongTotal: 'too much',
  bookingFormLocation: 'Where',
  bookingFormLocationAddress: 'Office',
  bookingFormLocationAttendeeAddress: 'Your place',
  bookingFormLocationPhone: 'Host phone',
  bookingFormLocationAttendeePhone: 'Your phone',
  bookingFormLocationAttendeeDefined: 'Elsewhere',
  bookingFormLocationLink: 'Link',
  bookingFormLocationDefaultApp: 'Host app',
  bookingFormLocationYourPhone: 'Phone number',
  bookingFormLocationYourAddress: 'Address',
  bookingFormLocationYourPlace: 'Place',
};

const FIELDS: CalBookingField[] = [
  { type: 'name', slug: 'name', required: true },
  { type: 'email', slug: 'email', required: true },
  { type: 'phone', slug: 'phone', label: 'Phone', required: false },
  { type: 'number', slug: 'size', label: 'Team size', required: false },
  { type: 'multiselect', slug: 'topics', label: 'Topics', options: ['A', 'B'] },
  { type: 'multiemail', slug: 'guests', required: false },
  { type: 'radioInput', slug: 'location', required: false },
  { type: 'text', slug: 'secret', hidden: true },
];

describe('calBookingFormFields', () => {
  it('maps Cal.com’s fields to inputs, named by the labels given; hidden and location left out', () => {
    expect(
      calBookingFormFields(FIELDS, 'book', labels).map(({ name, type, label, target }) => [
        name,
        type,
        label,
        target,
      ]),
    ).toEqual([
      ['name', 'text', 'Name', 'name'],
      ['email', 'email', 'E-mail', 'email'],
      ['phone', 'phone', 'Phone', 'response'],
      ['size', 'number', 'Team size', 'response'],
      ['topics', 'checkbox', 'Topics', 'response'],
      ['guests', 'multiemail', 'Guests', 'guests'],
    ]);
  });

  it('without fields, Cal.com’s four; a reschedule asks only for the reason', () => {
    expect(calBookingFormFields(undefined, 'book', labels).map((f) => f.name)).toEqual([
      'name',
      'email',
      'notes',
      'guests',
    ]);
    expect(calBookingFormFields(FIELDS, 'reschedule', labels)).toEqual([
      {
        name: 'rescheduleReason',
        type: 'textarea',
        label: 'Reason',
        placeholder: undefined,
        required: false,
        options: [],
        target: 'rescheduleReason',
      },
    ]);
  });
});

describe('validateCalBookingForm', () => {
  const fields = calBookingFormFields(FIELDS, 'book', labels);

  it('every field’s first problem by name, the text in the messages isolated', () => {
    expect(
      validateCalBookingForm(
        fields,
        {
          name: ' ',
          email: 'bob',
          phone: '12',
          size: 'many',
          topics: ['C'],
          guests: 'a@x.io, nope',
        },
        labels,
      ),
    ).toEqual({
      name: 'missing \u2068Name\u2069',
      email: 'bad e-mail',
      phone: 'bad phone',
      size: 'bad number',
      topics: 'bad option',
      guests: 'bad guest \u2068nope\u2069',
    });
  });

  it('nothing when the values can be sent; missing optional answers are fine', () => {
    const errors = validateCalBookingForm(
      fields,
      { name: 'Bob', email: 'bob@example.com' },
      labels,
    );
    expect(Object.keys(errors)).toEqual([]);
  });

  it('answers each within their cap but over the body cap together: the longest is marked', () => {
    const many = calBookingFormFields(
      Array.from({ length: 70 }, (_, i) => ({ type: 'textarea', slug: `q${i}` })),
      'book',
      labels,
    );
    const answers: Record<string, string> = { name: 'Bob', email: 'bob@example.com' };
    for (const [i, field] of many.slice(2).entries())
      answers[field.name] = 'x'.repeat(MAX_TEXT - i);
    expect(JSON.stringify(answers).length).toBeGreaterThan(MAX_BODY_BYTES - 1024);
    expect(validateCalBookingForm(many, answers, labels)).toEqual({ q0: 'too much' });
  });

  it('reads only the values’ own keys: a slug Object.prototype has is not answered by it', () => {
    const proto = calBookingFormFields(
      [{ type: 'text', slug: 'constructor', label: 'Company', required: true }],
      'book',
      labels,
    );
    expect(
      validateCalBookingForm(proto, { name: 'Bob', email: 'bob@example.com' }, labels),
    ).toEqual({ constructor: 'missing \u2068Company\u2069' });
  });
});

describe('one field', () => {
  it('validateCalBookingField: the caps before the formats', () => {
    const [, email] = calBookingFormFields(undefined, 'book', labels);
    if (!email) throw new Error('no e-mail field');
    expect(validateCalBookingField(email, `${'a'.repeat(300)}@x.io`, labels)).toBe('over 254');
    expect(validateCalBookingField(email, 'a@x.io', labels)).toBeUndefined();
  });

  it('initialFieldValue: the default in the field’s own shape, else empty', () => {
    const [name, , topics] = calBookingFormFields(
      [
        { type: 'name', slug: 'name' },
        { type: 'email', slug: 'email' },
        { type: 'checkbox', slug: 'topics', options: ['A'] },
        { type: 'boolean', slug: 'news' },
      ],
      'book',
      labels,
    );
    const news = calBookingFormFields([{ type: 'boolean', slug: 'news' }], 'book', labels)[2];
    if (!name || !topics || !news) throw new Error('missing field');
    expect(initialFieldValue(name, { name: 'Bob' })).toBe('Bob');
    expect(initialFieldValue(name, undefined)).toBe('');
    expect(initialFieldValue(topics, { responses: { topics: 'A' } })).toEqual(['A']);
    expect(initialFieldValue(topics, {})).toEqual([]);
    expect(initialFieldValue(news, { responses: { news: 'true' } })).toBe(true);
    expect(initialFieldValue(news, {})).toBe(false);
  });

  it('toCalBookingFormValues: numbers as numbers, guests split, text trimmed', () => {
    const fields = calBookingFormFields(FIELDS, 'book', labels);
    expect(
      toCalBookingFormValues(fields, {
        name: ' Bob ',
        email: 'bob@example.com',
        size: ' 12 ',
        guests: 'a@x.io; b@x.io',
        topics: [],
      }),
    ).toEqual({
      name: 'Bob',
      email: 'bob@example.com',
      notes: '',
      guests: ['a@x.io', 'b@x.io'],
      responses: { size: 12 },
    });
  });
});
