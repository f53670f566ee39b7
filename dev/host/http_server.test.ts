import { AddressInfo } from 'net';
import http from 'http';
import { createHttpServer } from './http_server';
import { Router } from './router';

/** The dev host must fail where OSD fails: these are OSD's router and response-factory rules. */
describe('dev host HTTP contract', () => {
  const router = new Router();
  const errors: string[] = [];
  let server: http.Server;
  let base: string;

  const body = (data: unknown, res: any) =>
    data && typeof data === 'object' && 'name' in (data as object) ? res.ok(data) : res.badRequest('name is required');

  router.post({ path: '/api/t/echo/{id}', validate: { body, params: (p: unknown, res: any) => res.ok(p) } }, (_c, req: any, res) =>
    res.ok({ body: { params: req.params, body: req.body } })
  );
  router.get({ path: '/api/t/plain', validate: false }, () => ({ status: 200, payload: 'hand-made' }));
  router.get({ path: '/api/t/no-body-error', validate: false }, (_c, _r, res) => res.customError({ statusCode: 418 } as any));
  router.get({ path: '/api/t/error', validate: false }, (_c, _r, res) => res.customError({ statusCode: 409, body: { message: 'stale' } }));
  router.get({ path: '/api/t/throws', validate: false }, () => {
    throw new Error('boom');
  });
  router.get({ path: '/api/t/optional/{id?}', validate: false }, (_c, req: any, res) => res.ok({ body: { ok: true, url: req.url.pathname } }));

  beforeAll(async () => {
    server = createHttpServer({ router, createContext: () => ({}), logger: { info: () => undefined, error: (m) => errors.push(String(m)) } });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const post = (path: string, payload: string, headers: Record<string, string> = { 'osd-xsrf': 'x', 'content-type': 'application/json' }) =>
    fetch(base + path, { method: 'POST', body: payload, headers });

  it('validates with functions and hands the handler the validated values', async () => {
    const r = await post('/api/t/echo/a%2Fb', JSON.stringify({ name: 'x' }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ params: { id: 'a/b' }, body: { name: 'x' } });
  });

  it('answers a validation failure with 400 and the part of the request', async () => {
    const r = await post('/api/t/echo/1', JSON.stringify({}));
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: '[request body]: name is required' });
  });

  it('requires the osd-xsrf header on writes', async () => {
    const r = await post('/api/t/echo/1', JSON.stringify({ name: 'x' }), { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    expect((await r.json()).message).toMatch(/osd-xsrf/);
  });

  it('rejects malformed JSON', async () => {
    const r = await post('/api/t/echo/1', '{"name":');
    expect(r.status).toBe(400);
    expect((await r.json()).message).toBe('Invalid request payload JSON format');
  });

  it('fails like OSD when a handler returns a plain object', async () => {
    const r = await fetch(base + '/api/t/plain');
    expect(r.status).toBe(500);
    expect(errors.some((e) => e.includes('Unexpected result from Route Handler'))).toBe(true);
  });

  it('fails like OSD when customError has no body', async () => {
    expect((await fetch(base + '/api/t/no-body-error')).status).toBe(500);
  });

  it('hides thrown errors behind a generic 500', async () => {
    const r = await fetch(base + '/api/t/throws');
    expect(r.status).toBe(500);
    expect((await r.json()).message).toBe('An internal server error occurred.');
  });

  it('sends error responses in the Boom format', async () => {
    const r = await fetch(base + '/api/t/error');
    expect(r.status).toBe(409);
    expect(await r.json()).toEqual({ statusCode: 409, error: 'Conflict', message: 'stale' });
  });

  it('supports optional path parameters', async () => {
    expect((await fetch(base + '/api/t/optional')).status).toBe(200);
    expect((await fetch(base + '/api/t/optional/x')).status).toBe(200);
  });

  it('refuses a route without validate at registration, as OSD does', () => {
    expect(() => router.get({ path: '/api/t/x' } as any, () => undefined)).toThrow(/Use 'false'/);
  });
});

describe('dev host plugin loading', () => {
  it('hands the browser only the config keys the plugin exposes, as OSD does', async () => {
    const { loadServerPlugin } = await import('./core_server');
    const path = await import('path');
    const host = await loadServerPlugin({
      pluginDir: path.resolve(__dirname, '../..'),
      opensearch: {} as any,
      config: { sources: { cloudtrail: { indexPattern: 'ct-*' } }, enabled: true },
    });
    expect(host.browserConfig).toEqual({ sources: { cloudtrail: { indexPattern: 'ct-*' } } });
    expect(host.capabilities).toEqual({ siemInvestigations: { show: true, save: true } });
    expect(host.savedObjectTypes.map((t) => t.name)).toEqual(['siem-investigation-case']);
  });
});
