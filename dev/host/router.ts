import { OsdResponse, responseFactory, ResponseFactory } from './response_factory';

/**
 * OSD's router contract (src/core/server/http/router/router.ts): full paths with `{param}` and
 * `{param?}`, `validate` required (`false` or functions), validation failures answered with 400
 * `[request <part>]: <message>`.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type ValidationFn = (data: unknown, res: { ok: (v: unknown) => { value: unknown }; badRequest: (e: Error | string) => { error: Error } }) => { value?: unknown; error?: Error };

export interface RouteValidate {
  params?: ValidationFn;
  query?: ValidationFn;
  body?: ValidationFn;
}

export interface RouteDefinition {
  path: string;
  validate: false | RouteValidate;
  options?: { xsrfRequired?: boolean; body?: { maxBytes?: number } };
}

export type Handler = (context: unknown, request: unknown, response: ResponseFactory) => unknown;

export interface RegisteredRoute {
  method: Method;
  route: RouteDefinition;
  handler: Handler;
  pattern: RegExp;
  paramNames: string[];
}

export class RouteValidationError extends Error {}

const validationResult = {
  ok: (value: unknown) => ({ value }),
  badRequest: (error: Error | string) => ({ error: error instanceof Error ? error : new Error(error) }),
};

function compilePath(path: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)(\?)?\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(m[1]);
      return m[2] ? '?([^/]*)' : '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), paramNames };
}

export class Router {
  readonly routes: RegisteredRoute[] = [];

  private register(method: Method) {
    return (route: RouteDefinition, handler: Handler) => {
      if (!route || typeof route.path !== 'string' || !route.path.startsWith('/')) {
        throw new Error(`Expected a valid route path, got ${route && route.path}`);
      }
      if (route.validate === undefined) {
        throw new Error(`The [${method}] at [${route.path}] does not have a 'validate' specified. Use 'false' as the value if you want to bypass validation.`);
      }
      if (route.validate !== false) {
        for (const key of ['params', 'query', 'body'] as const) {
          const v = route.validate[key];
          if (v !== undefined && typeof v !== 'function') {
            throw new Error(`The [${method}] at [${route.path}] has a non-function '${key}' validator; this host supports validation functions only.`);
          }
        }
      }
      if (method === 'get' && route.options?.xsrfRequired !== undefined) {
        throw new Error("'xsrfRequired' option is not supported for GET routes");
      }
      this.routes.push({ method, route, handler, ...compilePath(route.path) });
    };
  }

  get = this.register('get');
  post = this.register('post');
  put = this.register('put');
  patch = this.register('patch');
  delete = this.register('delete');

  match(method: string, pathname: string): { route: RegisteredRoute; params: Record<string, string> } | 'method' | undefined {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method.toLowerCase()) continue;
      const params: Record<string, string> = {};
      r.paramNames.forEach((n, i) => {
        if (m[i + 1] !== undefined && m[i + 1] !== '') params[n] = decodeURIComponent(m[i + 1]);
      });
      return { route: r, params };
    }
    return pathMatched ? 'method' : undefined;
  }
}

/** Runs one validation; OSD turns any failure into `[request <part>]: message`. */
export function validatePart(route: RegisteredRoute, part: 'params' | 'query' | 'body', data: unknown): unknown {
  if (route.route.validate === false) return {};
  const fn = route.route.validate[part];
  if (!fn) return {};
  let result: { value?: unknown; error?: Error };
  try {
    result = fn(data, validationResult);
  } catch (e) {
    throw new RouteValidationError(`[request ${part}]: ${(e as Error).message}`);
  }
  if (result.error) throw new RouteValidationError(`[request ${part}]: ${result.error.message}`);
  return result.value;
}

export function isOsdResponse(v: unknown): v is OsdResponse {
  return v instanceof OsdResponse;
}

export { responseFactory };
