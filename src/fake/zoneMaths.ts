/**
 * Time-zone arithmetic on epoch milliseconds with `Intl` only (no date library, no `node:` import), so
 * the Cal.com fake runs in Node and in a browser alike. DST is exact: every conversion asks `Intl` for
 * the zone's offset at the instant in question. Written apart from the library's own zone helpers
 * (src/time/) on purpose: the fake the components are tested against must not share
 * their code, or one bug would pass on both sides.
 */

const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Formatters by canonical zone name, and the canonical name of each zone by its lower-case spelling
 * (zone names are case-insensitive: `europe/LONDON` is `Europe/London`). Both bounded: a request can
 * name any spelling, and one formatter per spelling grew the process by 280 MB over 10,000 requests.
 * The zones `Intl` lists are known up front, so their spellings never create a formatter.
 */
const MAX_ZONES = 64;
const MAX_ALIASES = 256;
const formatters = new Map<string, Intl.DateTimeFormat>();
const aliases = new Map<string, string>();
let listed: Map<string, string> | undefined;

function listedZones(): Map<string, string> {
  listed ??= new Map(
    (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []).map(
      (zone) => [zone.toLowerCase(), zone],
    ),
  );
  return listed;
}

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Keeps `map` under `max` entries by dropping the oldest, so no input can grow it for ever. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): V {
  if (map.size >= max) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  const spelling = timeZone.toLowerCase();
  const canonical = listedZones().get(spelling) ?? aliases.get(spelling) ?? timeZone;
  const known = formatters.get(canonical);
  if (known !== undefined) return known;
  // Throws a RangeError for a zone Intl does not know (isTimeZone relies on it).
  const created = zoneFormatter(canonical);
  const name = created.resolvedOptions().timeZone;
  if (!listedZones().has(spelling)) remember(aliases, spelling, name, MAX_ALIASES);
  return formatters.get(name) ?? remember(formatters, name, created, MAX_ZONES);
}

/** How many formatters and spellings are kept (for the test that they stay bounded). */
export function zoneCacheSize(): { formatters: number; spellings: number } {
  return { formatters: formatters.size, spellings: aliases.size };
}

/** Whether `value` is a time zone `Intl` knows (an IANA name such as `Europe/London`, or `UTC`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone. `weekday`: 0 = Sunday ... 6 = Saturday. */
interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export function localParts(epochMs: number, timeZone: string): LocalParts {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 1970;
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  return {
    year,
    month,
    day,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** The offset, in minutes, of the zone whose wall clock shows `p` at `wholeMs` (a whole second). */
function offsetOfParts(p: LocalParts, wholeMs: number): number {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - wholeMs) / MINUTE_MS);
}

/** The zone's offset from UTC at an instant, in minutes (east positive: Europe/Paris in summer = 120). */
function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return offsetOfParts(localParts(whole, timeZone), whole);
}

/**
 * The instant at which the wall clock of `timeZone` shows the given date and time. A time skipped by
 * a spring-forward change moves forward by the gap; a time repeated by a fall-back change is its first
 * occurrence.
 */
export function zonedTimeToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = zoneOffsetMinutes(guess, timeZone);
  const candidate = guess - first * MINUTE_MS;
  const second = zoneOffsetMinutes(candidate, timeZone);
  if (second === first) return candidate;
  const other = guess - second * MINUTE_MS;
  // Fall back: both candidates read the asked time; keep the earlier.
  if (zoneOffsetMinutes(other, timeZone) === second) return Math.min(candidate, other);
  // Spring forward: the time does not exist; move it forward by the gap (02:30 becomes 03:30).
  return guess - Math.min(first, second) * MINUTE_MS;
}

/**
 * The instant `amount` weeks, months or years after `epochMs` on the wall clock of `timeZone`, as
 * luxon's `DateTime#plus` steps a recurring series (the local time of day is kept across a DST change;
 * a month or year step that lands past the end of a month keeps its last day: Jan 31 + 1 month is
 * Feb 28).
 */
export function addInZone(
  epochMs: number,
  timeZone: string,
  unit: 'weeks' | 'months' | 'years',
  amount: number,
): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const p = localParts(whole, timeZone);
  let { year, month, day } = p;
  if (unit === 'weeks') {
    const date = new Date(Date.UTC(year, month - 1, day + 7 * amount));
    year = date.getUTCFullYear();
    month = date.getUTCMonth() + 1;
    day = date.getUTCDate();
  } else {
    const months = year * 12 + (month - 1) + (unit === 'months' ? amount : 12 * amount);
    year = Math.floor(months / 12);
    month = (months % 12) + 1;
    day = Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate());
  }
  const local = zonedTimeToEpoch(year, month, day, p.hour, p.minute, timeZone);
  return local + p.second * 1000 + (epochMs - whole);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DD` of the instant's date in `timeZone`. */
export function dateKey(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Zone names luxon treats as the fixed UTC zone, which it writes as `Z` rather than `+00:00`. */
const FIXED_UTC = /^(utc|gmt|z|etc\/utc|etc\/gmt)$/i;

/**
 * The instant as ISO 8601 in `timeZone` with milliseconds and the zone's offset, as Cal.com's slots
 * answer it (luxon's `toISO()`): `2025-03-31T09:00:00.000+01:00`. A fixed UTC zone ends in `Z`.
 */
export function formatInZone(epochMs: number, timeZone: string): string {
  if (FIXED_UTC.test(timeZone)) return new Date(epochMs).toISOString();
  // One `Intl` call: the wall clock of the whole second, and the offset from those same fields.
  const whole = Math.floor(epochMs / 1000) * 1000;
  const p = localParts(whole, timeZone);
  const offset = offsetOfParts(p, whole);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `.${pad(ms, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * Parses a Cal.com date-time query or body value: ISO 8601 with a `Z` or an offset, or a bare
 * `YYYY-MM-DD[THH:mm[:ss]]`, read as UTC (Cal.com reads `start`/`end` as UTC). `undefined` when invalid.
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      value.trim(),
    );
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let epoch = Date.UTC(
    year,
    month - 1,
    day,
    hour,
    minute,
    second,
    Number(frac.slice(0, 3).padEnd(3, '0')),
  );
  if (new Date(epoch).getUTCDate() !== day) return undefined; // 2025-02-30
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    epoch -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * MINUTE_MS;
  }
  return epoch;
}

/** Whether the value is a bare date or a midnight time with no time of day after it. */
export function isMidnightUtc(epochMs: number): boolean {
  return epochMs % DAY_MS === 0;
}
