import { randomBytes } from 'node:crypto';
import { trimTrailing } from '../client/url.js';
import { checkRateLimit } from '../fake/model.js';
import { normalizeOrigin } from './cors.js';
import type { SandboxOptions } from './types.js';

/** `SandboxOptions` with every default applied and every value checked. */
export interface ResolvedSandboxOptions {
  port: number;
  host: string;
  tokenTtlSeconds: number;
  jwtSecret: Uint8Array;
  latencyMs: number;
  /** `'*'`, or the origins allowed on top of the loopback ones, as browsers write them. */
  corsOrigins: '*' | readonly string[];
  apiKey: string | undefined;
  basePath: string;
  calClientId: string;
  calRateLimit: number | undefined;
  onEmailVerificationCode: ((email: string, code: string) => void) | undefined;
}

let processSecret: Uint8Array | undefined;

/** One random HS256 secret per process, created on first use. */
function defaultSecret(): Uint8Array {
  processSecret ??= new Uint8Array(randomBytes(32));
  return processSecret;
}

export function assertPositiveSeconds(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive, finite number of seconds`);
  }
  return value;
}

export function assertLatency(value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError('latency must be a finite number of milliseconds, 0 or more');
  }
  return value;
}

function normalizeBasePath(basePath: string): string {
  const trimmed = trimTrailing(basePath.trim().replace(/^\/+/, ''), '/');
  return trimmed === '' ? '' : `/${trimmed}`;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError('port must be an integer from 0 to 65535');
  }
  const secret = options.jwtSecret;
  const jwtSecret =
    secret === undefined
      ? defaultSecret()
      : typeof secret === 'string'
        ? new TextEncoder().encode(secret)
        : secret;
  if (jwtSecret.byteLength === 0) throw new RangeError('jwtSecret must not be empty');
  const origins = options.corsOrigins ?? [];
  return {
    port,
    host: options.host ?? '127.0.0.1',
    tokenTtlSeconds: assertPositiveSeconds('tokenTtlSeconds', options.tokenTtlSeconds ?? 3600),
    jwtSecret,
    latencyMs: assertLatency(options.latencyMs ?? 0),
    corsOrigins:
      origins === '*'
        ? '*'
        : (typeof origins === 'string' ? [origins] : [...origins]).map(normalizeOrigin),
    apiKey: options.apiKey === '' ? undefined : options.apiKey,
    basePath: normalizeBasePath(options.basePath ?? ''),
    calClientId: options.calClientId ?? 'cal_sandbox_client_id',
    calRateLimit: checkRateLimit(options.calRateLimit, 'calRateLimit'),
    onEmailVerificationCode: options.onEmailVerificationCode,
  };
}
