import { inspect } from 'node:util';
import { expect } from 'vitest';

/**
 * Every string reachable from a value the way a logger or a debugger would reach it: own properties
 * (message and stack included, enumerable or not), inherited `message`/`name`, and the cause chain.
 */
export function reachableStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const keys = new Set<PropertyKey>([...Reflect.ownKeys(value), 'name', 'message', 'stack']);
  return [...keys].flatMap((key) =>
    reachableStrings((value as Record<PropertyKey, unknown>)[key], seen),
  );
}

/** What a host could log of an error: each field, JSON, String, console.log, the whole graph. */
export function expectNoSecretShown(error: unknown, ...secrets: string[]): void {
  const shown = [
    JSON.stringify(error),
    String(error),
    inspect(error, { depth: 10 }),
    inspect(error, { depth: 10, showHidden: true }),
    ...reachableStrings(error),
  ];
  for (const secret of secrets) {
    for (const text of shown) expect(text).not.toContain(secret);
  }
}

/** A host's Standard Schema whose `validate` throws an `ErrorType` quoting the whole value. */
export function quotingSchema(ErrorType: new (message: string) => Error) {
  return {
    '~standard': {
      version: 1 as const,
      vendor: 'host',
      validate: (value: unknown): never => {
        throw new ErrorType(`cannot read ${JSON.stringify(value)}`);
      },
    },
  };
}
