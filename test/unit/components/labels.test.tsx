import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BookingsApiError } from '../../../src/client/errors.js';
import {
  BookingsErrorMessage,
  BookingsLabelsProvider,
  CalConnectButton,
  CalTokenStatus,
  defaultBookingsLabels,
  formatTimeUntil,
} from '../../../src/components/index.js';
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
