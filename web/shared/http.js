// The HTTP transport shared by the booking widget and the admin page. Each page keeps its own
// api(METHOD, `/path…`) wrapper (WebPagesTest checks those calls against docs/openapi.yaml).

/** Where the API lives: the page's <meta name="studio-booking-api">, else the page's own origin. */
export const API_BASE = (document.querySelector('meta[name="studio-booking-api"]')?.content ?? '').replace(/\/+$/, '');

/** An API refusal: the contract's {"error": {"code", "message", "field"}} with the HTTP status. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `The server answered ${status}.`);
    this.status = status;
    this.code = error?.code ?? `HTTP_${status}`;
    this.field = error?.field ?? null;
  }
}

/**
 * Sends one JSON request; answers the parsed body (or, for an attachment such as a CSV export,
 * {file: Blob, name}), or throws ApiError (status 0: unreachable).
 */
export async function send(method, path, { token, body, idempotencyKey, unreachable } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(API_BASE + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: unreachable });
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  if (response.ok && disposition.startsWith('attachment')) {
    // a file to save (the bookings CSV): its bytes and the name the server gave it
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
    return { file: await response.blob(), name };
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) throw new ApiError(response.status, data?.error);
  return data;
}
