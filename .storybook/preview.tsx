import '../src/styles.css';

import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { getResponse, type RequestHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { type ReactNode, useState } from 'react';
import { configure } from 'storybook/test';
import { BookingsProvider } from '../src/index.js';
import { STORY_BASE_URL, type StoryProviderProps, storyJwt } from '../stories/support.js';

const jwt = storyJwt();

// Play functions wait for mocked network answers: allow them more than Testing Library's 1 s.
configure({ asyncUtilTimeout: 5_000 });

/**
 * Answers the provider's requests inside the page from the worker's current MSW handlers (the same
 * handlers, `parameters.msw` and `beforeEach` ones included). Through the service worker, Chromium
 * logs a "Failed to load resource" console error for every 401/404/500 the error stories are about.
 */
function inPageFetch(worker: SetupWorker): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const signal = init?.signal;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      getResponse(worker.listHandlers() as RequestHandler[], request).then(
        (response) => (response ? resolve(response) : fetch(input, init).then(resolve, reject)),
        reject,
      );
    });
  };
}

/** A fresh QueryClient per story (the decorator keys this by story id), so no cache leaks across. */
function StoryBookingsProvider({
  props,
  worker,
  children,
}: {
  props: StoryProviderProps;
  worker: SetupWorker | undefined;
  children: ReactNode;
}): ReactNode {
  const [queryClient] = useState(() => new QueryClient());
  const [storyFetch] = useState(() => (worker ? inPageFetch(worker) : undefined));
  return (
    <BookingsProvider
      baseUrl={STORY_BASE_URL}
      getAuthToken={() => jwt}
      queryClient={queryClient}
      fetch={storyFetch}
      // Stories run side by side (Storybook tabs, parallel test iframes): sharing tokens and Web
      // Locks across them would let one story's hanging request stall another's.
      crossTab={false}
      {...props}
    >
      {children}
    </BookingsProvider>
  );
}

/**
 * Wraps every story in a BookingsProvider for the fake API (`parameters.bookings` overrides its
 * props, `parameters.bookings === false` leaves it out) and in the chosen theme.
 */
const withBookings: Decorator = (Story, context) => {
  const theme = context.globals.theme as 'light' | 'dark' | undefined;
  const bookings = context.parameters.bookings as StoryProviderProps | false | undefined;
  const story = <Story />;
  return (
    <div
      data-theme={theme && theme !== 'auto' ? theme : undefined}
      style={{
        padding: '1rem',
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        background: 'var(--aisq-color-surface)',
        color: 'var(--aisq-color-text)',
      }}
    >
      {bookings === false ? (
        story
      ) : (
        <StoryBookingsProvider
          key={context.id}
          props={bookings ?? {}}
          worker={(context as { msw?: SetupWorker }).msw}
        >
          {story}
        </StoryBookingsProvider>
      )}
    </div>
  );
};

const preview: Preview = {
  // msw-storybook-addon 3 (CSF 3): the loader starts the worker once, then before each story
  // resets the handlers and applies `parameters.msw`.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({
        quiet: true,
        // Only the fake API must be mocked; everything else (Vite, Storybook) goes to the network.
        onUnhandledRequest(request, print) {
          if (request.url.startsWith(STORY_BASE_URL)) print.error();
        },
      });
      return worker;
    }),
  ],
  decorators: [withBookings],
  parameters: {
    layout: 'fullscreen',
    // Every story is checked with axe, and a violation fails its test.
    a11y: { test: 'error' },
    controls: { matchers: { date: /Date$/i } },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme of styles.css',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'auto', title: 'System' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto' },
};

export default preview;
