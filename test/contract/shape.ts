/**
 * A small language for what Cal.com sends and accepts, written from its DTOs, and a strict checker:
 * every key a value has must be in the shape (no key Cal.com lacks), every key the shape marks as
 * always sent must be there, and each value must have one of the shape's types.
 *
 * Strings name primitive types: `'string'`, `'number'`, `'boolean'`, `'null'`, `'unknown'` (any),
 * joined with `|`; a leading `?` marks a key Cal.com may leave out (`'?string|null'`). Objects nest;
 * `obj` (a nested object), `arrayOf`, `record` (any keys), `oneOf` (variants: the value must match one
 * of them) and `literal` (an enum) build the rest, each optional or nullable by an option.
 */

type Primitive = 'string' | 'number' | 'boolean' | 'null' | 'unknown';

export type Spec =
  | string
  | {
      readonly kind: 'object';
      readonly fields: Shape;
      readonly optional: boolean;
      readonly nullable: boolean;
    }
  | {
      readonly kind: 'array';
      readonly of: Spec;
      readonly optional: boolean;
      readonly nullable: boolean;
    }
  | {
      readonly kind: 'record';
      readonly of: Spec;
      readonly optional: boolean;
      readonly nullable: boolean;
    }
  | {
      readonly kind: 'oneOf';
      readonly of: readonly Spec[];
      readonly optional: boolean;
      readonly nullable: boolean;
    }
  | { readonly kind: 'literal'; readonly values: readonly unknown[]; readonly optional: boolean };

export interface Shape {
  readonly [key: string]: Spec;
}

interface Modifiers {
  optional?: boolean;
  nullable?: boolean;
}

/** `spec` with its modifiers: neither optional nor nullable unless told. */
const modified = <T extends object>(
  spec: T,
  { optional = false, nullable = false }: Modifiers = {},
): T & { optional: boolean; nullable: boolean } => ({ ...spec, optional, nullable });

/** An array of `of`. */
export const arrayOf = (of: Spec, modifiers?: Modifiers): Spec =>
  modified({ kind: 'array' as const, of }, modifiers);

/** An object with any keys, each value `of`. */
export const record = (of: Spec, modifiers?: Modifiers): Spec =>
  modified({ kind: 'record' as const, of }, modifiers);

/** One of several shapes (Cal.com's variants, e.g. a location's `type`). */
export const oneOf = (of: readonly Spec[], modifiers?: Modifiers): Spec =>
  modified({ kind: 'oneOf' as const, of }, modifiers);

/** A nested object. */
export const obj = (fields: Shape, modifiers?: Modifiers): Spec =>
  modified({ kind: 'object' as const, fields }, modifiers);

/** Exactly one of these values (an enum or a variant's discriminator). */
export const literal = (
  values: readonly unknown[],
  { optional = false }: Modifiers = {},
): Spec => ({
  kind: 'literal',
  values,
  optional,
});

const isOptional = (spec: Spec): boolean =>
  typeof spec === 'string' ? spec.startsWith('?') : 'optional' in spec && spec.optional;

function typeOf(value: unknown): Primitive | 'object' | 'array' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** What is wrong with `value` against `spec`, one line per problem, each with its path. */
export function check(spec: Spec, value: unknown, path = '$'): string[] {
  if (typeof spec === 'string') {
    const types = spec.replace(/^\?/, '').split('|') as Primitive[];
    if (types.includes('unknown')) return [];
    const actual = typeOf(value);
    return (types as string[]).includes(actual)
      ? []
      : [`${path}: ${actual}, expected ${types.join('|')}`];
  }
  if (spec.kind === 'literal') {
    return spec.values.includes(value)
      ? []
      : [`${path}: ${JSON.stringify(value)}, expected one of ${JSON.stringify(spec.values)}`];
  }
  if (value === null && 'nullable' in spec && spec.nullable) return [];
  if (spec.kind === 'oneOf') {
    let best: string[] | undefined;
    for (const variant of spec.of) {
      const issues = check(variant, value, path);
      if (issues.length === 0) return [];
      if (best === undefined || issues.length < best.length) best = issues;
    }
    return best ?? [`${path}: no variant`];
  }
  if (spec.kind === 'array') {
    if (!Array.isArray(value)) return [`${path}: ${typeOf(value)}, expected array`];
    return value.flatMap((item, index) => check(spec.of, item, `${path}[${index}]`));
  }
  if (typeOf(value) !== 'object') return [`${path}: ${typeOf(value)}, expected object`];
  const object = value as Record<string, unknown>;
  if (spec.kind === 'record') {
    return Object.entries(object).flatMap(([key, item]) => check(spec.of, item, `${path}.${key}`));
  }
  const issues: string[] = [];
  for (const [key, field] of Object.entries(spec.fields)) {
    if (!(key in object) || object[key] === undefined) {
      if (!isOptional(field)) issues.push(`${path}.${key}: missing (Cal.com always sends it)`);
      continue;
    }
    issues.push(...check(field, object[key], `${path}.${key}`));
  }
  for (const key of Object.keys(object)) {
    if (!(key in spec.fields)) issues.push(`${path}.${key}: Cal.com sends no such key`);
  }
  return issues;
}

/** The keys of `shape` Cal.com always sends (for a minimal sample). */
export function alwaysKeys(shape: Shape): string[] {
  return Object.entries(shape)
    .filter(([, spec]) => !isOptional(spec))
    .map(([key]) => key);
}
