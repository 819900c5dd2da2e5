/**
 * Cal.com API v2 under `${basePath}/v2`: Node's request adapted to the shared fake's `CalRequest`,
 * behind this sandbox's counters, latency and faults.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calErrorResponse, handleCalRequest, matchCalRoute } from '../fake/handle.js';
import { answerFault, countAndWait, type SandboxContext } from './context.js';
import { preflightHeaders } from './cors.js';
import { readBody, sendJson, sendMalformed } from './http.js';

/** A request header as one string (the first value of a repeated one). */
function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Sends a Cal.com error answer of the fake, with the CORS headers (and any `extra` ones). */
function sendCalError(
  context: SandboxContext,
  response: ServerResponse,
  target: string,
  status: number,
  message: string,
  cors: Record<string, string>,
  extra: Record<string, string> = {},
): void {
  const answer = calErrorResponse(context.cal, target, status, message);
  sendJson(response, answer.status, answer.body, { ...cors, ...answer.headers, ...extra });
}

/** Answers one request to the Cal.com API (`pathname` from `/v2` on). */
export async function handleCal(
  context: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  cors: Record<string, string>,
): Promise<void> {
  const { cal } = context;
  const target = request.url ?? '';
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') {
    if (matchCalRoute(undefined, pathname) === undefined) {
      sendCalError(context, response, target, 404, `Cannot OPTIONS ${pathname}`, cors);
      return;
    }
    response.writeHead(204, { ...preflightHeaders(request, cors), 'Content-Length': '0' });
    response.end();
    return;
  }
  const route = matchCalRoute(method, pathname);
  if (!(await countAndWait(context, route?.endpoint, request, response))) return;
  const faulted = answerFault(
    context,
    route?.endpoint,
    () =>
      sendMalformed(response, '{"status": "success", "data": <html>', {
        ...cors,
        'X-Request-Id': cal.requestId(),
      }),
    (status) =>
      sendCalError(context, response, target, status, `Injected fault: HTTP ${status}.`, cors),
  );
  if (faulted) return;
  let text: string | undefined;
  if (method === 'POST' || method === 'PATCH') {
    const body = await readBody(request);
    if (!body.ok) {
      sendCalError(context, response, target, 413, 'request entity too large', cors, {
        Connection: 'close',
      });
      return;
    }
    text = body.text;
  }
  const query = target.indexOf('?');
  const answer = handleCalRequest(cal, {
    method,
    pathname,
    query: new URLSearchParams(query === -1 ? '' : target.slice(query + 1)),
    headers: (name) => headerOf(request, name),
    body: text,
    url: target,
  });
  sendJson(response, answer.status, answer.body, { ...cors, ...answer.headers });
  if (route?.endpoint === 'cal.sendEmailVerificationCode' && answer.status === 200) {
    tellEmailCode(context, text);
  }
}

/** Hands the code the fake "e-mailed" to `onEmailVerificationCode` (the body was valid: 200). */
function tellEmailCode(context: SandboxContext, text: string | undefined): void {
  const email = (JSON.parse(text ?? '{}') as { email: string }).email;
  const code = context.cal.emailVerificationCode(email);
  if (code !== undefined) context.settings.onEmailVerificationCode?.(email, code);
}
