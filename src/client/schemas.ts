import * as z from 'zod/mini';

const optionalNullableString = z.optional(z.nullable(z.string()));
const optionalNullableNumber = z.optional(z.nullable(z.number()));

/**
 * The Cal.com configuration a frontend needs. Every known field is optional and unknown keys are kept,
 * because AISquare documents only part of it.
 */
export const CalConfigSchema = z.looseObject({
  cal_client_id: optionalNullableString,
  cal_api_url: optionalNullableString,
  cal_oauth_client_id: optionalNullableString,
  cal_web_app_url: optionalNullableString,
  cal_embed_url: optionalNullableString,
});

/** Cal.com's user shape: `id` and `email` are required, the rest may be missing or null. */
export const CalUserSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  email: z.string(),
  username: optionalNullableString,
  name: optionalNullableString,
  avatarUrl: optionalNullableString,
  timeZone: optionalNullableString,
  weekStart: optionalNullableString,
  timeFormat: optionalNullableNumber,
  defaultScheduleId: optionalNullableNumber,
  locale: optionalNullableString,
  bio: optionalNullableString,
  createdDate: optionalNullableString,
});

/** The body of the token endpoint: all fields optional; the provider sends `{}` by default. */
export const CalTokenRefreshRequestSchema = z.looseObject({
  force_refresh: z.optional(z.boolean()),
  cal_user_id: z.optional(z.union([z.number(), z.string()])),
  time_zone: z.optional(z.string()),
});

/** A Cal.com access token as AISquare hands it out. */
export const CalTokenRefreshResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.number().check(z.positive()),
  token_type: z.string(),
  refreshed: z.boolean(),
  integration_status: z.enum(['created', 'existing']),
  cal_client_id: z.string(),
});

export type CalConfig = z.infer<typeof CalConfigSchema>;
export type CalUser = z.infer<typeof CalUserSchema>;
export type CalTokenRefreshRequest = z.input<typeof CalTokenRefreshRequestSchema>;
export type CalTokenRefreshResponse = z.infer<typeof CalTokenRefreshResponseSchema>;
