import { HttpFetchOptions, HttpSetup } from '../types';

export type FakeRoute = (options: HttpFetchOptions & { path: string }) => unknown;

export interface HttpCall {
  method: string;
  path: string;
  options: HttpFetchOptions;
  /** The parsed JSON body, for POST/PATCH. */
  body?: any;
}

/** An `IHttpFetchError` as OSD's `core.http` rejects with for an error answer. */
export function httpError(statusCode: number, message: string): Error {
  const error = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' }[statusCode] ?? 'Error';
  return Object.assign(new Error(error), { name: 'HttpFetchError', response: { status: statusCode }, body: { statusCode, error, message } });
}

/**
 * `core.http` answering from a table of `"METHOD /path"` → handler (a value, or a function of the
 * request; throw `httpError(…)` for an error answer). Unknown requests fail like a 404.
 */
export function fakeHttp(routes: Record<string, FakeRoute | unknown>) {
  const calls: HttpCall[] = [];
  const handler =
    (method: string) =>
    async (path: string, options: HttpFetchOptions = {}): Promise<any> => {
      calls.push({ method, path, options, ...(typeof options.body === 'string' ? { body: JSON.parse(options.body) } : {}) });
      const route = routes[`${method} ${path}`];
      if (route === undefined) throw httpError(404, `no fake route for ${method} ${path}`);
      return typeof route === 'function' ? (route as FakeRoute)({ ...options, path }) : JSON.parse(JSON.stringify(route));
    };
  const http: Partial<HttpSetup> = {
    get: handler('GET') as HttpSetup['get'],
    post: handler('POST') as HttpSetup['post'],
    patch: handler('PATCH') as HttpSetup['patch'],
    put: handler('PUT') as HttpSetup['put'],
    delete: handler('DELETE') as HttpSetup['delete'],
  };
  return { http, calls, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}
