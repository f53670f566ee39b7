import fs from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import path from 'path';
import { REPO_ROOT } from '../../scripts/build/bundle_public';
import { createAppServer, DEV_BUILD_NUMBER, themeOf } from './app_page';
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

async function serve(dist: boolean): Promise<{ server: http.Server; base: string }> {
  const host = { locale: 'en', browserConfig: {}, resolveCapabilities: async () => ({}) } as unknown as ServerHost;
  const handler = createAppServer(host, { dist });
  const server = http.createServer((req, res) => {
    void handler(req, res, new URL(req.url ?? '/', 'http://localhost')).then((done) => {
      if (!done) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The bundle URLs the page's bootstrap loads, and the page's stylesheet. */
async function pageAssets(base: string): Promise<{ scripts: string[]; stylesheet: string; buildNumber: number }> {
  const html = await (await fetch(`${base}/app/siemInvestigations`)).text();
  const metadata = JSON.parse(/data="([^"]*)"/.exec(html)![1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  const bootstrap = await (await fetch(`${base}/bootstrap.js`)).text();
  const scripts = JSON.parse(/var urls = (\[[^\]]*\]);/.exec(bootstrap)![1]) as string[];
  return { scripts, stylesheet: /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1], buildNumber: metadata.buildNumber };
}

describe("the bundles, under OSD's build number and cached as OSD's bundles route does outside a distributable", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    ({ server, base } = await serve(false));
  }, 300_000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('names the bundles and the stylesheet under the development build number, and 404s another build\'s', async () => {
    const { scripts, stylesheet, buildNumber } = await pageAssets(base);
    expect(buildNumber).toBe(DEV_BUILD_NUMBER);
    expect(scripts).toEqual([
      `/${DEV_BUILD_NUMBER}/bundles/osd-ui-shared-deps/osd-ui-shared-deps.js`,
      `/${DEV_BUILD_NUMBER}/bundles/core/core.entry.js`,
      `/${DEV_BUILD_NUMBER}/bundles/plugin/siemInvestigations/siemInvestigations.plugin.js`,
    ]);
    expect(stylesheet).toBe(`/${DEV_BUILD_NUMBER}/bundles/osd-ui-shared-deps/osd-ui-shared-deps.v7.light.css`);
    for (const url of [...scripts, stylesheet]) expect((await fetch(base + url)).status).toBe(200);
    expect((await fetch(`${base}/bundles/core/core.entry.js`)).status).toBe(404);
    expect((await fetch(`${base}/12345/bundles/core/core.entry.js`)).status).toBe(404);
  }, 300_000);

  it('sends an etag with must-revalidate, and a 304 without a body when the browser has that bundle', async () => {
    const url = `${base}/${DEV_BUILD_NUMBER}/bundles/core/core.entry.js`;
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

describe('the bundles of a distributable (what analysts run): a build number of their own, cached for a year', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    ({ server, base } = await serve(true));
  }, 300_000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('serves every bundle under a build number derived from the bundles, with max-age and no revalidation', async () => {
    const { scripts, buildNumber } = await pageAssets(base);
    expect(buildNumber).not.toBe(DEV_BUILD_NUMBER);
    expect(Number.isSafeInteger(buildNumber) && buildNumber >= 0).toBe(true);
    expect(scripts.every((s) => s.startsWith(`/${buildNumber}/bundles/`))).toBe(true);
    const res = await fetch(base + scripts[1], { headers: { 'if-none-match': '"anything"' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('max-age=31536000');
    expect(res.headers.get('etag')).toBeNull();
    expect((await res.text()).length).toBeGreaterThan(1000);
    // Served again, the page names the same build: the bundles did not change.
    expect((await pageAssets(base)).buildNumber).toBe(buildNumber);
    expect((await fetch(`${base}/${DEV_BUILD_NUMBER}/bundles/core/core.entry.js`)).status).toBe(404);
  }, 300_000);
});
