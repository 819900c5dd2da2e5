// @vitest-environment jsdom

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../examples/readme/App.js';
import { PublicPage } from '../../examples/readme/PublicPage.js';
import { chooseTime } from '../helpers/bookerWorld.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const ROOT = process.cwd();
/** The origin the README's example names: `npx aisquare-bookings-sandbox`'s default. */
const README_ORIGIN = 'http://127.0.0.1:8787';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the README's example", () => {
  it('greets the user and books a slot against the sandbox, over real HTTP', async () => {
    const { sandbox } = fixture;
    // The test's sandbox listens on a free port, not 8787 (which `npm start` may hold): requests for
    // the README's origin go to it instead, still over HTTP.
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      return realFetch(
        url.startsWith(README_ORIGIN) ? sandbox.url + url.slice(README_ORIGIN.length) : input,
        init,
      );
    });
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const jwt = await sandbox.issueJwt('readme', { name: 'Ada Lovelace' });
    const user = userEvent.setup();
    render(
      <StrictMode>
        <App jwt={jwt} />
      </StrictMode>,
    );

    // The user's Cal.com account is made by the provider's first token request, then greeted.
    await screen.findByText('Book a meeting, Ada Lovelace', undefined, { timeout: 5_000 });
    await user.click(await screen.findByRole('button', { name: /30 Minute Meeting/ }));
    const time = await chooseTime(user);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' }, { timeout: 5_000 });

    const [booking] = sandbox.calModel.bookings();
    expect(booking?.start).toBe(Date.parse(time.start));
    expect(booking?.attendee.email).toBe('ada@example.com');
    await waitFor(() => expect(info).toHaveBeenCalledOnce());
    const [said, start] = info.mock.calls[0] ?? [];
    expect(said).toBe('booked');
    expect(Date.parse(String(start))).toBe(booking?.start);
  });

  it('the visitor’s page: times from Cal.com’s public endpoints, no AISquare request', async () => {
    const { sandbox } = fixture;
    const realFetch = globalThis.fetch;
    const sent: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push(`${new URL(request.url).pathname} ${request.headers.has('authorization')}`);
      const url = request.url;
      return realFetch(
        url.startsWith(README_ORIGIN) ? sandbox.url + url.slice(README_ORIGIN.length) : input,
        init,
      );
    });
    const { user: host } = sandbox.calModel.integrate({ sub: 'dana' });
    const user = userEvent.setup();
    render(
      <StrictMode>
        <PublicPage username={host.username} />
      </StrictMode>,
    );
    await chooseTime(user);
    expect(await screen.findByRole('textbox', { name: 'Your name' })).toHaveProperty('value', '');
    const counts = sandbox.counts();
    expect([counts.config, counts.token, counts.user]).toEqual([0, 0, 0]);
    expect(sent.every((line) => line.startsWith('/v2/') && line.endsWith(' false'))).toBe(true);
  }, 20_000);

  it('is the code README.md shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const file of ['examples/readme/App.tsx', 'examples/readme/PublicPage.tsx']) {
      expect(readme).toContain(readFileSync(join(ROOT, file), 'utf8').trim());
    }
  });
});
