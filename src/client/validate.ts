import type { BookingsValidationIssue } from './errors.js';
import type { StandardSchemaV1 } from './standardSchema.js';

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly issues: readonly BookingsValidationIssue[];
      readonly cause?: unknown;
    };

/** Caps the issues kept on an error, so a hostile or huge body cannot make the error itself huge. */
const MAX_ISSUES = 50;
const MAX_MESSAGE_LENGTH = 300;

/** Renders a Standard Schema path as `a.b.0`: only keys, never the values found there. */
export function formatIssuePath(path: StandardSchemaV1.Issue['path']): string {
  return (path ?? [])
    .map((segment) => {
      const key = (segment as StandardSchemaV1.PathSegment | null)?.key ?? segment;
      return typeof key === 'symbol' ? (key.description ?? 'symbol') : String(key);
    })
    .join('.');
}

/** Cuts `text` to `max` characters, marking the cut with an ellipsis. */
export const truncate = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;

/** Longest `error.detail` kept: enough for a server's sentence, too short to carry a whole body. */
export const MAX_DETAIL_LENGTH = 500;

/**
 * Server-provided text with every secret replaced by `[redacted]`; `undefined` when a replacement
 * could have spliced a secret back together, so the text is dropped rather than risked.
 */
export function redact(text: string, secrets: readonly string[]): string | undefined {
  let out = text;
  // An empty secret (no key configured) would match between every two characters.
  const known = secrets.filter(Boolean);
  for (const secret of known) out = out.split(secret).join('[redacted]');
  return known.some((secret) => out.includes(secret)) ? undefined : out;
}

/**
 * What an error may keep of a value: every string with the secrets cut out (dropped whole when a cut
 * could splice one back together), arrays, objects and errors copied only when something changed, an
 * error's name, message, stack and cause chain included (eight levels deep), so neither
 * `JSON.stringify` nor `console.log` of the error can show a secret a server or a host echoed.
 */
export function scrub<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (typeof value === 'string') return (redact(value, secrets) ?? '[redacted]') as T;
  if (!value || typeof value !== 'object') return value;
  // Deeper than any real cause chain or error body, or a cycle: dropped rather than left unread.
  if (depth > 8) return undefined as T;
  // An error's message and stack are not enumerable, a DOMException's are inherited getters.
  const error = 'stack' in value;
  const copy = (error ? new Error() : Array.isArray(value) ? [] : {}) as Record<string, unknown>;
  let changed = false;
  for (const key of Object.keys(value).concat(error ? ['name', 'message', 'stack', 'cause'] : [])) {
    const original = (value as Record<string, unknown>)[key];
    const clean = scrub(original, secrets, depth + 1);
    changed ||= clean !== original;
    if (key in value) copy[key] = clean;
  }
  return changed ? (copy as T) : value;
}

/** A server's detail sentence, without any secret, cut short: what an error may keep of it. */
export const safeDetail = (text: unknown, secrets: readonly string[]): string | undefined => {
  const clean = nonEmpty(text) && redact(text as string, secrets);
  return clean ? truncate(clean, MAX_DETAIL_LENGTH) : undefined;
};

/** A non-empty string, else `undefined`. */
export const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** A root issue (empty path): for problems with the body as a whole. */
export const rootIssue = (message: string): BookingsValidationIssue => ({ path: '', message });

/**
 * Runs any Standard Schema (zod, valibot, arktype or hand-written), sync or async, and reports its
 * issues as `{ path, message }` (at most 50; an empty message becomes `invalid value`, a long one is
 * cut at 300 characters). A schema that throws is reported as one root issue, with the thrown value
 * as `cause`, because a broken host schema must not surface as a network error.
 */
export async function validateStandard<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
): Promise<ValidationResult<T>> {
  let result: StandardSchemaV1.Result<T>;
  try {
    result = await schema['~standard'].validate(value);
  } catch (cause) {
    return { ok: false, issues: [rootIssue('the response schema threw')], cause };
  }
  if (!result.issues) return { ok: true, value: result.value };
  const issues = result.issues.slice(0, MAX_ISSUES).map(({ path, message }) => {
    const text = (typeof message === 'string' && message) || 'invalid value';
    return {
      path: formatIssuePath(path),
      message: truncate(text, MAX_MESSAGE_LENGTH),
    };
  });
  return { ok: false, issues: issues.length > 0 ? issues : [rootIssue('invalid value')] };
}
