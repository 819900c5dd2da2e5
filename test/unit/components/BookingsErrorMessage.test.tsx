import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BookingsApiError, type BookingsErrorKind } from '../../../src/client/errors.js';
import { BookingsErrorMessage } from '../../../src/index.js';

const KINDS: BookingsErrorKind[] = [
  'unauthorized',
  'invalid_request',
  'not_found',
  'server',
  'network',
  'timeout',
  'invalid_response',
  'aborted',
];

function errorOf(kind: BookingsErrorKind, detail?: string) {
  return new BookingsApiError({ kind, endpoint: 'user', status: 500, detail });
}

describe('BookingsErrorMessage', () => {
  it('renders nothing without an error', () => {
    const { container, rerender } = render(<BookingsErrorMessage error={null} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<BookingsErrorMessage error={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('explains every kind with its own message and next step, as an alert', () => {
    const texts = new Set<string>();
    for (const kind of KINDS) {
      const { unmount } = render(<BookingsErrorMessage error={errorOf(kind)} />);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveAttribute('data-state', 'error');
      expect(alert).toHaveAttribute('data-kind', kind);
      expect(alert).toHaveClass('aisq-error-message');
      const [message, nextStep] = Array.from(alert.querySelectorAll('p'), (p) => p.textContent);
      expect(message).toBeTruthy();
      expect(nextStep).toBeTruthy();
      texts.add(`${message}|${nextStep}`);
      // Never the technical message (endpoint, status) in the UI.
      expect(alert).not.toHaveTextContent(/HTTP|request failed/);
      unmount();
    }
    expect(texts.size).toBe(KINDS.length);
  });

  it('shows the server detail only with showDetail', () => {
    const error = errorOf('server', 'upstream timeout at cal.com');
    const { rerender } = render(<BookingsErrorMessage error={error} />);
    expect(screen.getByRole('alert')).not.toHaveTextContent('upstream timeout');
    rerender(<BookingsErrorMessage error={error} showDetail />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Details: \u2068upstream timeout at cal.com\u2069',
    );
  });

  it('has a keyboard-operable retry button only when onRetry is given', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { rerender } = render(<BookingsErrorMessage error={errorOf('network')} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<BookingsErrorMessage error={errorOf('network')} onRetry={onRetry} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('takes className and per-kind label overrides', () => {
    render(
      <BookingsErrorMessage
        error={errorOf('network')}
        className="mine"
        labels={{ errorMessage: { network: 'Offline?' }, retry: 'Again' }}
        onRetry={() => {}}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveClass('aisq-error-message', 'mine');
    expect(alert).toHaveTextContent('Offline?');
    expect(alert).toHaveTextContent('Check your internet connection');
    expect(screen.getByRole('button', { name: 'Again' })).toBeInTheDocument();
  });
});
