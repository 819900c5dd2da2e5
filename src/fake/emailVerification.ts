/**
 * Cal.com's e-mail verification for bookers, as its atoms use it: the codes the model "sends" (it
 * mails nothing; `emailVerificationCode(email)` reads them back), the send throttle, and the answers of
 * `/v2/atoms/verification/email/{check,send-code,verify-code}`
 * (apps/api/v2/src/modules/atoms/controllers/atoms.verification.controller.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646; no auth guard, `VERSION_NEUTRAL`).
 *
 * @module
 */
import { fail, THROTTLED } from './calErrors.js';
import type { CalFakeModel } from './modelTypes.js';
import { isEmailAddress, isRecord } from './validation.js';
import type { CalFakeWorld } from './world.js';

/**
 * A code's life: Cal.com's code is a TOTP with `step: 900` (packages/features/auth/lib/
 * verifyCodeUnAuthenticated.ts @ 8191f7a3d42292a6f34c3c3cc7b5b357567d6235). The fake keeps each code
 * 15 minutes from its first sending, and sends the same one again meanwhile, as a TOTP does within its
 * step (whether Cal.com also accepts the previous step's code is UNVERIFIED: the fake does not).
 */
const CODE_LIFE_MS = 15 * 60_000;

/** `@Throttle({ limit: 3, ttl: 60000, blockDuration: 60000, name: 'atoms_verification_email_send_code' })`. */
const SENDS_PER_WINDOW = 3;
const SEND_WINDOW_MS = 60_000;

/** Six random digits, as Cal.com's TOTP codes are. */
function newCode(): string {
  const [value] = globalThis.crypto.getRandomValues(new Uint32Array(1));
  return String((value as number) % 1_000_000).padStart(6, '0');
}

/** The code last sent to `email`, while it is valid. */
export function emailCode(world: CalFakeWorld, email: string): string | undefined {
  const record = world.emailCodes.get(email.toLowerCase());
  return record !== undefined && record.expiresAt > world.now() ? record.code : undefined;
}

/**
 * Counts one send-code request of `tracker` (the bearer token, else the anonymous client): over 3 in
 * 60 s it is blocked for 60 s. `true` when the request may go on.
 */
function allowSend(world: CalFakeWorld, tracker: string): boolean {
  const at = world.now();
  let record = world.emailCodeSends.get(tracker);
  if (record === undefined || (record.blockedUntil <= at && record.resetAt <= at)) {
    record = { hits: 0, resetAt: at + SEND_WINDOW_MS, blockedUntil: 0 };
    world.emailCodeSends.set(tracker, record);
  }
  if (record.blockedUntil > at) return false;
  record.hits += 1;
  if (record.hits <= SENDS_PER_WINDOW) return true;
  record.blockedUntil = at + SEND_WINDOW_MS;
  return false;
}

/**
 * "Sends" a code to `email` for `tracker`: the valid one again, else a new one. `false` when the
 * throttle refuses.
 */
export function sendEmailCode(world: CalFakeWorld, email: string, tracker: string): boolean {
  if (!allowSend(world, tracker)) return false;
  if (emailCode(world, email) === undefined) {
    world.emailCodes.set(email.toLowerCase(), {
      code: newCode(),
      expiresAt: world.now() + CODE_LIFE_MS,
    });
  }
  return true;
}

/** Whether `email` is one of the model's users'. */
export function isUserEmail(world: CalFakeWorld, email: string): boolean {
  for (const user of world.users.values()) if (user.email === email) return true;
  return false;
}

/** Refuses keys a DTO lacks, and an `email` that is not one (`@IsEmail`). */
function checkEmailInput(input: Record<string, unknown>, allowed: readonly string[]): string {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) fail(400, `property ${key} should not exist`);
  }
  const { email } = input;
  if (typeof email !== 'string' || !isEmailAddress(email)) fail(400, 'email must be an email');
  return email as string;
}

/**
 * `GET /v2/atoms/verification/email/check?email=&userSessionEmail=`: whether Cal.com would ask this
 * address for a code regardless of the event type. INFERRED (the service was not read): an address of
 * one of its users asks, unless it is the signed-in person's own.
 */
export function checkEmailData(model: CalFakeModel, query: URLSearchParams): boolean {
  const input = Object.fromEntries(query);
  const email = checkEmailInput(input, ['email', 'userSessionEmail']);
  return input.userSessionEmail !== email && model.isUserEmail(email);
}

/**
 * `POST /v2/atoms/verification/email/send-code` (200): `{ sent }`. Body `{ email, username?,
 * language?, isVerifyingEmail? }` (apps/api/v2/src/modules/atoms/inputs/send-verification-email.input.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646). Throttled (429) past 3 a minute per client.
 */
export function sendCodeData(model: CalFakeModel, body: unknown, tracker: string) {
  if (!isRecord(body)) return fail(400, 'Body should be an object');
  const email = checkEmailInput(body, ['email', 'username', 'language', 'isVerifyingEmail']);
  // The message of Cal.com's throttler guard (apps/api/v2/src/lib/throttler-guard.ts
  // @ 42e7dc494dfba03e5ca5224a418c57c012bdac3e); for this named throttle: INFERRED.
  if (!model.sendEmailVerificationCode(email, tracker)) fail(429, THROTTLED);
  return { sent: true };
}

/**
 * `POST /v2/atoms/verification/email/verify-code` (200): `{ verified: true }`; a wrong or lapsed code
 * is a 400 "Invalid verification code" (apps/api/v2/src/modules/atoms/services/
 * verification-atom.service.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96; with a newer library that
 * throws `invalid_verification_code` the same service answers "Verification failed": either is a 400).
 */
export function verifyCodeData(model: CalFakeModel, body: unknown) {
  if (!isRecord(body)) return fail(400, 'Body should be an object');
  const email = checkEmailInput(body, ['email', 'code']);
  if (typeof body.code !== 'string') return fail(400, 'code must be a string');
  if (model.emailVerificationCode(email) !== body.code) fail(400, 'Invalid verification code');
  return { verified: true };
}

/**
 * handleNewBooking's check for an event type with `requiresBookerEmailVerification`, not on a
 * reschedule: no code is a 400 `email_verification_required`, a wrong one a 400
 * `invalid_verification_code` (packages/features/bookings/lib/handleNewBooking.ts
 * @ 9d8f3ffb959a39fc8414e554cd5ac0af70887481). How API v2 wraps that error is UNVERIFIED; the fake
 * answers Cal.com's usual 400 envelope with those messages.
 */
export function checkBookingEmailCode(
  model: CalFakeModel,
  email: string,
  code: string | undefined,
): void {
  if (code === undefined || code === '') fail(400, 'email_verification_required');
  if (model.emailVerificationCode(email) !== code) fail(400, 'invalid_verification_code');
}
