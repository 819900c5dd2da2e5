/**
 * `GET /v2/me` (any `cal-api-version`, or none) as Cal.com answers it, written from
 * - apps/api/v2/src/ee/me/me.controller.ts @ 5f5010ca19a27ca197381008b0d24cd42eff7ab0: `data` is
 *   `userSchemaResponse.parse(user)`, a plain `z.object`, so every other column of the user is stripped;
 *   `organizationId`/`organization` come from the user's main profile.
 * - packages/platform/types/me.ts @ 1f5174e67681d89e34d9cbb5cf850ea26ec4171d (the October 2025 schema:
 *   `id, email, timeFormat, defaultScheduleId, weekStart, timeZone, username, organizationId,
 *   organization?`) and @ a60027049ef8cf1e2cd6b8044493773fa154e6bc (later: `name`, `avatarUrl` and
 *   `bio` added, each nullable, by Cal.com PRs #23984 and #25224, late 2025).
 * - apps/api/v2/src/ee/me/outputs/me.output.ts @ 03670679c00d600615e8df2bc64545bd51c61646 (`MeOutput`,
 *   no name) and @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96 (with them).
 *
 * So `name`, `avatarUrl` and `bio` are optional here: a deployment before those changes (Cal.com as the
 * sandbox models it, and any self-hosted instance not yet updated) sends none of them.
 */
import { obj, type Shape } from '../shape.js';

export const meShape: Shape = {
  id: 'number',
  email: 'string',
  name: '?string|null',
  avatarUrl: '?string|null',
  bio: '?string|null',
  timeFormat: 'number',
  defaultScheduleId: 'number|null',
  weekStart: 'string',
  timeZone: 'string',
  username: 'string',
  organizationId: 'number|null',
  organization: obj({ isPlatform: 'boolean', id: 'number' }, { optional: true }),
};

export const meSamples = {
  /** The October 2025 answer: exactly the keys Cal.com always sends, no organization. */
  minimal: {
    id: 1234,
    email: 'alice@example.com',
    timeFormat: 12,
    defaultScheduleId: null,
    weekStart: 'Sunday',
    timeZone: 'Europe/London',
    username: 'alice',
    organizationId: null,
  },
  /** A later deployment, in an organization: the name, avatar and bio added at the end of 2025. */
  full: {
    id: 1234,
    email: 'alice@acme.com',
    name: 'Alice Doe',
    avatarUrl: 'https://cal.com/api/avatar/2b735186-b01b-46d3-87da-019b8f61776b.png',
    bio: 'Hi!',
    timeFormat: 24,
    defaultScheduleId: 5678,
    weekStart: 'Monday',
    timeZone: 'Europe/Rome',
    username: 'alice',
    organizationId: 42,
    organization: { id: 42, isPlatform: false },
  },
  /** The later shape with the new keys left null (a user who never set them). */
  nullNames: {
    id: 1234,
    email: 'alice@example.com',
    name: null,
    avatarUrl: null,
    bio: null,
    timeFormat: 24,
    defaultScheduleId: null,
    weekStart: 'Monday',
    timeZone: 'Asia/Kolkata',
    username: 'alice',
    organizationId: null,
  },
} as const;
