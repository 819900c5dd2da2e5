import { describe, expect, it } from 'vitest';
import { currentOffset, zoneMatches, zoneOptions } from '../../../src/time/zoneNames.js';

describe('zone search', () => {
  it('matches every word of the query in the old or current name or the offset', () => {
    expect(zoneMatches('Asia/Calcutta', 'GMT+5:30', 'kolkata')).toBe(true);
    expect(zoneMatches('Asia/Calcutta', 'GMT+5:30', 'calcutta')).toBe(true);
    expect(zoneMatches('Asia/Calcutta', 'GMT+5:30', 'gmt+5:30')).toBe(true);
    expect(zoneMatches('America/New_York', 'GMT-5', 'new york')).toBe(true);
    expect(zoneMatches('America/New_York', 'GMT-5', 'new delhi')).toBe(false);
  });

  it('offers every listed zone, or an unlisted name first in place of its other name', () => {
    const listed = zoneOptions('Europe/Berlin');
    expect(listed).toContain('UTC');
    const unlisted = zoneOptions('Asia/Kolkata');
    if (!listed.includes('Asia/Kolkata')) {
      expect(unlisted[0]).toBe('Asia/Kolkata');
      expect(unlisted).not.toContain('Asia/Calcutta');
    }
  });

  it("gives a zone's offset now", () => {
    expect(currentOffset('UTC')).toBe('GMT');
    expect(currentOffset('Asia/Kolkata')).toBe('GMT+5:30');
  });
});
