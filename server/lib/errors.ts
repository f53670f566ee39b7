/**
 * Errors that carry their HTTP status. Routes turn every error into a response with a body
 * (`customError` without one becomes a 500 in OSD), and never let a thrown error reach OSD's
 * generic "An internal server error occurred".
 */
export class HttpError extends Error {
  /** `attributes`: OSD's structured error details (e.g. `missingFields` of a refused close). */
  constructor(public readonly statusCode: number, message: string, public readonly attributes?: Record<string, unknown>) {
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

/**
 * OSD's saved objects client throws Boom errors (SavedObjectsErrorHelpers): `isBoom`, the status in
 * `output.statusCode` and the message in `output.payload.message` (Boom blanks it for 5xx).
 */
interface BoomShape {
  isBoom?: boolean;
  message?: string;
  output?: { statusCode?: number; payload?: { message?: string } };
}

function fromBoom(e: BoomShape): HttpError {
  const status = e.output?.statusCode ?? 500;
  const message = status < 500 ? e.output?.payload?.message ?? e.message ?? 'Unknown error' : e.message ?? 'Unknown error';
  if (status === 401 || status === 403) return new HttpError(status, `Not allowed: ${message}`);
  if (status === 404) return new HttpError(404, `Not found: ${message}`);
  if (status === 409) return new HttpError(409, `Conflict: ${message}`);
  if (status === 413) return new HttpError(413, `Too large: ${message}`);
  if (status === 429) return new HttpError(429, `OpenSearch is overloaded, try again shortly: ${message}`);
  if (status >= 400 && status < 500) return new HttpError(400, `Bad request: ${message}`);
  // The saved objects client turns "OpenSearch unreachable or timed out" into a 503 and every other
  // failure of OpenSearch into a general 500: both are upstream trouble, not a bug of this plugin.
  if (status === 503) return new HttpError(503, `OpenSearch is unavailable: ${message}`);
  return new HttpError(502, `OpenSearch failed to store or read the case: ${message}`);
}

/** An HTTP status OpenSearch answered with, as the status this plugin answers. */
function fromUpstreamStatus(status: number | undefined, reason: string): HttpError | undefined {
  if (status === undefined) return undefined;
  if (status === 401 || status === 403) return new HttpError(status, `Not allowed: ${reason}`);
  if (status === 404) return new HttpError(404, `Not found: ${reason}`);
  if (status === 409) return new HttpError(409, `Conflict: ${reason}`);
  if (status === 413) return new HttpError(413, `Too large for OpenSearch: ${reason}`);
  if (status === 429) return new HttpError(429, `OpenSearch is overloaded, try again shortly: ${reason}`);
  if (status >= 400 && status < 500) return new HttpError(400, `OpenSearch rejected the request: ${reason}`);
  if (status === 503) return new HttpError(503, `OpenSearch is unavailable (503): ${reason}`);
  if (status === 504) return new HttpError(504, `OpenSearch timed out (504): ${reason}`);
  if (status >= 500) return new HttpError(502, `OpenSearch failed (${status}): ${reason}`);
  return undefined;
}

/**
 * Maps an error from the OpenSearch client, the saved objects client (or our own) to a status and a
 * message for the user: upstream trouble is 502/503/504 naming OpenSearch; 500 is left for this
 * plugin's own bugs.
 */
export function toHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if ((e as BoomShape | undefined)?.isBoom === true) return fromBoom(e as BoomShape);
  const err = (e ?? {}) as ClientErrorShape;
  const message = err.message ?? err.name ?? 'Unknown error';
  switch (err.name) {
    case 'TimeoutError':
      return new HttpError(504, `OpenSearch did not answer in time: ${message}`);
    case 'ConnectionError':
    case 'NoLivingConnectionsError':
    case 'RequestAbortedError':
      return new HttpError(503, `OpenSearch is not reachable: ${message}`);
    case 'DeserializationError':
      return new HttpError(502, `OpenSearch answered with something that is not JSON: ${message}`);
  }
  const status = err.statusCode ?? err.meta?.statusCode;
  const reason = err.meta?.body?.error?.root_cause?.[0]?.reason ?? err.meta?.body?.error?.reason ?? err.message ?? 'Unknown error';
  return fromUpstreamStatus(status, reason) ?? new HttpError(500, `Unexpected error: ${reason}`);
}
