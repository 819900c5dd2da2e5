import type { CalConfig, CalUser } from '../client/schemas.js';

/**
 * Declare your own response types once, when you pass custom `schemas` to the provider, and every
 * hook's data follows them (the TanStack Router pattern):
 *
 * ```ts
 * declare module '@aisquare/bookings-react' {
 *   interface Register { config: MyConfig; user: MyUser }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by host apps through declaration merging.
export interface Register {}

export type RegisteredCalConfig = Register extends { config: infer T } ? T : CalConfig;
export type RegisteredCalUser = Register extends { user: infer T } ? T : CalUser;
