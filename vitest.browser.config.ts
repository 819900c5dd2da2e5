import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './scripts/chromium.js';
import { sandboxCommands } from './test/browser/commands.js';

// Browser tests: the real provider and components in Debian's Chromium (playwright-core, no browser
// download), against the real sandbox over HTTP (CORS), started once by the global setup.
// `npm run test:browser`; CHROMIUM_PATH points at another Chromium.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react()],
  // The demo host app (test/browser/demo.test.tsx) imports the package by name, as in its Vite config.
  resolve: {
    alias: [
      {
        find: /^@aisquare\/bookings-react\/styles\.css$/,
        replacement: here('./src/styles.css'),
      },
      { find: /^@aisquare\/bookings-react$/, replacement: here('./src/index.ts') },
    ],
  },
  // Pre-bundled up front, so that a cold cache never reloads the page mid-run (fixtures/tab.tsx
  // imports them from an iframe the optimizer's scan does not see).
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@tanstack/react-query',
      'zod/mini',
      'vitest-browser-react',
    ],
  },
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.{ts,tsx}'],
    globalSetup: ['test/browser/globalSetup.ts'],
    // One sandbox for every file: its counters and faults are global, so files run one at a time.
    fileParallelism: false,
    testTimeout: 20_000,
    // `UPDATE_DOCS_IMAGES=1 npm run test:browser` rewrites the screenshots in docs/images.
    provide: { updateDocsImages: process.env.UPDATE_DOCS_IMAGES === '1' },
    // `expect.element` / `expect.poll` retry up to this long; tests that wait for a refresh say so.
    expect: { poll: { timeout: 5_000 } },
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
      }),
      instances: [{ browser: 'chromium' }],
      commands: sandboxCommands,
    },
  },
});
