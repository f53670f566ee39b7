/**
 * `core.http` of the browser, as OSD's src/core/public/http/fetch.ts does it: base path prepended,
 * `Content-Type: application/json` and `osd-version` sent (the server's XSRF filter accepts the
 * latter), the body passed through untouched (a plugin must send a string), the answer parsed by
 * content type, and every failure rejected as an `HttpFetchError` carrying the parsed body.
 */
type Query = Record<string, unknown>;

export interface HttpFetchOptions extends Omit<RequestInit, 'body' | 'headers'> {
  path?: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string | undefined>;
  prependBasePath?: boolean;
  asSystemRequest?: boolean;
  asResponse?: boolean;
}

export class HttpFetchError extends Error {
  constructor(message: string, name: string, readonly request: Request, readonly response?: Response, readonly body?: unknown) {
    super(message);
    this.name = name;
    Object.setPrototypeOf(this, HttpFetchError.prototype);
  }
}

export interface BasePath {
  get(): string;
  prepend(path: string): string;
  remove(path: string): string;
  serverBasePath: string;
}

export function createBasePath(basePath: string): BasePath {
  return {
    get: () => basePath,
    prepend: (p) => (!basePath || !p.startsWith('/') || p === basePath || p.startsWith(`${basePath}/`) ? p : `${basePath}${p}`),
    remove: (p) => (basePath && (p === basePath || p.startsWith(`${basePath}/`)) ? p.slice(basePath.length) || '/' : p),
    serverBasePath: basePath,
  };
}

const JSON_CONTENT = /^(application\/(json|x-javascript)|text\/(x-)?javascript|x-json)(;.*)?$/;
const NDJSON_CONTENT = /^(application\/ndjson)(;.*)?$/;

/** Node's `url.format({query})` as OSD uses it: arrays repeat the key, undefined values are dropped. */
function queryString(query: Query | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(item ?? ''))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export function createHttp(basePath: BasePath, osdVersion: string) {
  const fetchResponse = async (options: HttpFetchOptions & { path: string }) => {
    const { path, query, prependBasePath = true, asSystemRequest, asResponse: _asResponse, headers, body, ...init } = options;
    const allHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries({ 'Content-Type': 'application/json', ...headers, 'osd-version': osdVersion })) {
      if (v !== undefined) allHeaders[k] = v;
    }
    if (asSystemRequest) allHeaders['osd-system-request'] = 'true';
    const url = (prependBasePath ? basePath.prepend(path) : path) + queryString(query);
    const request = new Request(url, { method: 'GET', credentials: 'same-origin', ...init, headers: allHeaders, body: body as BodyInit | undefined });
    let response: Response;
    try {
      response = await window.fetch(request);
    } catch (e) {
      throw new HttpFetchError((e as Error).message, (e as Error).name ?? 'Error', request);
    }
    const contentType = response.headers.get('Content-Type') || '';
    let parsed: unknown = null;
    try {
      if (NDJSON_CONTENT.test(contentType)) parsed = await response.blob();
      else if (JSON_CONTENT.test(contentType)) parsed = await response.json();
      else {
        const text = await response.text();
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
    } catch (e) {
      throw new HttpFetchError((e as Error).message, (e as Error).name ?? 'Error', request, response, parsed);
    }
    if (!response.ok) throw new HttpFetchError(response.statusText, 'Error', request, response, parsed);
    return { request, response, body: parsed };
  };

  const fetch = async (pathOrOptions: string | (HttpFetchOptions & { path: string }), options?: HttpFetchOptions) => {
    const full = typeof pathOrOptions === 'string' ? { ...options, path: pathOrOptions } : pathOrOptions;
    const reserved = Object.keys(full.headers ?? {}).filter((h) => h.toLowerCase().startsWith('osd-'));
    if (reserved.length) throw new Error(`Invalid fetch headers, headers beginning with "osd-" are not allowed: [${reserved.join(',')}]`);
    const result = await fetchResponse(full);
    return full.asResponse ? result : result.body;
  };
  const shorthand = (method: string) => (pathOrOptions: string | (HttpFetchOptions & { path: string }), options?: HttpFetchOptions) =>
    typeof pathOrOptions === 'string' ? fetch(pathOrOptions, { ...options, method }) : fetch({ ...pathOrOptions, method });

  return {
    basePath,
    fetch,
    get: shorthand('GET'),
    post: shorthand('POST'),
    put: shorthand('PUT'),
    patch: shorthand('PATCH'),
    delete: shorthand('DELETE'),
    head: shorthand('HEAD'),
    options: shorthand('OPTIONS'),
  };
}
