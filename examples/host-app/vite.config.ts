import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The demo host app. `npm start` (scripts/start.ts) serves it with this config and adds the sandbox
// URL and demo JWTs through `define`. The package is resolved from its sources, as a host app would
// import it once installed.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  cacheDir: here('../../node_modules/.vite/host-app'),
  plugins: [react()],
  resolve: {
    alias: [
      {
        find: /^@aisquare\/bookings-react\/styles\.css$/,
        replacement: here('../../src/styles.css'),
      },
      { find: /^@aisquare\/bookings-react$/, replacement: here('../../src/index.ts') },
    ],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
  clearScreen: false,
});
