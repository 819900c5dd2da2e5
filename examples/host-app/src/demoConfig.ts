/** One demo account the host app can sign in as. */
export interface DemoUser {
  /** The AISquare user id (the JWT's `sub`). */
  id: string;
  name: string;
  email: string;
  /** An AISquare JWT the sandbox accepts, issued by `npm start` (valid 24 h). */
  jwt: string;
}

/** What `npm start` hands the demo through Vite's `define` (see scripts/start.ts). */
export interface DemoConfig {
  /** The sandbox's base URL, e.g. `http://127.0.0.1:8787`. */
  apiUrl: string;
  /** `expires_in` of the Cal.com tokens the sandbox hands out. */
  tokenTtlSeconds: number;
  users: DemoUser[];
  /** Per user id, a JWT that has already expired: the sandbox answers it with 401. */
  expiredJwts: Record<string, string>;
  /**
   * The Cal.com user whose public booking page the demo shows to visitors (no AISquare account).
   * @default none: the public page then says `npm start` sets one up
   */
  host?: { name: string; username: string };
}

declare const __BOOKINGS_DEMO__: DemoConfig | undefined;

/** The demo settings, or `null` when the page was served without `npm start`. */
export const demoConfig: DemoConfig | null =
  typeof __BOOKINGS_DEMO__ === 'undefined' ? null : (__BOOKINGS_DEMO__ ?? null);
