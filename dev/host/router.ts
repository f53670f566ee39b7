import type { RouteValidationResultFactory } from '../../server/lib/validation';
import type { IRouter, RouteConfig } from '../../server/types';
import { responseFactory, ResponseFactory } from './response_factory';

/**
 * OSD's router contract (src/core/server/http/router/router.ts) and the route matching of the hapi
 * server underneath it (@hapi/call): full paths with `{param}` and `{param?}`, `validate` required
 * (`false` or functions), literal segments before parameters, case-sensitive, no trailing-slash
 * stripping, percent-encoded parameters decoded (a malformed one is a 400 before anything else).
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type RouteDefinition = RouteConfig<unknown, unknown, unknown>;
type ValidationFn = (data: unknown, res: RouteValidationResultFactory) => { value?: unknown; error?: unknown };

export type Handler = (context: any, request: any, response: ResponseFactory) => unknown;

type Segment = { literal: string } | { param: string; optional: boolean };

export interface RegisteredRoute {
  method: Method;
  route: RouteDefinition;
  handler: Handler;
  segments: Segment[];
}

export class RouteValidationError extends Error {}

export type RouteMatch =
  | { kind: 'route'; route: RegisteredRoute; params: Record<string, string> }
  /** A parameter that is not valid percent-encoding: hapi answers its `badRequest` special route. */
  | { kind: 'bad-path' }
  | { kind: 'none' };

const validationResult: RouteValidationResultFactory = {
  ok: <T>(value: T) => ({ value }),
  badRequest: (error: Error | string) => ({ error: error instanceof Error ? error : new Error(error) }),
};

function parsePath(path: string): Segment[] {
  return path
    .split('/')
    .slice(1)
    .map((segment) => {
      const m = /^\{(\w+)(\?)?\}$/.exec(segment);
      return m ? { param: m[1], optional: m[2] === '?' } : { literal: segment };
    });
}

const fingerprint = (segments: Segment[]) => '/' + segments.map((s) => ('literal' in s ? s.literal : '?')).join('/');

/** hapi's route order: a literal segment is more specific than a parameter. */
function compareRoutes(a: RegisteredRoute, b: RegisteredRoute): number {
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const al = 'literal' in a.segments[i];
    const bl = 'literal' in b.segments[i];
    if (al !== bl) return al ? -1 : 1;
  }
  return a.segments.length - b.segments.length;
}

/**
 * hapi's path normalisation before routing: `%xx` upper-cased and unreserved characters decoded,
 * so `/api/%61pp` routes like `/api/app` while `%2F` stays a parameter's slash.
 */
export function normalizePath(path: string): string {
  if (!path.includes('%')) return path;
  return path
    .replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase())
    .replace(/%([0-9A-F]{2})/g, (e, hex: string) => {
      const c = String.fromCharCode(parseInt(hex, 16));
      return /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/.test(c) ? c : e;
    });
}

function matchSegments(segments: Segment[], parts: string[]): Array<[string, string]> | undefined {
  const last = segments[segments.length - 1];
  // `/a/{id?}` also matches `/a`.
  if (parts.length === segments.length - 1 && last && 'param' in last && last.optional) segments = segments.slice(0, -1);
  if (parts.length !== segments.length) return undefined;
  const raw: Array<[string, string]> = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if ('literal' in s) {
      if (s.literal !== parts[i]) return undefined;
    } else {
      if (parts[i] === '' && !s.optional) return undefined;
      if (parts[i] !== '') raw.push([s.param, parts[i]]);
    }
  }
  return raw;
}

export class Router implements IRouter {
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
        for (const [key, v] of Object.entries(route.validate)) {
          if (typeof v !== 'function') {
            throw new Error(`The [${method}] at [${route.path}] has a non-function '${key}' validator; this host supports validation functions only.`);
          }
        }
      }
      if (method === 'get' && route.options?.xsrfRequired !== undefined) {
        throw new Error("'xsrfRequired' option is not supported for GET routes");
      }
      const unsupported = Object.keys(route.options?.body ?? {}).filter((k) => k !== 'maxBytes');
      if (unsupported.length) throw new Error(`The [${method}] at [${route.path}] sets options.body.${unsupported[0]}, which this host does not implement.`);
      const segments = parsePath(route.path);
      const clash = this.routes.find((r) => r.method === method && fingerprint(r.segments) === fingerprint(segments));
      if (clash) throw new Error(`New route ${route.path} conflicts with existing ${clash.route.path}`);
      this.routes.push({ method, route, handler: handler as Handler, segments });
      this.routes.sort(compareRoutes);
    };
  }

  get = this.register('get');
  post = this.register('post');
  put = this.register('put');
  patch = this.register('patch');
  delete = this.register('delete');

  /** hapi's lookup: the method's routes, then GET routes for HEAD; parameters percent-decoded. */
  match(method: string, pathname: string): RouteMatch {
    const m = method.toLowerCase();
    const parts = normalizePath(pathname).split('/').slice(1);
    const lookup = (wanted: string) => {
      for (const r of this.routes) {
        if (r.method !== wanted) continue;
        const raw = matchSegments(r.segments, parts);
        if (raw) return { r, raw };
      }
      return undefined;
    };
    const found = lookup(m) ?? (m === 'head' ? lookup('get') : undefined);
    if (!found) return { kind: 'none' };
    const params: Record<string, string> = {};
    for (const [name, value] of found.raw) {
      try {
        params[name] = decodeURIComponent(value);
      } catch {
        return { kind: 'bad-path' };
      }
    }
    return { kind: 'route', route: found.r, params };
  }
}

/** Runs one validation; OSD turns any failure into `[request <part>]: message`. */
export function validatePart(route: RegisteredRoute, part: 'params' | 'query' | 'body', data: unknown): unknown {
  if (route.route.validate === false) return {};
  const fn = route.route.validate[part] as ValidationFn | undefined;
  if (!fn) return {};
  let result: { value?: unknown; error?: unknown };
  try {
    result = fn(data, validationResult);
  } catch (e) {
    throw new RouteValidationError(`[request ${part}]: ${(e as Error).message}`);
  }
  if (result.error) throw new RouteValidationError(`[request ${part}]: ${(result.error as Error).message ?? String(result.error)}`);
  return result.value;
}

export { responseFactory };
