/** A browser's CORS preflight to `url` from `origin`, for a POST sending `requestHeaders`. */
export function preflightPost(
  url: string,
  origin: string,
  requestHeaders: string,
): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': requestHeaders,
    },
  });
}
