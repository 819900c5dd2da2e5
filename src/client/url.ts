/** Matches `scheme://…`: such endpoint paths are used as given instead of being joined to the base. */
const ABSOLUTE_URL = /^[a-z][a-z\d+\-.]*:\/\//i;

/**
 * Normalises a base URL: trims whitespace (env values often carry a newline) and every trailing
 * slash, so that `https://x`, `https://x/` and `https://x//` all name the same origin in query keys.
 */
export function normalizeBaseUrl(base: string): string {
  return trimTrailing(base.trim(), '/');
}

/**
 * `value` without its trailing run of `char`. A loop: `/\/+$/` backtracks quadratically on a long run
 * of slashes followed by anything else, and patterns in this package run in linear time.
 */
export function trimTrailing(value: string, char: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === char) end -= 1;
  return value.slice(0, end);
}

/**
 * Joins a base URL (optionally with a path prefix such as `https://x/api-prefix`) and an endpoint
 * path with exactly one slash between them, whatever slashes either side brings. An absolute
 * endpoint URL is returned as is; the path's own trailing slash is kept because Django needs it.
 */
export function joinUrl(base: string, path: string): string {
  const trimmedPath = path.trim();
  if (ABSOLUTE_URL.test(trimmedPath)) return trimmedPath;
  const left = normalizeBaseUrl(base);
  const right = trimmedPath.replace(/^\/+/, '');
  return `${left}/${right}`;
}
