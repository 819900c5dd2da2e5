/** True unless a document says the page is hidden (servers, workers and tests without one count as visible). */
export function isPageVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/**
 * Listens to `visibilitychange` on the document and `online` on the window, where they exist.
 * Returns the function that removes both listeners.
 */
export function listenForWake(onVisible: () => void, onOnline: () => void): () => void {
  const handleVisibility = (): void => {
    onVisible();
  };
  const handleOnline = (): void => {
    onOnline();
  };
  const doc = typeof document === 'undefined' ? null : document;
  const win = typeof window === 'undefined' ? null : window;
  doc?.addEventListener('visibilitychange', handleVisibility);
  win?.addEventListener('online', handleOnline);
  return () => {
    doc?.removeEventListener('visibilitychange', handleVisibility);
    win?.removeEventListener('online', handleOnline);
  };
}
