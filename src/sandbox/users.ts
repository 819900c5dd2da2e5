import type { SandboxIdentity } from './jwt.js';

/** A Cal.com user as Cal.com's API v2 describes it (the fields `CalUserSchema` knows). */
export interface SandboxCalUser {
  id: number;
  email: string;
  username: string;
  name: string;
  avatarUrl: string | null;
  bio: string | null;
  timeZone: string;
  weekStart: string;
  timeFormat: number;
  defaultScheduleId: number;
  locale: string;
  createdDate: string;
}

export interface UserStore {
  /** The Cal.com user integrated for this AISquare user id, if any. */
  get(sub: string): SandboxCalUser | undefined;
  /** Creates the Cal.com user for this identity (the initial integration). */
  create(identity: SandboxIdentity, timeZone?: string): SandboxCalUser;
  clear(): void;
}

function usernameFor(sub: string): string {
  const slug = sub
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'user' : slug;
}

function displayNameFor(sub: string): string {
  const words = sub.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  if (words.length === 0) return 'Sandbox User';
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** In-memory Cal.com users, keyed by the AISquare JWT's `sub`. */
export function createUserStore(): UserStore {
  const users = new Map<string, SandboxCalUser>();
  let nextId = 1001;

  return {
    get: (sub) => users.get(sub),
    create(identity, timeZone) {
      const id = nextId++;
      const user: SandboxCalUser = {
        id,
        email: identity.email ?? `${identity.sub}@example.com`,
        username: `${usernameFor(identity.sub)}-${id}`,
        name: identity.name ?? displayNameFor(identity.sub),
        avatarUrl: null,
        bio: null,
        timeZone: timeZone ?? 'Europe/London',
        weekStart: 'Monday',
        timeFormat: 24,
        defaultScheduleId: id * 10,
        locale: 'en',
        createdDate: new Date().toISOString(),
      };
      users.set(identity.sub, user);
      return user;
    },
    clear() {
      users.clear();
      nextId = 1001;
    },
  };
}
