// The fake Cal.com (sandbox and MSW handlers) on hostile input: an e-mail check that cannot
// backtrack, and zone caches that stay bounded whatever spellings requests bring.
import { describe, expect, it } from 'vitest';
import { handleCalRequest, isEmailAddress } from '../../../src/fake/handle.js';
import { createCalFakeModel } from '../../../src/fake/model.js';
import { isTimeZone, localParts, zoneCacheSize } from '../../../src/fake/zoneMaths.js';

describe('isEmailAddress', () => {
  it('accepts what the old pattern accepted and refuses what it refused', () => {
    const old = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    const samples = [
      'ada@example.com',
      'a@b.c',
      'a@b.c.',
      'a@.b.c',
      'a@b..c',
      'a.b@c.d',
      '@b.c',
      'a@b',
      'a@.c',
      'a@b.',
      'a@@b.c',
      'a@b@c.d',
      'a b@c.d',
      'a@b.c\n',
      '',
      'a@' + 'a.'.repeat(10) + '@',
    ];
    for (const sample of samples)
      expect([sample, isEmailAddress(sample)]).toEqual([sample, old.test(sample)]);
  });

  it("refuses the old pattern's ReDoS body in one pass, and the fake answers it with a 400", () => {
    const hostile = `a@${'a.'.repeat(30_000)}@`;
    expect(isEmailAddress(hostile)).toBe(false);
    const model = createCalFakeModel();
    model.integrate({ sub: 'host' });
    const [type] = model.eventTypes('host');
    const answer = handleCalRequest(model, {
      method: 'POST',
      pathname: '/v2/bookings',
      query: new URLSearchParams(),
      headers: (name) => (name === 'cal-api-version' ? '2024-08-13' : undefined),
      body: JSON.stringify({
        eventTypeId: type?.id,
        start: '2099-01-05T10:00:00Z',
        attendee: { name: 'x', email: hostile, timeZone: 'UTC' },
      }),
    });
    expect(answer.status).toBe(400);
  });
});

describe('the zone caches', () => {
  it('hold one formatter per canonical zone and a bounded number of spellings', () => {
    const spellings = Array.from({ length: 10_000 }, (_, index) =>
      Array.from('europe/london', (char, at) =>
        (index >> at) & 1 ? char.toUpperCase() : char,
      ).join(''),
    );
    const instant = Date.UTC(2030, 6, 1, 12);
    for (const spelling of new Set(spellings)) {
      expect(isTimeZone(spelling)).toBe(true);
      expect(localParts(instant, spelling).hour).toBe(13);
    }
    const size = zoneCacheSize();
    expect(size.formatters).toBeLessThanOrEqual(64);
    expect(size.spellings).toBeLessThanOrEqual(256);
    expect(isTimeZone('Not/AZone')).toBe(false);
  });
});
