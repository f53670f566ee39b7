import { STATUS_CODES } from 'http';
import type { OpenSearchDashboardsResponseFactory, ResponseError } from '../../server/types';

/**
 * OSD's response factory (src/core/server/http/router/response.ts), the methods the plugin's
 * typings declare (`satisfies` makes a missing or an extra one a compile error), with OSD's
 * failure modes: a handler must return an instance built here, status codes are checked, and an
 * error response without a message cannot be answered (OSD then answers 500).
 */
export class OsdResponse {
  constructor(
    public readonly status: number,
    public readonly payload?: unknown,
    public readonly options: { headers?: Record<string, string | string[]> } = {}
  ) {}
}

interface ErrorOpts {
  body?: ResponseError;
  headers?: Record<string, string | string[]>;
}
interface SuccessOpts {
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

const errorResponse = (status: number, fallback: string) => (opts: ErrorOpts = {}) => new OsdResponse(status, opts.body || fallback, { headers: opts.headers });
const givenStatus = (opts?: { statusCode?: number }) => `options.statusCode is expected to be set. given options: ${opts && opts.statusCode}`;

export const responseFactory = {
  ok: (opts: SuccessOpts = {}) => new OsdResponse(200, opts.body, { headers: opts.headers }),
  noContent: (opts: { headers?: Record<string, string | string[]> } = {}) => new OsdResponse(204, undefined, { headers: opts.headers }),
  badRequest: errorResponse(400, 'Bad Request'),
  notFound: errorResponse(404, 'Not Found'),
  conflict: errorResponse(409, 'Conflict'),
  customError: (opts: ErrorOpts & { statusCode: number }) => {
    if (!opts || !opts.statusCode) throw new Error(givenStatus(opts));
    if (opts.statusCode < 400 || opts.statusCode >= 600) {
      throw new Error(`Unexpected Http status code. Expected from 400 to 599, but given: ${opts.statusCode}`);
    }
    return new OsdResponse(opts.statusCode, opts.body, { headers: opts.headers });
  },
} satisfies OpenSearchDashboardsResponseFactory;

export type ResponseFactory = typeof responseFactory;

/** Boom's `error` field: Node's reason phrase for the status. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown';
}

/** OSD's getErrorMessage: an error payload without a message is a programming error (→ 500). */
export function errorMessage(payload: unknown): string {
  if (!payload) throw new Error('expected error message to be provided');
  if (typeof payload === 'string') return payload;
  return errorMessage((payload as { message?: unknown }).message);
}
