import { describe, expect, it } from 'vitest';
import { same } from '../../../src/session/same.js';

describe('same', () => {
  it('compares primitives with Object.is', () => {
    expect(same(1, 1)).toBe(true);
    expect(same(Number.NaN, Number.NaN)).toBe(true);
    expect(same(0, -0)).toBe(false);
    expect(same('a', 'b')).toBe(false);
  });

  it('compares plain objects and arrays by value, deeply', () => {
    expect(same({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(same([1, 2], [1, 2, 3])).toBe(false);
    expect(same([1], { 0: 1 })).toBe(false);
  });

  it('compares functions and class instances by identity', () => {
    const fn = () => {};
    expect(same(fn, fn)).toBe(true);
    expect(
      same(
        () => {},
        () => {},
      ),
    ).toBe(false);
    expect(same({ f: fn }, { f: fn })).toBe(true);
    expect(same({ f: fn }, { f: () => {} })).toBe(false);
    expect(same(new Map(), new Map())).toBe(false);
  });
});
