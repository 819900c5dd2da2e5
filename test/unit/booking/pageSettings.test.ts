import { describe, expect, it } from 'vitest';
import {
  CAL_EMAIL_CODE_SENDS_PER_MINUTE,
  calEmailVerificationProblem,
  calSignInRequired,
  nextCalEmailCodeAt,
  safeSuccessRedirectUrl,
} from '../../../src/booking/pageSettings.js';
import { CalApiError } from '../../../src/calapi/errors.js';
import { BookingsApiError } from '../../../src/client/errors.js';

const refusal = (status: number, detail?: string) =>
  new CalApiError({
    kind: 'invalid_request',
    method: 'POST',
    path: '/v2/bookings',
    status,
    detail,
  });

describe('safeSuccessRedirectUrl', () => {
  it('passes absolute http(s) URLs only, as parsed', () => {
    expect(safeSuccessRedirectUrl('https://example.com/thanks?x=1')).toBe(
      'https://example.com/thanks?x=1',
    );
    expect(safeSuccessRedirectUrl(' http://example.com ')).toBe('http://example.com/');
    expect(safeSuccessRedirectUrl('HTTPS://EXAMPLE.COM/a')).toBe('https://example.com/a');
  });

  it('drops javascript:, data:, relative and malformed URLs, and non-strings', () => {
    for (const hostile of [
      'javascript:alert(document.cookie)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/path',
      '/thanks',
      'not a url',
      '',
      null,
      undefined,
      42,
    ]) {
      expect(safeSuccessRedirectUrl(hostile)).toBeUndefined();
    }
  });
});

describe('calSignInRequired', () => {
  it('only for bookingRequiresAuthentication without a session', () => {
    expect(calSignInRequired({ bookingRequiresAuthentication: true }, false)).toBe(true);
    expect(calSignInRequired({ bookingRequiresAuthentication: true }, true)).toBe(false);
    expect(calSignInRequired({ bookingRequiresAuthentication: false }, false)).toBe(false);
    expect(calSignInRequired({ bookingRequiresAuthentication: null }, false)).toBe(false);
    expect(calSignInRequired(undefined, false)).toBe(false);
  });
});

describe('calEmailVerificationProblem', () => {
  it("tells Cal.com's two refusals apart from any other error", () => {
    expect(calEmailVerificationProblem(refusal(400, 'email_verification_required'))).toBe(
      'required',
    );
    expect(calEmailVerificationProblem(refusal(400, 'invalid_verification_code'))).toBe('invalid');
    expect(calEmailVerificationProblem(refusal(400, 'something else'))).toBeUndefined();
    expect(calEmailVerificationProblem(refusal(500, 'invalid_verification_code'))).toBeUndefined();
    expect(calEmailVerificationProblem(refusal(400))).toBeUndefined();
    expect(calEmailVerificationProblem(undefined)).toBeUndefined();
    const aisquare = new BookingsApiError({
      kind: 'invalid_request',
      endpoint: 'token',
      status: 400,
      detail: 'invalid_verification_code',
    });
    expect(calEmailVerificationProblem(aisquare)).toBeUndefined();
  });
});

describe('nextCalEmailCodeAt', () => {
  it('now while fewer than 3 went out in the last minute, else a minute after the oldest of them', () => {
    expect(CAL_EMAIL_CODE_SENDS_PER_MINUTE).toBe(3);
    expect(nextCalEmailCodeAt([], 1000)).toBe(1000);
    expect(nextCalEmailCodeAt([0, 10_000], 20_000)).toBe(20_000);
    expect(nextCalEmailCodeAt([0, 10_000, 20_000], 30_000)).toBe(60_000);
    // Older than a minute does not count.
    expect(nextCalEmailCodeAt([0, 10_000, 20_000], 61_000)).toBe(61_000);
    expect(nextCalEmailCodeAt([30_000, 5_000, 20_000, 10_000], 40_000)).toBe(70_000);
  });
});
