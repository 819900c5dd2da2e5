import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the sandbox reads, in bytes. */
const MAX_BODY_BYTES = 64 * 1024;

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/**
 * The `'malformed'` fault: a 200 labelled JSON whose body is not JSON (`text` is cut short mid-way).
 * No `Content-Length`, as a truncated upstream answer would come.
 */
export function sendMalformed(
  response: ServerResponse,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** A `{ detail }` error answer, the shape Django REST framework uses. */
export function sendError(
  response: ServerResponse,
  status: number,
  detail: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { detail }, headers);
}

type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

/** Reads the whole request body as UTF-8, refusing more than `MAX_BODY_BYTES`. */
export async function readBody(request: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > MAX_BODY_BYTES) return { ok: false, tooLarge: true };
    chunks.push(buffer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
