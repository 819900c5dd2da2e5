/** `promise`, and whether it has settled yet (for checking that a call waits, under fake timers). */
export function watchSettling<T>(promise: Promise<T>): {
  pending: Promise<T>;
  settled: () => boolean;
} {
  let settled = false;
  const pending = promise.finally(() => {
    settled = true;
  });
  return { pending, settled: () => settled };
}
