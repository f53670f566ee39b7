import http from 'http';
import os from 'os';
import querystring from 'querystring';
import { Readable } from 'stream';
import zlib from 'zlib';
import { TARGET_OSD_VERSION } from '../../common/constants';
import { errorMessage, OsdResponse, reasonPhrase, responseFactory } from './response_factory';
import { RegisteredRoute, Router, RouteValidationError, validatePart } from './router';

/**
 * The HTTP server OSD puts around a plugin's routes: hapi 20 as OSD configures it
 * (src/core/server/http/http_server.ts, http_tools.ts, lifecycle_handlers.ts,
 * router/response_adapter.ts), written here for the dev host. The order of the steps is hapi's
 * request lifecycle: route lookup, payload, onPostAuth (XSRF, then version check), validation,
 * handler, response. `osd_conformance.test.ts` pins each rule.
 */

/** OSD's default `server.maxPayloadBytes`. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 1048576;
const VERSION_HEADER = 'osd-version';
const XSRF_HEADER = 'osd-xsrf';
/** `routes.cache.otherwise` in OSD's hapi server options: every response carries it. */
const CACHE_CONTROL = 'private, no-cache, no-store, must-revalidate';

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
  /** `env.packageInfo.version` of the OSD being imitated: the version check compares `osd-version` to it. */
  osdVersion?: string;
  /** `server.name` (OSD's default: the host name), sent back as the `osd-name` header. */
  serverName?: string;
  /** Runs before anything else (security plugin: login); when it returns false it has answered. */
  authenticate?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
}

/** A Boom error as hapi answers it: `{statusCode, error, message}` plus OSD's `attributes`. */
class HttpError extends Error {
  constructor(readonly status: number, message?: string, readonly attributes?: unknown, readonly headers: Record<string, string | string[]> = {}) {
    super(message ?? reasonPhrase(status));
  }
}

const isSafeMethod = (method: string) => method === 'get' || method === 'options';

/**
 * hapi's content-type header parsing (@hapi/content): `type/subtype` and parameters; anything else
 * is a 400, as is multipart without a boundary.
 */
function parseContentType(header: string): string {
  const m = /^([^/\s]+\/[^\s;]+)(.*)?$/.exec(header);
  if (!m) throw new HttpError(400, 'Invalid content-type header');
  const mime = m[1].toLowerCase();
  if (mime.startsWith('multipart/') && !/;\s*boundary=/i.test(m[2] ?? '')) throw new HttpError(400, 'Invalid content-type header: multipart missing boundary');
  return mime;
}

const tooLarge = (maxBytes: number) => new HttpError(413, `Payload content length greater than maximum allowed: ${maxBytes}`);

/** subtext's decoders: a gzip or deflate body is decompressed, and the size limit counts the result. */
function decoded(req: http.IncomingMessage): Readable {
  const encoding = req.headers['content-encoding'];
  if (encoding !== 'gzip' && encoding !== 'deflate') return req;
  const decoder = encoding === 'gzip' ? zlib.createGunzip() : zlib.createInflate();
  req.on('error', (e) => decoder.destroy(e));
  return req.pipe(decoder);
}

async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const source = decoded(req);
  try {
    for await (const chunk of source) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    if (source !== req) throw new HttpError(400, 'Invalid compressed payload');
    throw e;
  }
  return Buffer.concat(chunks);
}

/** hapi's prototype poisoning protection (`protoAction: 'error'`): any own `__proto__` key refuses the body. */
function hasProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value as object).some(hasProtoKey);
}

/** subtext's parsing by media type, with `application/json` when the request names none. */
function parsePayload(mime: string, buf: Buffer): unknown {
  if (mime === 'application/octet-stream') return buf.length ? buf : null;
  if (/^text\/.+$/.test(mime)) return buf.toString('utf8');
  if (/^application\/(?:.+\+)?json$/.test(mime)) {
    if (!buf.length) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(buf.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Invalid request payload JSON format');
    }
    if (hasProtoKey(parsed)) throw new HttpError(400, 'Invalid request payload JSON format');
    return parsed;
  }
  if (mime === 'application/x-www-form-urlencoded') return buf.length ? querystring.parse(buf.toString('utf8')) : {};
  // multipart/form-data is off on hapi 20 routes without body options, and nothing else is parsed.
  throw new HttpError(415);
}

/**
 * The payload step. Routes without body validation get OSD's `output: 'stream', parse: false`:
 * the body is never read, only the size limit and content-type header are checked.
 */
async function payloadOf(route: RegisteredRoute, req: http.IncomingMessage): Promise<unknown> {
  const maxBytes = route.route.options?.body?.maxBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const length = req.headers['content-length'];
  if (length && parseInt(length, 10) > maxBytes) throw tooLarge(maxBytes);
  const mime = parseContentType(req.headers['content-type'] || 'application/json');
  const parses = (route.route.validate !== false && !!route.route.validate.body) || !!route.route.options?.body;
  if (!parses) {
    req.resume();
    return undefined;
  }
  return parsePayload(mime, await readBody(req, maxBytes));
}

/** OSD's XSRF and version-check onPostAuth handlers (lifecycle_handlers.ts), in their order. */
function checkHeaders(route: RegisteredRoute, req: http.IncomingMessage, osdVersion: string): void {
  const xsrfRequired = route.route.options?.xsrfRequired ?? !isSafeMethod(route.method);
  if (xsrfRequired && !isSafeMethod(route.method) && !(VERSION_HEADER in req.headers) && !(XSRF_HEADER in req.headers)) {
    throw new HttpError(400, `Request must contain the ${XSRF_HEADER} header.`);
  }
  const got = req.headers[VERSION_HEADER];
  if (got && got !== osdVersion) {
    throw new HttpError(400, `Browser client is out of date, please refresh the page ("${VERSION_HEADER}" header was "${got}" but should be "${osdVersion}")`, {
      expected: osdVersion,
      got,
    });
  }
}

function queryObject(url: URL): Record<string, string | string[]> {
  // hapi builds the query on a null-prototype object: `?__proto__=x` is just a key.
  const q: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of url.searchParams) {
    const prev = q[key];
    q[key] = prev === undefined ? value : ([] as string[]).concat(prev, value);
  }
  return q;
}

/** An OpenSearch client 401 (`ResponseError`), which OSD's router forwards instead of a 500. */
function openSearchUnauthorized(e: unknown): HttpError | undefined {
  const err = e as { name?: string; message?: string; meta?: { statusCode?: number; headers?: Record<string, string> } };
  if (err?.name !== 'ResponseError' || err.meta?.statusCode !== 401) return undefined;
  const header = Object.entries(err.meta.headers ?? {}).find(([k]) => k.toLowerCase() === 'www-authenticate');
  return new HttpError(401, err.message, undefined, { 'www-authenticate': header ? header[1] : 'Basic realm="Authorization Required"' });
}

/** hapi's content type of a response: its own header (with a charset for text and JSON) or one from the payload. */
function contentType(payload: unknown, headers: Record<string, string | string[]>): string {
  const own = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  if (typeof own === 'string') {
    const type = own.trim();
    return /^(?:text\/)|^application\/(?:json|javascript)/.test(type) && !/; *charset=/.test(type) ? `${type}${type.endsWith(';') ? ' ' : '; '}charset=utf-8` : type;
  }
  if (Buffer.isBuffer(payload)) return 'application/octet-stream';
  return typeof payload === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
}

interface Reply {
  status: number;
  payload?: unknown;
  headers?: Record<string, string | string[]>;
}

/** OSD's HapiResponseAdapter: success or Boom error (the factory has no redirect); anything else is the handler's bug. */
function toReply(r: OsdResponse): Reply {
  const headers = Object.fromEntries(Object.entries(r.options.headers ?? {}).filter(([, v]) => v !== undefined));
  if (r.status >= 400 && r.status < 600) {
    if (Buffer.isBuffer(r.payload)) return { status: r.status, payload: r.payload, headers };
    const attributes = typeof r.payload === 'object' && r.payload && 'attributes' in r.payload ? (r.payload as { attributes?: unknown }).attributes : undefined;
    return errorReply(new HttpError(r.status, errorMessage(r.payload), attributes, headers));
  }
  if (r.status >= 100 && r.status < 300) return { status: r.status, payload: r.payload, headers };
  throw new Error(`Unexpected Http status code. Expected from 100 to 599, but given: ${r.status}.`);
}

function errorReply(e: HttpError): Reply {
  const payload: Record<string, unknown> = { statusCode: e.status, error: reasonPhrase(e.status), message: e.message };
  if (e.attributes) payload.attributes = e.attributes;
  return { status: e.status, payload, headers: e.headers };
}

const internalError = (): Reply => errorReply(new HttpError(500, 'An internal server error occurred.'));

function write(res: http.ServerResponse, reply: Reply, serverName: string): void {
  const headers = reply.headers ?? {};
  // hapi's `emptyStatusCode` (200 → 204) does not apply: OSD's adapter always sets the code itself.
  const empty = reply.payload === undefined || reply.payload === null;
  const status = reply.status;
  const out: Record<string, string | string[]> = { 'cache-control': CACHE_CONTROL, 'osd-name': serverName };
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  if (status === 204 || status === 304 || empty) {
    delete out['content-type'];
    if (status !== 204 && status !== 304) out['content-length'] = '0';
    res.writeHead(status, out);
    res.end();
    return;
  }
  const body = Buffer.isBuffer(reply.payload) ? reply.payload : Buffer.from(typeof reply.payload === 'string' ? reply.payload : JSON.stringify(reply.payload));
  out['content-type'] = contentType(reply.payload, headers);
  out['content-length'] = String(body.length);
  res.writeHead(status, out);
  // Node sends no body for HEAD: hapi's HEAD answer is the GET answer's status and headers.
  res.end(body);
}

async function dispatch(opts: ServerOptions, route: RegisteredRoute, params: Record<string, string>, req: http.IncomingMessage, url: URL): Promise<Reply> {
  let rawBody: unknown;
  try {
    if (route.method !== 'get') rawBody = await payloadOf(route, req);
    checkHeaders(route, req, opts.osdVersion ?? TARGET_OSD_VERSION);
  } catch (e) {
    if (e instanceof HttpError) return errorReply(e);
    throw e;
  }
  let request;
  try {
    request = {
      params: validatePart(route, 'params', params),
      query: validatePart(route, 'query', queryObject(url)),
      body: validatePart(route, 'body', rawBody),
      headers: Object.freeze({ ...req.headers }),
      url,
      route: { path: route.route.path, method: route.method, options: route.route.options ?? {} },
    };
  } catch (e) {
    if (e instanceof RouteValidationError) return errorReply(new HttpError(400, e.message));
    throw e;
  }
  try {
    const result = await route.handler(opts.createContext(req), request, responseFactory);
    if (!(result instanceof OsdResponse)) {
      throw new Error(`Unexpected result from Route Handler. Expected OpenSearchDashboardsResponse, but given: ${result === null ? 'null' : typeof result}.`);
    }
    return toReply(result);
  } catch (e) {
    opts.logger.error(e as Error);
    const unauthorized = openSearchUnauthorized(e);
    return unauthorized ? errorReply(unauthorized) : internalError();
  }
}

/** OSD's `server.keepaliveTimeout` default (its http config schema): 120 s, not Node's 5 s. */
export const KEEPALIVE_TIMEOUT_MS = 120_000;

export function createHttpServer(opts: ServerOptions): http.Server {
  const serverName = opts.serverName ?? os.hostname();
  const server = http.createServer((req, res) => {
    const handle = async () => {
      const url = new URL(`http://127.0.0.1${(req.url ?? '/').startsWith('/') ? req.url : '/'}`);
      const match = opts.router.match(req.method ?? 'GET', url.pathname);
      // hapi refuses a path it cannot decode while routing, before any authentication.
      if (match.kind === 'bad-path') return write(res, errorReply(new HttpError(400)), serverName);
      if (opts.authenticate && !(await opts.authenticate(req, res))) return;
      if (match.kind === 'route') return write(res, await dispatch(opts, match.route, match.params, req, url), serverName);
      if (opts.serveStatic && (await opts.serveStatic(req, res, url))) return;
      write(res, errorReply(new HttpError(404)), serverName);
    };
    handle().catch((e) => {
      opts.logger.error(e as Error);
      if (!res.headersSent) write(res, errorReply(new HttpError(500, 'An internal server error occurred')), serverName);
    });
  });
  // An idle keep-alive connection stays open as long as OSD keeps it: with Node's 5 s a client
  // that pauses longer can reuse a socket the server is closing (ECONNRESET).
  server.keepAliveTimeout = KEEPALIVE_TIMEOUT_MS;
  return server;
}
