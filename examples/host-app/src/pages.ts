import { useCallback, useEffect, useState } from 'react';

/** The demo's pages, addressed by the URL's hash (`#/book`), so that reloads and links keep them. */
export type DemoPage = 'account' | 'book' | 'bookings' | 'public';

export const DEMO_PAGES: readonly { page: DemoPage; title: string }[] = [
  { page: 'account', title: 'Account' },
  { page: 'book', title: 'Book a meeting' },
  { page: 'bookings', title: 'My bookings' },
  { page: 'public', title: 'Public booking page' },
];

export function pageHref(page: DemoPage): string {
  return `#/${page}`;
}

function pageFromHash(hash: string): DemoPage {
  const name = hash.replace(/^#\/?/, '');
  return DEMO_PAGES.some((entry) => entry.page === name) ? (name as DemoPage) : 'account';
}

/** The current page and a way to go to another (which pushes a history entry). */
export function useDemoPage(): [DemoPage, (page: DemoPage) => void] {
  const [page, setPage] = useState(() => pageFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setPage(pageFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: DemoPage) => {
    window.location.hash = pageHref(next);
  }, []);
  return [page, go];
}
