import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { CalBookingField } from '../src/calapi/types.js';
import { CalBookingForm } from '../src/index.js';
import { rightToLeft } from './support.js';

// The form needs no network: it validates locally and hands valid values to `onSubmit`.

const FIELDS: CalBookingField[] = [
  { type: 'name', slug: 'name', label: 'Your name', required: true },
  { type: 'email', slug: 'email', label: 'Email address', required: true },
  { type: 'text', slug: 'company', label: 'Company', required: true },
  { type: 'phone', slug: 'phone', label: 'Phone', required: false },
  {
    type: 'select',
    slug: 'topic',
    label: 'Topic',
    required: true,
    options: [
      { value: 'sales', label: 'Sales' },
      { value: 'support', label: 'Support' },
    ],
  },
  { type: 'textarea', slug: 'notes', label: 'Additional notes', required: false },
  { type: 'multiemail', slug: 'guests', label: 'Add guests', required: false },
] as unknown as CalBookingField[];

const meta = {
  title: 'Booking/CalBookingForm',
  component: CalBookingForm,
  args: { onSubmit: fn(), bookingFields: FIELDS },
  parameters: { bookings: false },
} satisfies Meta<typeof CalBookingForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: /Your name/ })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: /Topic/ })).toBeVisible();
  },
};

/** Submitting empty and with a bad e-mail: errors tied to their fields, announced, focus on the first. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    await step('fill a bad e-mail and submit', async () => {
      await userEvent.type(canvas.getByRole('textbox', { name: /Email address/ }), 'not-an-email');
      await userEvent.click(canvas.getByRole('button', { name: 'Confirm booking' }));
    });
    const name = canvas.getByRole('textbox', { name: /Your name/ });
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    await expect(name).toHaveFocus();
    await expect(
      canvas.getByRole('textbox', { name: /Email address/ }),
    ).toHaveAccessibleDescription(/name@example\.com/);
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** While the booking request runs, the button says so and further submits are ignored. */
export const Submitting: Story = {
  args: { submitting: true, defaultValues: { name: 'Ada Lovelace', email: 'ada@example.com' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Booking…' })).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  decorators: [rightToLeft],
};
