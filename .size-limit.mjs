// size-limit's checks of the entries. The names each check imports come from the entry files'
// `// [group]` headings (scripts/publicSurface.mjs), the same groups the bench's size rows measure.
import { publicSurface, values } from './scripts/publicSurface.mjs';

const surface = publicSurface(import.meta.dirname);
const core = values(surface.core, 'core');
const main = [...core, ...values(surface.react, 'react')];
const imports = (names) => `{ ${names.join(', ')} }`;

export default [
  {
    name: 'main entry: provider, hooks, session, client, schemas (peers external; bench gates it at 0.72x react-query, target 0.5x)',
    path: 'dist/index.js',
    import: imports(main),
    gzip: true,
    limit: '9.9 kB',
  },
  {
    name: 'main entry + components (components budget 4 kB on top of main)',
    path: 'dist/index.js',
    import: imports([...main, ...values(surface.react, 'components')]),
    gzip: true,
    limit: '13.75 kB',
  },
  {
    name: 'main entry + Cal.com API v2 client and hooks (Cal.com budget 5 kB on top of main)',
    path: 'dist/index.js',
    import: imports([...main, ...values(surface.core, 'cal'), ...values(surface.react, 'cal')]),
    gzip: true,
    limit: '14.8 kB',
  },
  {
    name: '/core entry: client, token manager, session (no React)',
    path: 'dist/core.js',
    import: imports(core),
    gzip: true,
    limit: '9.1 kB',
  },
  {
    name: 'main entry + booking flow: CalBooker, CalBookingsList and their hooks (bench gates it at 25.1 kB on top of main; target 15 kB, not met)',
    path: 'dist/index.js',
    import: imports([...main, ...values(surface.react, 'flow')]),
    gzip: true,
    limit: '34.9 kB',
  },
];
