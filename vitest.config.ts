import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Projects: `unit` (jsdom, injected fetch / MSW), `integration` (node, real HTTP to the sandbox).
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
          setupFiles: ['test/setup/unit.ts'],
          restoreMocks: true,
          // A few component tests wait out the token manager's 5 s between token requests in real time.
          testTimeout: 10_000,
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
