// scrub on what a host's fetch, abort reason or schema may hand an error: objects whose secrets are
// not in own keys, graphs that share or loop back, getters that throw, and messages cut short.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import { isCalApiError } from '../../../src/calapi/errors.js';
import type { StandardSchemaV1 } from '../../../src/client/standardSchema.js';
import { scrub, validateStandard } from '../../../src/client/validate.js';

const TOKEN = 'cal-secret-token-0123456789';

describe('scrub on hostile values', () => {
  it('a Request, Headers, Map, URL or boxed string in a cause is replaced by its kind', async () => {
    const init = { headers: { authorization: `Bearer ${TOKEN}` } };
    const calApi = createCalApi({
      getAccessToken: async () => TOKEN,
      baseUrl: 'https://api.cal.test',
      fetch: async (input) => {
        throw Object.assign(new TypeError('failed'), {
          request: new Request(String(input), init),
          headers: new Headers(init.headers),
          map: new Map([['token', TOKEN]]),
          url: new URL(`https://x.test/?t=${TOKEN}`),
          boxed: new String(TOKEN),
        });
      },
    });
    const error = await calApi.me().catch((thrown: unknown) => thrown);
    expect(isCalApiError(error)).toBe(true);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect((error as { cause: Record<string, unknown> }).cause).toMatchObject({
      request: '[Request]',
      headers: '[Headers]',
      map: '[Map]',
      url: '[URL]',
      boxed: '[String]',
    });
  });

  it('a graph that shares values is read once per value, not once per path', () => {
    let reads = 0;
    const leaf = {
      get secret() {
        reads += 1;
        return TOKEN;
      },
    };
    // Twelve wide at every one of eight levels: 12^8 paths to the same leaf.
    let level: unknown = leaf;
    for (let depth = 0; depth < 8; depth += 1) level = Array.from({ length: 12 }, () => level);
    let cleaned = scrub(level, [TOKEN]) as unknown;
    expect(reads).toBe(1);
    for (let depth = 0; depth < 8; depth += 1) cleaned = (cleaned as unknown[])[11];
    expect(cleaned).toEqual({ secret: '[redacted]' });
  });

  it('a getter that throws is dropped, and the call still rejects with a CalApiError', async () => {
    const hostile = {
      get boom(): string {
        throw new Error('getter boom');
      },
      kept: `token ${TOKEN}`,
    };
    expect(scrub(hostile, [TOKEN])).toEqual({ boom: undefined, kept: 'token [redacted]' });
    const calApi = createCalApi({
      getAccessToken: async () => TOKEN,
      baseUrl: 'https://api.cal.test',
      fetch: async () => {
        throw Object.assign(new TypeError('failed'), { detail: hostile });
      },
    });
    const error = await calApi.me().catch((thrown: unknown) => thrown);
    expect(isCalApiError(error)).toBe(true);
  });

  it('a schema message is redacted before it is cut, so no prefix of a secret is left', async () => {
    const schema: StandardSchemaV1<unknown, never> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => ({ issues: [{ message: `${'x'.repeat(290)} got "Bearer ${TOKEN}"` }] }),
      },
    };
    const result = await validateStandard(schema, {}, [TOKEN]);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : (result.issues[0]?.message ?? '');
    expect(message).not.toContain(TOKEN.slice(0, 8));
  });
});
