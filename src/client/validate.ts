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

function segmentToString(segment: PropertyKey | StandardSchemaV1.PathSegment): string {
  const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
  return typeof key === 'symbol' ? (key.description ?? 'symbol') : String(key);
}

/** Renders a Standard Schema path as `a.b.0`: only keys, never the values found there. */
export function formatIssuePath(path: StandardSchemaV1.Issue['path']): string {
  return path === undefined ? '' : path.map(segmentToString).join('.');
}

function toIssue(issue: StandardSchemaV1.Issue): BookingsValidationIssue {
  const message =
    typeof issue.message === 'string' && issue.message !== '' ? issue.message : 'invalid value';
  return {
    path: formatIssuePath(issue.path),
    message:
      message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message,
  };
}

/**
 * Runs any Standard Schema (zod, valibot, arktype or hand-written), sync or async, and reports its
 * issues as `{ path, message }`. A schema that throws is reported as one root issue, with the thrown
 * value as `cause`, because a broken host schema must not surface as a network error.
 */
export async function validateStandard<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
): Promise<ValidationResult<T>> {
  let result: StandardSchemaV1.Result<T>;
  try {
    result = await schema['~standard'].validate(value);
  } catch (cause) {
    return { ok: false, issues: [{ path: '', message: 'the response schema threw' }], cause };
  }
  if (result.issues !== undefined) {
    const issues = result.issues.slice(0, MAX_ISSUES).map(toIssue);
    return {
      ok: false,
      issues: issues.length > 0 ? issues : [{ path: '', message: 'invalid value' }],
    };
  }
  return { ok: true, value: result.value };
}
