/**
 * Errors that carry their HTTP status. Routes turn every error into a response with a body
 * (`customError` without one becomes a 500 in OSD), and never let a thrown error reach OSD's
 * generic "An internal server error occurred".
 */
export class HttpError extends Error {
  constructor(public readonly statusCode: number, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);

interface ClientErrorShape {
  name?: string;
  statusCode?: number;
  meta?: { statusCode?: number; body?: { error?: { reason?: string; type?: string; root_cause?: Array<{ reason?: string }> } } };
  message?: string;
}

/** Maps an error from the OpenSearch client (or our own) to a status and a message for the user. */
export function toHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  const err = (e ?? {}) as ClientErrorShape;
  if (['ConnectionError', 'NoLivingConnectionsError', 'TimeoutError', 'RequestAbortedError'].includes(err.name ?? '')) {
    return new HttpError(503, `OpenSearch is not reachable: ${err.message ?? err.name}`);
  }
  const status = err.statusCode ?? err.meta?.statusCode;
  const reason = err.meta?.body?.error?.root_cause?.[0]?.reason ?? err.meta?.body?.error?.reason ?? err.message ?? 'Unknown error';
  if (status === 401 || status === 403) return new HttpError(status, `Not allowed: ${reason}`);
  if (status === 404) return new HttpError(404, `Not found: ${reason}`);
  if (status === 400) return new HttpError(400, `OpenSearch rejected the request: ${reason}`);
  if (status === 429 || status === 502 || status === 503 || status === 504) {
    return new HttpError(503, `OpenSearch is unavailable (${status}): ${reason}`);
  }
  return new HttpError(500, `Unexpected error: ${reason}`);
}
