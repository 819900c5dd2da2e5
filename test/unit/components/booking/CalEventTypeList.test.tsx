import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CalEventType } from '../../../../src/calapi/types.js';
import { CalEventTypeList } from '../../../../src/components/booking/CalEventTypeList.js';
import { bookerWorld } from '../../../helpers/bookerWorld.js';
import { CAL, calErrorResponse } from '../../../helpers/calWorld.js';
import { fakeJwt } from '../../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../../helpers/renderWithProviders.js';

function setup(
  props: Partial<Parameters<typeof CalEventTypeList>[0]> = {},
  fetch?: typeof globalThis.fetch,
) {
  const { world } = bookerWorld();
  const onSelect = vi.fn<(eventType: CalEventType) => void>();
  const view = renderWithProviders(<CalEventTypeList onSelect={onSelect} {...props} />, {
    provider: { jwt: fakeJwt('alice'), fetch: fetch ?? world.fetch, calApiUrl: CAL },
  });
  const root = () => view.container.querySelector('.aisq-event-types');
  return { world, onSelect, root, user: userEvent.setup(), ...view };
}

describe('CalEventTypeList', () => {
  it('loading, then title, length and description per event type; hidden ones left out', async () => {
    const { root } = setup();
    expect(root()).toHaveAttribute('data-state', 'loading');
    expect(root()).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading meeting types…')).toBeInTheDocument();
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));
    expect(screen.getByRole('region', { name: 'Meeting types' })).toBe(root());
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('data-slug'))).toEqual(['15min', '30min']);
    expect(buttons[1]).toHaveTextContent(
      '30 Minute Meeting 30 minutesA half-hour conversation: a demo, a review or a planning session.',
    );
    // Not a toggle without `selected`; the name is the title and length, the description describes.
    expect(buttons.some((b) => b.hasAttribute('aria-pressed'))).toBe(false);
    expect(buttons[1]).toHaveAccessibleName('30 Minute Meeting 30 minutes');
    expect(buttons[1]).toHaveAccessibleDescription(
      'A half-hour conversation: a demo, a review or a planning session.',
    ); // Cal.com's text is isolated, so that a right-to-left override in it cannot reorder the rest.
    for (const part of ['name', 'description']) {
      expect(buttons[1]?.querySelector(`.aisq-event-types__${part}`)?.tagName).toBe('BDI');
    }
  });

  it('chosen by keyboard; showHidden lists hidden ones too', async () => {
    const { user, onSelect, world } = setup({ showHidden: true });
    await screen.findByRole('button', { name: /Deep Dive/ });
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: /30 Minute Meeting/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ slug: '30min' }));
    const thirty = onSelect.mock.calls[0]?.[0];
    expect(world.model.eventType(thirty?.id ?? 0)?.slug).toBe('30min');
  });

  it('selected marks its button pressed', async () => {
    const { world } = bookerWorld();
    const id = world.model.eventTypes('alice')[1]?.id;
    renderWithProviders(<CalEventTypeList onSelect={() => {}} selected={id} />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch, calApiUrl: CAL },
    });
    expect(await screen.findByRole('button', { name: /30 Minute/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: /15 Minute/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('another user without public event types: empty', async () => {
    const { root } = setup({ username: 'nobody' });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByText('There is nothing to book here yet.')).toBeInTheDocument();
  });

  it('an error with a retry', async () => {
    const { world } = bookerWorld();
    let fail = true;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (fail && url.includes('/v2/event-types')) {
        return calErrorResponse('/v2/event-types', 404);
      }
      return world.fetch(input, init);
    };
    const { root, user } = setup({}, fetch);
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'));
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));
  });
});

it('repeated event type ids render without duplicate keys', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const type = { id: 7, slug: 'a', title: 'A', lengthInMinutes: 15 } as CalEventType;
  const query = { data: [type, { ...type, slug: 'b', title: 'B' }] } as never;
  renderWithProviders(<CalEventTypeList onSelect={() => {}} query={query} />, {
    provider: { enabled: false },
  });
  expect(screen.getAllByRole('button')).toHaveLength(2);
  expect(error.mock.calls.flat().join(' ')).not.toMatch(/same key/);
  error.mockRestore();
});
