/**
 * OSD's response factory (src/core/server/http/router/response.ts) with its failure modes: a
 * handler must return an instance built here, status codes are checked, and an error response
 * without a body cannot be turned into a message (OSD then answers 500).
 */
export class OsdResponse {
  constructor(
    public readonly status: number,
    public readonly payload?: unknown,
    public readonly options: { headers?: Record<string, string> } = {}
  ) {}
}

type ErrorBody = string | Error | { message: string | Error; attributes?: Record<string, unknown> };
interface ErrorOpts {
  body?: ErrorBody;
  headers?: Record<string, string>;
}

const errorResponse = (status: number, fallback: string) => (opts: ErrorOpts = {}) =>
  new OsdResponse(status, opts.body ?? fallback, { headers: opts.headers });

export const responseFactory = {
  ok: (opts: { body?: unknown; headers?: Record<string, string> } = {}) => new OsdResponse(200, opts.body, { headers: opts.headers }),
  accepted: (opts: { body?: unknown; headers?: Record<string, string> } = {}) => new OsdResponse(202, opts.body, { headers: opts.headers }),
  noContent: (opts: { headers?: Record<string, string> } = {}) => new OsdResponse(204, undefined, { headers: opts.headers }),
  custom: (opts: { body?: unknown; headers?: Record<string, string>; statusCode: number }) => new OsdResponse(opts.statusCode, opts.body, { headers: opts.headers }),
  redirected: (opts: { body?: unknown; headers: { location: string } }) => new OsdResponse(302, opts.body, { headers: opts.headers }),
  badRequest: errorResponse(400, 'Bad Request'),
  unauthorized: errorResponse(401, 'Unauthorized'),
  forbidden: errorResponse(403, 'Forbidden'),
  notFound: errorResponse(404, 'Not Found'),
  conflict: errorResponse(409, 'Conflict'),
  internalError: errorResponse(500, 'Internal Error'),
  customError: (opts: ErrorOpts & { statusCode: number }) => {
    if (!opts || !opts.statusCode) throw new Error('options.statusCode is expected to be set. given options: ' + JSON.stringify(opts));
    if (opts.statusCode < 400 || opts.statusCode >= 600) {
      throw new Error(`Unexpected Http status code. Expected from 400 to 599, but given: ${opts.statusCode}`);
    }
    return new OsdResponse(opts.statusCode, opts.body, { headers: opts.headers });
  },
};

export type ResponseFactory = typeof responseFactory;

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
}

/** OSD's getErrorMessage: an error payload without a message is a programming error (→ 500). */
export function errorMessage(payload: unknown): string {
  if (!payload) throw new Error('expected error message to be provided');
  if (typeof payload === 'string') return payload;
  if (payload instanceof Error) return payload.message;
  const m = (payload as { message?: unknown }).message;
  if (typeof m === 'string') return m;
  if (m instanceof Error) return m.message;
  throw new Error('expected error message to be provided');
}
