import { IOpenSearchDashboardsResponse, Logger, OpenSearchDashboardsResponseFactory } from '../types';
import { toHttpError } from './errors';

/** Every failure becomes a response with a status and a message; unexpected ones are logged. */
export function respondError(response: OpenSearchDashboardsResponseFactory, e: unknown, logger: Logger): IOpenSearchDashboardsResponse {
  const err = toHttpError(e);
  if (err.statusCode >= 500) logger.error(e instanceof Error ? e : String(e));
  return response.customError({ statusCode: err.statusCode, body: { message: err.message, ...(err.attributes ? { attributes: err.attributes } : {}) } });
}
