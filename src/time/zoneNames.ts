/**
 * The zones a person chooses from, with `Intl` only: the list `Intl` supports, their current names
 * (Asia/Kolkata, not Asia/Calcutta), one name per zone for comparing, and the search of a zone
 * selector by name or offset.
 */

import { offsetLabel } from './format.js';
import { partsFormat } from './zones.js';

/**
 * A short list for engines without `Intl.supportedValuesOf` (before 2022); the current zone is always
 * offered as well.
 */
const FALLBACK_ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];

/** Every zone `Intl` supports (a short built-in list where it cannot say), `UTC` included. */
export function supportedTimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  let zones: string[];
  try {
    zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : FALLBACK_ZONES;
  } catch {
    zones = FALLBACK_ZONES;
  }
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/**
 * Current names of zones that CLDR, hence `Intl` in most engines, still gives under their old names
 * (`supportedValuesOf` lists Asia/Calcutta, not Asia/Kolkata).
 */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
};

/** The zone's current name, for showing and searching (Asia/Calcutta: Asia/Kolkata); not for `Intl`. */
export const zoneDisplayName = (zone: string): string =>
  Object.hasOwn(ZONE_NAMES, zone) ? (ZONE_NAMES[zone] as string) : zone;

/**
 * One name per zone, whatever link or case it came as (Asia/Calcutta, asia/kolkata: Asia/Kolkata), to
 * compare zones; an unknown zone as given.
 */
export function canonicalZone(zone: string): string {
  let id = zone;
  try {
    id = partsFormat(zone).resolvedOptions().timeZone;
  } catch {
    // unknown to Intl: compared as given
  }
  return zoneDisplayName(id);
}

/**
 * The zones to offer with `value` chosen: every zone `Intl` lists, or, for a zone under a name the
 * engine does not list, that zone first in place of its other name.
 */
export function zoneOptions(value: string): string[] {
  const all = supportedTimeZones();
  if (all.includes(value)) return all;
  const same = canonicalZone(value);
  return [value, ...all.filter((zone) => canonicalZone(zone) !== same)];
}

// Offsets of the ~420 zones are asked of Intl once per hour at most, and only for the zones shown.
const offsets = new Map<string, { hour: number; label: string }>();

/** The zone's offset now ("GMT+1"), cached for the hour. */
export function currentOffset(zone: string): string {
  const hour = Math.floor(Date.now() / 3_600_000);
  const cached = offsets.get(zone);
  if (cached?.hour === hour) return cached.label;
  // offsetLabel never throws: zoneName falls back to UTC, then to "GMT".
  const label = offsetLabel(Date.now(), zone);
  offsets.set(zone, { hour, label });
  return label;
}

const normalize = (text: string) => text.toLowerCase().replace(/[_/]+/g, ' ').trim();

/**
 * Every word of the query appears in the zone's name, old or current, or its offset ("berlin",
 * "gmt+5:30", "new york", "kolkata" or "calcutta").
 */
export function zoneMatches(zone: string, offset: string, query: string): boolean {
  const haystack = `${normalize(zone)} ${normalize(zoneDisplayName(zone))} ${offset.toLowerCase()}`;
  return normalize(query)
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}
