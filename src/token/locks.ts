import type { CalTokenLocks } from './types.js';

/** `navigator.locks` where the Web Locks API exists, else `null`. */
export function browserLocks(): CalTokenLocks | null {
  if (typeof navigator === 'undefined') return null;
  const locks = (navigator as { locks?: unknown }).locks;
  if (typeof locks !== 'object' || locks === null) return null;
  if (typeof (locks as { request?: unknown }).request !== 'function') return null;
  return locks as CalTokenLocks;
}
