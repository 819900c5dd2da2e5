import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Projects: `unit` (jsdom, injected fetch / MSW), `contract` (Cal.com's own shapes), `integration`
// (node, real HTTP to the sandbox).
// The browser and Storybook projects are added beside them and run by `npm run test:browser`.
export default defineConfig({
  plugins: [react()],
  // Examples import the package by name, as a host app does; tests run them against the sources.
  resolve: {
    alias: [
      {
        find: /^@aisquare\/bookings-react$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
      {
        find: /^@aisquare\/bookings-react\/styles\.css$/,
        replacement: fileURLToPath(new URL('./src/styles.css', import.meta.url)),
      },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          exclude: ['test/unit/tz/**'],
          setupFiles: ['test/setup/unit.ts'],
          restoreMocks: true,
          // A few component tests wait out the token manager's 5 s between token requests in real time.
          testTimeout: 10_000,
        },
      },
      // The time zone tests (test/unit/tz/) run with the process in two zones, one west of UTC with
      // DST and one east of it with a half-hour offset; `unit` leaves them out.
      ...(
        [
          ['tz-la', 'America/Los_Angeles'],
          ['tz-kolkata', 'Asia/Kolkata'],
        ] as const
      ).map(([name, zone]) => ({
        extends: true as const,
        test: {
          name,
          environment: 'jsdom',
          include: ['test/unit/tz/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/unit.ts'],
          env: { TZ: zone },
          restoreMocks: true,
          testTimeout: 10_000,
        },
      })),
      // Cal.com's answers and inputs, from Cal.com's code (test/contract/calcom/): the client's schemas,
      // the hooks and components, the requests the client builds, and the fake's answers.
      {
        extends: true,
        test: {
          name: 'contract',
          environment: 'jsdom',
          include: ['test/contract/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/unit.ts'],
          restoreMocks: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
