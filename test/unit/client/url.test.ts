import { describe, expect, it } from 'vitest';
import { joinUrl, normalizeBaseUrl } from '../../../src/client/url.js';

describe('joinUrl', () => {
  it.each([
    ['https://x', '/api/v1/bookings/config/', 'https://x/api/v1/bookings/config/'],
    ['https://x/', '/api/v1/bookings/config/', 'https://x/api/v1/bookings/config/'],
    ['https://x', 'api/v1/bookings/config/', 'https://x/api/v1/bookings/config/'],
    ['https://x/', 'api/v1/bookings/config/', 'https://x/api/v1/bookings/config/'],
    ['https://x//', '//api/v1/', 'https://x/api/v1/'],
    [
      'https://x/api-prefix',
      '/api/v1/bookings/user/',
      'https://x/api-prefix/api/v1/bookings/user/',
    ],
    [
      'https://x/api-prefix/',
      '/api/v1/bookings/user/',
      'https://x/api-prefix/api/v1/bookings/user/',
    ],
    [
      'https://x/api-prefix/',
      'api/v1/bookings/user/',
      'https://x/api-prefix/api/v1/bookings/user/',
    ],
    ['https://x/api-prefix', 'api/v1/bookings/user', 'https://x/api-prefix/api/v1/bookings/user'],
    [
      'http://127.0.0.1:8787',
      '/api/v1/bookings/token/refresh/',
      'http://127.0.0.1:8787/api/v1/bookings/token/refresh/',
    ],
    ['', '/api/v1/bookings/config/', '/api/v1/bookings/config/'],
    ['/', 'api/v1/bookings/config/', '/api/v1/bookings/config/'],
    [' https://x/ \n', '/api/', 'https://x/api/'],
    ['https://x', 'https://other.example/cfg/', 'https://other.example/cfg/'],
    ['https://x/prefix', 'http://other.example/cfg', 'http://other.example/cfg'],
  ])('joinUrl(%j, %j) = %j', (base, path, expected) => {
    expect(joinUrl(base, path)).toBe(expected);
  });

  it('never produces a doubled slash after the scheme for any slash combination', () => {
    for (const base of ['https://x', 'https://x/', 'https://x/p', 'https://x/p/']) {
      for (const path of ['a/b/', '/a/b/', '//a/b/']) {
        const joined = joinUrl(base, path);
        expect(joined.slice('https://'.length)).not.toContain('//');
        expect(joined.endsWith('a/b/')).toBe(true);
      }
    }
  });
});

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://x', 'https://x'],
    ['https://x/', 'https://x'],
    ['https://x///', 'https://x'],
    ['https://x/api/', 'https://x/api'],
  ])('normalizeBaseUrl(%j) = %j', (base, expected) => {
    expect(normalizeBaseUrl(base)).toBe(expected);
  });
});
