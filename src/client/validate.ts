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

/** Most values one `scrub` reads: past it the rest is dropped, so no object graph can stall an error. */
const MAX_SCRUBBED = 500;

/**
 * What an error may keep of a value: every string with the secrets cut out (dropped whole when a cut
 * could splice one back together), plain objects, arrays and errors copied only when something
 * changed, an error's name, message, stack and cause chain included (eight levels deep), so neither
 * `JSON.stringify` nor `console.log` of the error can show a secret a server or a host echoed. Any
 * other object (Headers, a Request, a Map, a boxed string) could hold a secret where it is not read,
 * so it is replaced by its kind; a value met twice is read once, a getter that throws is dropped.
 */
export function scrub<T>(value: T, secrets: readonly string[]): T {
  const seen = new Map<object, unknown>();
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return redact(item, secrets) ?? '[redacted]';
    if (!item || typeof item !== 'object') return item;
    if (seen.has(item)) return seen.get(item);
    // Deeper than any real cause chain or error body, or past the budget: dropped, not left unread.
    if (depth > 8 || seen.size >= MAX_SCRUBBED) return undefined;
    const proto = Object.getPrototypeOf(item);
    const error = item instanceof Error || 'stack' in item;
    if (!error && !Array.isArray(item) && proto !== Object.prototype && proto !== null) {
      const kind = `[${(proto?.constructor as { name?: string } | undefined)?.name || 'object'}]`;
      seen.set(item, kind);
      return kind;
    }
    // Until its walk ends, a way back to this value (a cycle) is dropped.
    seen.set(item, undefined);
    const copy = (error ? new Error() : Array.isArray(item) ? [] : {}) as Record<string, unknown>;
    let changed = false;
    for (const key of Object.keys(item).concat(
      error ? ['name', 'message', 'stack', 'cause'] : [],
    )) {
      let original: unknown;
      let clean: unknown;
      try {
        original = (item as Record<string, unknown>)[key];
        clean = walk(original, depth + 1);
      } catch {
        clean = undefined;
      }
      changed ||= clean !== original;
      if (key in item) copy[key] = clean;
    }
    const result = changed ? copy : item;
    seen.set(item, result);
    return result;
  };
  return walk(value, 0) as T;
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
  secrets: readonly string[] = [],
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
    // Redacted before the cut: a cut through a secret would leave a prefix no redaction matches.
    return {
      path: formatIssuePath(path),
      message: truncate(redact(text, secrets) ?? '[redacted]', MAX_MESSAGE_LENGTH),
    };
  });
  return { ok: false, issues: issues.length > 0 ? issues : [rootIssue('invalid value')] };
}
