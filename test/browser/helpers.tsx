import type { ReactNode } from 'react';
import { inject } from 'vitest';
import { commands } from 'vitest/browser';
import { BookingsProvider, type BookingsProviderProps } from '../../src/index.js';

/** The sandbox the global setup started (same for every test file; reset before each test). */
export const sandboxUrl = inject('sandboxUrl');

let nextUser = 0;

/** A user id no other test uses, so the sandbox's users never leak between tests. */
export function uniqueUserId(prefix: string): string {
  nextUser += 1;
  return `${prefix}-${Date.now().toString(36)}-${nextUser}`;
}

/** Signs an AISquare JWT in the Vitest process with the sandbox's secret. */
export function issueJwt(
  userId: string,
  options?: Parameters<typeof commands.sandboxIssueJwt>[1],
): Promise<string> {
  return commands.sandboxIssueJwt(userId, options);
}

export function sandboxCounts() {
  return commands.sandboxCounts();
}

/** The provider as a host app mounts it: sandbox URL, the JWT as a prop, the rest from props. */
export function TestProvider({
  jwt,
  children,
  ...props
}: Omit<BookingsProviderProps, 'baseUrl' | 'getAuthToken' | 'jwt'> & {
  jwt: string | null;
  children?: ReactNode;
}) {
  return (
    <BookingsProvider baseUrl={sandboxUrl} jwt={jwt} {...props}>
      {children}
    </BookingsProvider>
  );
}
