import fs from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import path from 'path';
import { REPO_ROOT } from '../../scripts/build/bundle_public';
import { createAppServer, themeOf } from './app_page';
import type { ServerHost } from './core_server';

describe('the page theme (OSD: theme:version and theme:darkMode → theme tag and stylesheet)', () => {
  it('is v7 light by default, dark when theme:darkMode is true', () => {
    expect(themeOf()).toMatchObject({ tag: 'v7light', stylesheet: '/bundles/osd-ui-shared-deps/osd-ui-shared-deps.v7.light.css' });
    expect(themeOf({ 'theme:darkMode': true })).toMatchObject({ tag: 'v7dark', stylesheet: '/bundles/osd-ui-shared-deps/osd-ui-shared-deps.v7.dark.css' });
  });

  it('reads theme:version by value or by the label OSD once stored, and falls back to v7 for anything else', () => {
    expect(themeOf({ 'theme:version': 'Next (preview)', 'theme:darkMode': true }).tag).toBe('v8dark');
    expect(themeOf({ 'theme:version': 'v9 (preview)' }).tag).toBe('v9light');
    expect(themeOf({ 'theme:version': 'v8' }).tag).toBe('v8light');
    expect(themeOf({ 'theme:version': 'v12' }).tag).toBe('v7light');
  });

  it('has the OUI stylesheet of every theme it can name', () => {
    for (const v of ['v7', 'v8', 'v9']) {
      for (const mode of [false, true]) {
        const { version, mode: m } = themeOf({ 'theme:version': v, 'theme:darkMode': mode });
        const file = path.join(REPO_ROOT, 'node_modules/@elastic/eui/dist', `${{ v7: 'eui_theme', v8: 'eui_theme_next', v9: 'eui_theme_v9' }[version]}_${m}.min.css`);
        expect(fs.statSync(file).size).toBeGreaterThan(100_000);
      }
    }
  });
});

describe("the bundles, cached as OSD's bundles route does outside a distributable", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const handler = createAppServer({ locale: 'en' } as unknown as ServerHost);
    server = http.createServer((req, res) => {
      void handler(req, res, new URL(req.url ?? '/', 'http://localhost')).then((done) => {
        if (!done) {
          res.writeHead(404);
          res.end();
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends an etag with must-revalidate, and a 304 without a body when the browser has that bundle', async () => {
    const url = `${base}/bundles/core/core.entry.js`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('must-revalidate');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect((await first.text()).length).toBeGreaterThan(1000);
    const again = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await fetch(url, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
  }, 300_000);
});
