import type { Shape } from '../shape.js';

/**
 * The atoms' e-mail verification (apps/api/v2/src/modules/atoms/controllers/
 * atoms.verification.controller.ts @ 03670679c00d600615e8df2bc64545bd51c61646), each answer in the
 * usual success envelope:
 * - `GET /v2/atoms/verification/email/check` → `data: boolean`;
 * - `POST …/send-code` → `data: { sent: boolean }` (SendVerificationEmailOutput);
 * - `POST …/verify-code` → `data: { verified: boolean }` (VerifyEmailCodeOutput).
 */
export const sendCodeDataShape: Shape = { sent: 'boolean' };
export const verifyCodeDataShape: Shape = { verified: 'boolean' };

/**
 * The bodies Cal.com's DTOs take: send-code `{ email, username?, language?, isVerifyingEmail? }`
 * (apps/api/v2/src/modules/atoms/inputs/send-verification-email.input.ts @ 03670679), verify-code
 * `{ email, code }`.
 */
export const sendCodeInputShape: Shape = {
  email: 'string',
  username: '?string',
  language: '?string',
  isVerifyingEmail: '?boolean',
};
export const verifyCodeInputShape: Shape = { email: 'string', code: 'string' };
