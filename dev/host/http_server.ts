import http from 'http';
import { errorMessage, OsdResponse, reasonPhrase, responseFactory } from './response_factory';
import { isOsdResponse, RegisteredRoute, Router, RouteValidationError, validatePart } from './router';

/** OSD's default `server.maxPayloadBytes`. */
const DEFAULT_MAX_BYTES = 1048576;

export interface HostLogger {
  info(msg: string): void;
  error(msg: string | Error): void;
}

export interface ServerOptions {
  router: Router;
  /** Builds the request handler context (`context.core.*`) for one request. */
  createContext: (req: http.IncomingMessage) => unknown;
  /** Serves everything that is not an API route (the app page, bundles, CSS); returns false if it did not. */
  serveStatic?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean> | boolean;
  logger: HostLogger;
  /** Runs before anything else (security plugin: login); when it returns false it has answered. */
  authenticate?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = body === undefined ? '' : Buffer.isBuffer(body) ? body : typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': type, 'cache-control': 'private, no-cache, no-store, must-revalidate', ...headers });
  res.end(payload);
}

function sendError(res: http.ServerResponse, status: number, message: string, attributes?: unknown): void {
  send(res, status, { statusCode: status, error: reasonPhrase(status), message, ...(attributes ? { attributes } : {}) });
}

async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw Object.assign(new Error('Payload content length greater than maximum allowed: ' + maxBytes), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function queryObject(url: URL): Record<string, string | string[]> {
  const q: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    q[key] = all.length === 1 ? all[0] : all;
  }
  return q;
}

async function dispatch(opts: ServerOptions, route: RegisteredRoute, params: Record<string, string>, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const method = route.method;
  // OSD's XSRF filter: every non-GET API call needs osd-xsrf or osd-version (core.http sends one).
  if (method !== 'get' && route.route.options?.xsrfRequired !== false && !req.headers['osd-xsrf'] && !req.headers['osd-version']) {
    return sendError(res, 400, 'Request must contain a osd-xsrf header.');
  }
  let rawBody: unknown = undefined;
  const validatesBody = route.route.validate !== false && !!route.route.validate.body;
  if (method !== 'get' && method !== 'delete' && validatesBody) {
    let buf: Buffer;
    try {
      buf = await readBody(req, route.route.options?.body?.maxBytes ?? DEFAULT_MAX_BYTES);
    } catch (e) {
      return sendError(res, (e as { status?: number }).status ?? 400, (e as Error).message);
    }
    if (buf.length) {
      const type = String(req.headers['content-type'] ?? '');
      if (!type.includes('application/json')) return sendError(res, 415, 'Unsupported Media Type');
      try {
        rawBody = JSON.parse(buf.toString('utf8'));
      } catch {
        return sendError(res, 400, 'Invalid request payload JSON format');
      }
    }
  }
  let request;
  try {
    request = {
      params: validatePart(route, 'params', params),
      query: validatePart(route, 'query', queryObject(url)),
      body: validatePart(route, 'body', rawBody),
      headers: Object.freeze({ ...req.headers }),
      url,
      route: { path: route.route.path, method, options: route.route.options ?? {} },
    };
  } catch (e) {
    if (e instanceof RouteValidationError) return sendError(res, 400, e.message);
    throw e;
  }
  let result: unknown;
  try {
    result = await route.handler(opts.createContext(req), request, responseFactory);
  } catch (e) {
    opts.logger.error(e as Error);
    return sendError(res, 500, 'An internal server error occurred.');
  }
  if (!isOsdResponse(result)) {
    opts.logger.error(`Unexpected result from Route Handler. Expected OpenSearchDashboardsResponse, but given: ${typeof result}.`);
    return sendError(res, 500, 'An internal server error occurred.');
  }
  writeOsdResponse(res, result, opts.logger);
}

function writeOsdResponse(res: http.ServerResponse, r: OsdResponse, logger: HostLogger): void {
  if (r.status < 400) return send(res, r.status, r.status === 204 ? undefined : r.payload, r.options.headers);
  let message: string;
  try {
    message = errorMessage(r.payload);
  } catch (e) {
    logger.error(e as Error);
    return sendError(res, 500, 'An internal server error occurred.');
  }
  const attributes = typeof r.payload === 'object' && r.payload ? (r.payload as { attributes?: unknown }).attributes : undefined;
  sendError(res, r.status, message, attributes);
}

export function createHttpServer(opts: ServerOptions): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = async () => {
      if (opts.authenticate && !(await opts.authenticate(req, res))) return;
      const match = opts.router.match(req.method ?? 'GET', url.pathname);
      if (match && match !== 'method') return dispatch(opts, match.route, match.params, req, res, url);
      if (match === 'method') return sendError(res, 404, 'Not Found');
      if (opts.serveStatic && (await opts.serveStatic(req, res, url))) return;
      sendError(res, 404, 'Not Found');
    };
    handle().catch((e) => {
      opts.logger.error(e as Error);
      if (!res.headersSent) sendError(res, 500, 'An internal server error occurred.');
    });
  });
}
