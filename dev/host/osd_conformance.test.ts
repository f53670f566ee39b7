import http from 'http';
import net from 'net';
import zlib from 'zlib';
import path from 'path';
import { AddressInfo } from 'net';
import { API_BASE, TARGET_OSD_VERSION } from '../../common/constants';
import { object, string, validator } from '../../server/lib/validation';
import { createHttpServer } from './http_server';
import { loadServerPlugin } from './core_server';
import { Router } from './router';

/**
 * The dev host answers as OpenSearch Dashboards does, request by request. Each rule below was
 * written from the source that implements it in OSD (the plugin's target, 3.8) and in hapi 20
 * under it; the sources are named per block. A change to the host that drifts from OSD fails here.
 *
 *  - XSRF and version check: src/core/server/http/lifecycle_handlers.ts (onPostAuth, XSRF first)
 *  - payload: http_server.ts (routes without body validation get `output: 'stream', parse: false`),
 *    http_tools.ts (`maxPayload`), hapi's lifecycle (payload is read before onPostAuth) and
 *    @hapi/subtext (default `application/json`, parsing by media type, `protoAction: 'error'`)
 *  - routing: @hapi/call (HEAD served by GET routes, no trailing-slash stripping, case-sensitive,
 *    literal segments first, a parameter that is not valid percent-encoding → its `badRequest`)
 *  - validation: router/validator/validator.ts, router/router.ts (`[request body]: …` → 400)
 *  - responses: router/response.ts, router/response_adapter.ts, @hapi/boom (reason phrases from
 *    Node), hapi's transmit (no 204 for a code set explicitly, none of a 204's headers) and
 *    content types (strings are text/html)
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

function request(base: string, method: string, p: string, opts: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  // node:http rather than fetch: fetch normalises paths and refuses some of the headers tested here.
  return new Promise((resolve, reject) => {
    const u = new URL(base);
    const headers = { ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}), ...opts.headers };
    const req = http.request({ host: u.hostname, port: u.port, method, path: p, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const boom = (statusCode: number, error: string, message: string) => ({ statusCode, error, message });
const JSON_HEADERS = { 'osd-xsrf': 'true', 'content-type': 'application/json' };

describe('the dev host answers as OSD does', () => {
  const router = new Router();
  const errors: string[] = [];
  const seen: { body?: unknown; query?: unknown; params?: unknown; calls: number } = { calls: 0 };
  let server: http.Server;
  let base: string;

  // Validators written the plugin's way (server/lib/validation), so messages are the plugin's.
  const nameBody = validator((data) => {
    const b = object(data, ['name'], 'body');
    return { name: string(b.name, 'name') };
  });
  const idParams = validator((data) => ({ id: string(object(data, ['id'], 'params').id, 'id') }));
  const record = (req: any) => {
    seen.calls++;
    seen.body = req.body;
    seen.query = req.query;
    seen.params = req.params;
  };

  router.post({ path: '/api/t/echo', validate: { body: nameBody } }, (_c, req, res) => (record(req), res.ok({ body: { body: req.body } })));
  router.post({ path: '/api/t/raw', validate: { body: (d: unknown, r) => r.ok(d) } }, (_c, req, res) => (record(req), res.ok({ body: { body: req.body === null ? 'null' : req.body } })));
  router.post({ path: '/api/t/small', validate: { body: (d: unknown, r) => r.ok(d) }, options: { body: { maxBytes: 10 } } }, (_c, _r, res) => res.ok({ body: {} }));
  router.post({ path: '/api/t/open', validate: false, options: { xsrfRequired: false } }, (_c, _r, res) => res.ok({ body: { ok: true } }));
  router.get({ path: '/api/t/items', validate: { query: (q: unknown, r) => r.ok(q) } }, (_c, req, res) => (record(req), res.ok({ body: { items: [1, 2] } })));
  router.get({ path: '/api/t/items/{id}', validate: { params: idParams } }, (_c, req, res) => (record(req), res.ok({ body: req.params })));
  router.get({ path: '/api/t/items/new', validate: false }, (_c, _r, res) => res.ok({ body: { literal: true } }));
  router.patch({ path: '/api/t/items/{id}', validate: { params: idParams, body: nameBody } }, (_c, req, res) => (record(req), res.ok({ body: req.body })));
  router.delete({ path: '/api/t/items/{id}', validate: { params: idParams } }, (_c, req, res) => (record(req), res.noContent()));
  router.get({ path: '/api/t/optional/{id?}', validate: false }, (_c, req, res) => res.ok({ body: { params: req.params } }));
  router.get({ path: '/api/t/empty-ok', validate: false }, (_c, _r, res) => res.ok());
  router.get({ path: '/api/t/text', validate: false }, (_c, _r, res) => res.ok({ body: 'plain words' }));
  router.get({ path: '/api/t/markdown', validate: false }, (_c, _r, res) => res.ok({ body: '# x', headers: { 'content-type': 'text/markdown' } }));
  router.get({ path: '/api/t/conflict', validate: false }, (_c, _r, res) => res.conflict({ body: { message: 'stale', attributes: { version: 'v1' } } }));
  router.get({ path: '/api/t/bad-gateway', validate: false }, (_c, _r, res) => res.customError({ statusCode: 502, body: 'upstream down', headers: { 'retry-after': '5' } }));
  router.get({ path: '/api/t/gateway-timeout', validate: false }, (_c, _r, res) => res.customError({ statusCode: 504, body: new Error('took too long') }));
  router.get({ path: '/api/t/no-body-error', validate: false }, (_c, _r, res) => res.customError({ statusCode: 418 } as any));
  router.get({ path: '/api/t/error-as-200', validate: false }, (_c, _r, res) => res.customError({ statusCode: 200, body: 'x' }));
  router.get({ path: '/api/t/plain', validate: false }, () => ({ status: 200, payload: 'hand-made' }) as any);
  router.get({ path: '/api/t/throws', validate: false }, () => {
    throw new Error('boom');
  });
  router.get({ path: '/api/t/opensearch-401', validate: false }, () => {
    throw Object.assign(new Error('security_exception'), { name: 'ResponseError', meta: { statusCode: 401, headers: { 'WWW-Authenticate': 'Basic realm="security"' } } });
  });

  beforeAll(async () => {
    server = createHttpServer({ router, createContext: () => ({}), logger: { info: () => undefined, error: (m) => errors.push(String(m)) }, serverName: 'osd-test' });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    seen.calls = 0;
    seen.body = seen.query = seen.params = undefined;
  });

  const post = (p: string, body: string | Buffer, headers: Record<string, string> = JSON_HEADERS) => request(base, 'POST', p, { headers, body });

  describe('XSRF protection (createXsrfPostAuthHandler)', () => {
    it.each([
      ['POST', '/api/t/echo', JSON.stringify({ name: 'x' })],
      ['PATCH', '/api/t/items/1', JSON.stringify({ name: 'x' })],
      ['DELETE', '/api/t/items/1', undefined],
    ])('refuses %s without osd-xsrf with OSD 3.x message', async (method, p, body) => {
      const r = await request(base, method, p, { headers: { 'content-type': 'application/json' }, body });
      expect(r.status).toBe(400);
      expect(r.json).toEqual(boom(400, 'Bad Request', 'Request must contain the osd-xsrf header.'));
      expect(seen.calls).toBe(0);
    });

    it('does not take kbn-xsrf for osd-xsrf', async () => {
      const r = await post('/api/t/echo', JSON.stringify({ name: 'x' }), { 'kbn-xsrf': 'true', 'content-type': 'application/json' });
      expect(r.json).toEqual(boom(400, 'Bad Request', 'Request must contain the osd-xsrf header.'));
    });

    it('counts the presence of osd-xsrf, even empty', async () => {
      const r = await post('/api/t/echo', JSON.stringify({ name: 'x' }), { 'osd-xsrf': '', 'content-type': 'application/json' });
      expect(r.status).toBe(200);
    });

    it('accepts osd-version (of this OSD) in place of osd-xsrf', async () => {
      const r = await post('/api/t/echo', JSON.stringify({ name: 'x' }), { 'osd-version': TARGET_OSD_VERSION, 'content-type': 'application/json' });
      expect(r.status).toBe(200);
    });

    it('skips routes with xsrfRequired: false, and GET', async () => {
      expect((await post('/api/t/open', '{}', { 'content-type': 'application/json' })).status).toBe(200);
      expect((await request(base, 'GET', '/api/t/items')).status).toBe(200);
    });

    it('reads the payload before checking headers (hapi lifecycle: payload, then onPostAuth)', async () => {
      const r = await post('/api/t/echo', '{"name":', { 'content-type': 'application/json' });
      expect(r.json).toEqual(boom(400, 'Bad Request', 'Invalid request payload JSON format'));
    });
  });

  describe('version check (createVersionCheckPostAuthHandler)', () => {
    it.each(['POST', 'GET'])('refuses a %s from another OSD version with expected/got attributes', async (method) => {
      const headers = { ...JSON_HEADERS, 'osd-version': '1.0.0' };
      const r =
        method === 'POST' ? await post('/api/t/echo', JSON.stringify({ name: 'x' }), headers) : await request(base, 'GET', '/api/t/items', { headers });
      expect(r.status).toBe(400);
      expect(r.json).toEqual({
        ...boom(400, 'Bad Request', `Browser client is out of date, please refresh the page ("osd-version" header was "1.0.0" but should be "${TARGET_OSD_VERSION}")`),
        attributes: { expected: TARGET_OSD_VERSION, got: '1.0.0' },
      });
      expect(seen.calls).toBe(0);
    });

    it('ignores an empty osd-version', async () => {
      expect((await post('/api/t/echo', JSON.stringify({ name: 'x' }), { ...JSON_HEADERS, 'osd-version': '' })).status).toBe(200);
    });
  });

  describe('payload parsing (hapi/subtext as OSD configures it)', () => {
    it('hands a text/plain body to validation as a string', async () => {
      const r = await post('/api/t/echo', JSON.stringify({ name: 'x' }), { 'osd-xsrf': 'true', 'content-type': 'text/plain' });
      expect(r.status).toBe(400);
      expect(r.json).toEqual(boom(400, 'Bad Request', '[request body]: body must be an object'));
    });

    it('parses a form body and validates it', async () => {
      const ok = await post('/api/t/echo', 'name=x', { 'osd-xsrf': 'true', 'content-type': 'application/x-www-form-urlencoded' });
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ body: { name: 'x' } });
      const extra = await post('/api/t/echo', 'name=x&admin=1', { 'osd-xsrf': 'true', 'content-type': 'application/x-www-form-urlencoded' });
      expect(extra.status).toBe(400);
      expect(extra.json.message).toMatch(/^\[request body\]: body has unknown field\(s\): admin/);
    });

    it('parses a body without content-type as JSON', async () => {
      const r = await post('/api/t/echo', JSON.stringify({ name: 'x' }), { 'osd-xsrf': 'true' });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ body: { name: 'x' } });
    });

    it.each(['application/vnd.api+json', 'application/json; charset=utf-8', 'APPLICATION/JSON'])('parses %s as JSON', async (type) => {
      const r = await post('/api/t/echo', JSON.stringify({ name: 'x' }), { 'osd-xsrf': 'true', 'content-type': type });
      expect(r.status).toBe(200);
    });

    it.each(['{"__proto__":{"admin":true},"name":"x"}', '{"name":"x","nested":[{"__proto__":{}}]}'])('refuses a body with a __proto__ key: %s', async (body) => {
      const r = await post('/api/t/raw', body);
      expect(r.json).toEqual(boom(400, 'Bad Request', 'Invalid request payload JSON format'));
      expect(seen.calls).toBe(0);
    });

    it('gives validation null for an empty JSON body and {} for an empty form', async () => {
      expect((await post('/api/t/raw', '')).json).toEqual({ body: 'null' });
      expect((await post('/api/t/raw', '', { 'osd-xsrf': 't', 'content-type': 'application/x-www-form-urlencoded' })).json).toEqual({ body: {} });
    });

    it.each([
      ['application/xml', 415, 'Unsupported Media Type'],
      ['multipart/form-data; boundary=x', 415, 'Unsupported Media Type'],
      ['multipart/form-data', 400, 'Invalid content-type header: multipart missing boundary'],
      ['json', 400, 'Invalid content-type header'],
    ])('answers content-type %s with %i', async (type, status, message) => {
      const r = await post('/api/t/echo', JSON.stringify({ name: 'x' }), { 'osd-xsrf': 'true', 'content-type': type });
      expect(r.json).toEqual(boom(status, status === 415 ? 'Unsupported Media Type' : 'Bad Request', message));
    });

    it('answers a body over server.maxPayloadBytes (1 MiB) with 413', async () => {
      const r = await post('/api/t/echo', JSON.stringify({ name: 'x'.repeat(1048576) }));
      expect(r.status).toBe(413);
      expect(r.json).toEqual(boom(413, 'Payload Too Large', 'Payload content length greater than maximum allowed: 1048576'));
    });

    it("honours a route's options.body.maxBytes", async () => {
      expect((await post('/api/t/small', JSON.stringify({ name: 'long enough' }))).json).toEqual(
        boom(413, 'Payload Too Large', 'Payload content length greater than maximum allowed: 10')
      );
    });

    it('decompresses a gzip or deflate body, and refuses a broken one', async () => {
      const body = JSON.stringify({ name: 'x' });
      for (const [encoding, data] of [
        ['gzip', zlib.gzipSync(body)],
        ['deflate', zlib.deflateSync(body)],
      ] as const) {
        const r = await post('/api/t/echo', data, { ...JSON_HEADERS, 'content-encoding': encoding });
        expect(r.json).toEqual({ body: { name: 'x' } });
      }
      const broken = await post('/api/t/echo', Buffer.from('not gzip'), { ...JSON_HEADERS, 'content-encoding': 'gzip' });
      expect(broken.json).toEqual(boom(400, 'Bad Request', 'Invalid compressed payload'));
    });

    it('does not parse the body of a route without body validation', async () => {
      const r = await request(base, 'DELETE', '/api/t/items/1', { headers: JSON_HEADERS, body: '{"not json' });
      expect(r.status).toBe(204);
      expect(seen.body).toEqual({});
    });
  });

  describe('routing (@hapi/call)', () => {
    it('answers HEAD with the GET route: its status and headers, no body', async () => {
      const get = await request(base, 'GET', '/api/t/items');
      const head = await request(base, 'HEAD', '/api/t/items');
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
      expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
    });

    it('does not strip a trailing slash', async () => {
      const r = await request(base, 'GET', '/api/t/items/');
      expect(r.status).toBe(404);
      expect(r.json).toEqual(boom(404, 'Not Found', 'Not Found'));
    });

    it('answers a parameter with broken percent-encoding with 400 Bad Request, before XSRF and the handler', async () => {
      for (const [method, headers] of [
        ['GET', {}],
        ['DELETE', { 'content-type': 'application/json' }],
      ] as const) {
        const r = await request(base, method, '/api/t/items/%E0%A4%A', { headers });
        expect(r.status).toBe(400);
        expect(r.json).toEqual(boom(400, 'Bad Request', 'Bad Request'));
      }
      expect(seen.calls).toBe(0);
    });

    it('decodes parameters, an encoded slash included', async () => {
      expect((await request(base, 'GET', '/api/t/items/a%2Fb%20c')).json).toEqual({ id: 'a/b c' });
    });

    it('decodes unreserved characters in the path before routing', async () => {
      expect((await request(base, 'GET', '/api/t/%69tems/x')).json).toEqual({ id: 'x' });
    });

    it('is case-sensitive and answers an unknown method on a known path with 404', async () => {
      expect((await request(base, 'GET', '/API/t/items')).status).toBe(404);
      expect((await request(base, 'PUT', '/api/t/items/1', { headers: JSON_HEADERS, body: '{}' })).json).toEqual(boom(404, 'Not Found', 'Not Found'));
    });

    it('prefers a literal segment to a parameter, whatever the registration order', async () => {
      expect((await request(base, 'GET', '/api/t/items/new')).json).toEqual({ literal: true });
    });

    it('matches an optional parameter present or absent', async () => {
      expect((await request(base, 'GET', '/api/t/optional')).json).toEqual({ params: {} });
      expect((await request(base, 'GET', '/api/t/optional/x')).json).toEqual({ params: {} });
    });

    it('refuses a second route with the same method and path shape', () => {
      expect(() => router.get({ path: '/api/t/items/{other}', validate: false }, (_c, _r, res) => res.ok())).toThrow(/conflicts with existing/);
    });

    it('gives repeated query keys as an array, on a prototype-less object', async () => {
      await request(base, 'GET', '/api/t/items?a=1&a=2&b=3&__proto__=x');
      expect(seen.query).toEqual(Object.assign(Object.create(null), { a: ['1', '2'], b: '3', ['__proto__']: 'x' }));
      expect(Object.getPrototypeOf(seen.query)).toBeNull();
    });
  });

  describe('validation (RouteValidator)', () => {
    it('prefixes a failure with the part of the request', async () => {
      expect((await post('/api/t/echo', JSON.stringify({}))).json).toEqual(boom(400, 'Bad Request', '[request body]: name must be a string'));
    });

    it('refuses a route without validate, or with a non-function validator, at registration', () => {
      expect(() => router.get({ path: '/api/t/x' } as any, () => undefined)).toThrow(/Use 'false'/);
      expect(() => router.get({ path: '/api/t/y', validate: { query: {} } } as any, () => undefined)).toThrow(/validator/);
    });
  });

  describe('responses (response_adapter.ts, hapi)', () => {
    it('answers noContent with 204, no content type, no body', async () => {
      const r = await request(base, 'DELETE', '/api/t/items/1', { headers: JSON_HEADERS });
      expect(r.status).toBe(204);
      expect(r.headers['content-type']).toBeUndefined();
      expect(r.text).toBe('');
    });

    it('sends ok() without a body as an empty 200 without content type (the code is set explicitly: no emptyStatusCode 204)', async () => {
      const r = await request(base, 'GET', '/api/t/empty-ok');
      expect([r.status, r.text, r.headers['content-type'], r.headers['content-length']]).toEqual([200, '', undefined, '0']);
    });

    it('types a string body text/html, and adds the charset to a text type the route sets', async () => {
      const text = await request(base, 'GET', '/api/t/text');
      expect([text.headers['content-type'], text.text]).toEqual(['text/html; charset=utf-8', 'plain words']);
      expect((await request(base, 'GET', '/api/t/markdown')).headers['content-type']).toBe('text/markdown; charset=utf-8');
    });

    it('sends errors in the Boom format with attributes and headers, error names from Node', async () => {
      expect((await request(base, 'GET', '/api/t/conflict')).json).toEqual({ ...boom(409, 'Conflict', 'stale'), attributes: { version: 'v1' } });
      const gw = await request(base, 'GET', '/api/t/bad-gateway');
      expect(gw.json).toEqual(boom(502, 'Bad Gateway', 'upstream down'));
      expect(gw.headers['retry-after']).toBe('5');
      expect((await request(base, 'GET', '/api/t/gateway-timeout')).json).toEqual(boom(504, 'Gateway Timeout', 'took too long'));
    });

    it.each(['/api/t/no-body-error', '/api/t/error-as-200', '/api/t/plain', '/api/t/throws'])('answers a handler bug (%s) with a generic 500', async (p) => {
      const r = await request(base, 'GET', p);
      expect(r.json).toEqual(boom(500, 'Internal Server Error', 'An internal server error occurred.'));
    });

    it('logs why a handler result was refused', async () => {
      await request(base, 'GET', '/api/t/plain');
      expect(errors.some((e) => e.includes('Unexpected result from Route Handler'))).toBe(true);
    });

    it("forwards an OpenSearch 401 with its challenge, as OSD's router does", async () => {
      const r = await request(base, 'GET', '/api/t/opensearch-401');
      expect(r.json).toEqual(boom(401, 'Unauthorized', 'security_exception'));
      expect(r.headers['www-authenticate']).toBe('Basic realm="security"');
    });

    it("keeps an idle connection open as long as OSD's server.keepaliveTimeout (120 s), not Node's 5 s", () => {
      expect(server.keepAliveTimeout).toBe(120_000);
    });

    it('sends the cache-control of OSD and its osd-name header on every answer', async () => {
      for (const p of ['/api/t/items', '/api/t/conflict', '/nowhere']) {
        const r = await request(base, 'GET', p);
        expect(r.headers['cache-control']).toBe('private, no-cache, no-store, must-revalidate');
        expect(r.headers['osd-name']).toBe('osd-test');
      }
    });
  });
});

/** The same rules through the plugin's own routes, with an OpenSearch that refuses connections. */
describe("the dev host answers the plugin's routes as OSD does", () => {
  let server: http.Server;
  let base: string;
  let closed: net.Server;

  beforeAll(async () => {
    // A port nothing listens on: any OpenSearch call fails at once.
    closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const { Client } = await import('@opensearch-project/opensearch');
    const host = await loadServerPlugin({ pluginDir: path.resolve(__dirname, '../..'), opensearch: new Client({ node: `http://127.0.0.1:${port}` }), config: {} });
    server = createHttpServer({ router: host.router, createContext: host.createContext, logger: { info: () => undefined, error: () => undefined } });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('answers a case id with broken percent-encoding with 400', async () => {
    expect((await request(base, 'GET', `${API_BASE}/cases/%E0%A4%A`)).json).toEqual(boom(400, 'Bad Request', 'Bad Request'));
  });

  it('answers the findings path with a trailing slash with 404', async () => {
    expect((await request(base, 'GET', `${API_BASE}/findings/`)).status).toBe(404);
  });

  it('refuses writes without osd-xsrf and from another OSD version', async () => {
    const noXsrf = await request(base, 'DELETE', `${API_BASE}/cases/abc`);
    expect(noXsrf.json).toEqual(boom(400, 'Bad Request', 'Request must contain the osd-xsrf header.'));
    const old = await request(base, 'POST', `${API_BASE}/cases`, { headers: { 'osd-version': '1.0.0', 'content-type': 'application/json' }, body: '{"title":"t"}' });
    expect(old.status).toBe(400);
    expect(old.json.attributes).toEqual({ expected: TARGET_OSD_VERSION, got: '1.0.0' });
  });

  it('hands a case body sent as text/plain to the plugin validation as a string', async () => {
    const r = await request(base, 'POST', `${API_BASE}/cases`, { headers: { 'osd-xsrf': 'true', 'content-type': 'text/plain' }, body: '{"title":"t"}' });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/^\[request body\]: /);
  });
});
