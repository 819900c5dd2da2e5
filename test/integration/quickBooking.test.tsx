// @vitest-environment jsdom

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { QuickBooking } from '../../examples/quick-booking/QuickBooking.js';
import { BookingsProvider } from '../../src/index.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const ROOT = process.cwd();
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

describe('the docs’ quick booking example', () => {
  it('books the first free slot against the sandbox, over real HTTP', async () => {
    const { sandbox } = fixture;
    const jwt = await sandbox.issueJwt('quick');
    render(
      <StrictMode>
        <BookingsProvider baseUrl={sandbox.url} jwt={jwt} crossTab={false}>
          <QuickBooking start={day(2)} end={day(9)} />
        </BookingsProvider>
      </StrictMode>,
    );
    const button = await screen.findByRole('button', { name: /^Book “/ }, { timeout: 5_000 });
    await userEvent.click(button);
    await screen.findByText(/^Booked for /, undefined, { timeout: 5_000 });
    const [booking] = sandbox.calModel.bookings();
    expect(booking?.attendee.email).toBe('ada@example.com');
    expect(screen.getByText(/^Booked for /).textContent).toContain(
      new Date(booking?.start ?? 0).toUTCString(),
    );
  });

  it('is the code docs/cal-api.md shows', () => {
    const docs = readFileSync(join(ROOT, 'docs/cal-api.md'), 'utf8');
    const source = readFileSync(join(ROOT, 'examples/quick-booking/QuickBooking.tsx'), 'utf8');
    expect(docs).toContain(source.trim());
  });
});
