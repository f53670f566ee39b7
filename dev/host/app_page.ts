/**
 * The browser half of the dev host: serves `/app/<id>` as OSD does — a page with the CSS of the
 * theme the uiSettings name (light or dark, `theme:version`),
 * the injected metadata, and a bootstrap script that defines `window.__osdBundles__` (OSD's
 * osd_bundles_loader semantics), loads the shared deps, the core and the plugin bundle in order,
 * then calls `__osdBundles__.get('entry/core/public').__osdBootstrap__()`. Bundles are (re)built
 * with esbuild when missing or older than their sources. Use as `startDevHost({ serveStatic: createAppServer })`.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import http from 'http';
import path from 'path';
import { APP_ID, PLUGIN_ID, TARGET_OSD_VERSION } from '../../common/constants';
import { buildAll, OUTPUTS, REPO_ROOT, staleBundles } from '../../scripts/build/bundle_public';
import type { ServerHost } from './core_server';
import { createDevDiscoverHandler, DevDiscoverOptions } from './dev_discover';

/** OSD 3.6+'s strict policy (no `unsafe-eval`), so a bundle that needs eval fails here first. */
export const CONTENT_SECURITY_POLICY = "script-src 'self'; worker-src blob: 'self'; style-src 'unsafe-inline' 'self'";

/**
 * OSD's themes: `theme:version` (v7, or v8/v9 — stored by their labels too) and `theme:darkMode`
 * make the theme tag (`v7dark`, …) the page exposes as `window.__osdThemeTag__`, which
 * `@osd/ui-shared-deps/theme` reads, and pick the stylesheet `osd-ui-shared-deps.<version>.<mode>.css`
 * (packages/osd-ui-shared-deps/theme_config.js). Here each is OUI's CSS of that theme.
 */
const THEME_VERSIONS: Record<string, 'v7' | 'v8' | 'v9'> = { v7: 'v7', v8: 'v8', 'Next (preview)': 'v8', v9: 'v9', 'v9 (preview)': 'v9' };
const OUI_CSS: Record<'v7' | 'v8' | 'v9', string> = { v7: 'eui_theme', v8: 'eui_theme_next', v9: 'eui_theme_v9' };

export interface UiSettingsOverrides {
  'theme:darkMode'?: boolean;
  'theme:version'?: string;
}

/** The theme of a page, as OSD's rendering service derives it from the uiSettings. */
export function themeOf(settings: UiSettingsOverrides = {}): { version: 'v7' | 'v8' | 'v9'; mode: 'light' | 'dark'; tag: string; stylesheet: string } {
  const version = THEME_VERSIONS[settings['theme:version'] ?? 'v7'] ?? 'v7';
  const mode = settings['theme:darkMode'] === true ? 'dark' : 'light';
  return { version, mode, tag: `${version}${mode}`, stylesheet: `/bundles/osd-ui-shared-deps/osd-ui-shared-deps.${version}.${mode}.css` };
}

const THEME_FILES = Object.fromEntries(
  (['v7', 'v8', 'v9'] as const).flatMap((v) =>
    (['light', 'dark'] as const).map((m) => [
      `/bundles/osd-ui-shared-deps/osd-ui-shared-deps.${v}.${m}.css`,
      { file: path.join(REPO_ROOT, `node_modules/@elastic/eui/dist/${OUI_CSS[v]}_${m}.min.css`), type: 'text/css' },
    ])
  )
);

const FILES: Record<string, { file: string; type: string }> = {
  ...THEME_FILES,
  '/bundles/osd-ui-shared-deps/osd-ui-shared-deps.js': { file: OUTPUTS.sharedDeps, type: 'application/javascript' },
  '/bundles/core/core.entry.js': { file: OUTPUTS.core, type: 'application/javascript' },
  [`/bundles/plugin/${PLUGIN_ID}/${PLUGIN_ID}.plugin.js`]: { file: OUTPUTS.plugin, type: 'application/javascript' },
};

const SCRIPTS = ['/bundles/osd-ui-shared-deps/osd-ui-shared-deps.js', '/bundles/core/core.entry.js', `/bundles/plugin/${PLUGIN_ID}/${PLUGIN_ID}.plugin.js`];

/**
 * OSD's build number outside a distributable (packages/osd-config/src/env.ts): the bundles are
 * served under `/<buildNum>/bundles/` either way (core_app's bundle routes).
 */
export const DEV_BUILD_NUMBER = Number.MAX_SAFE_INTEGER;

/** OSD's `__osdBundles__` (src/optimize/bundles_route/osd_bundles_loader_source.js) and its script loader. */
function bootstrapScript(bundlesBase: string, themeTag: string): string {
  return `window.__osdThemeTag__ = ${JSON.stringify(themeTag)};
(function () {
  var modules = {};
  function has(key) { return Object.prototype.hasOwnProperty.call(modules, key); }
  function define(key, bundleRequire, bundleModuleKey) {
    if (has(key)) throw new Error('__osdBundles__ already has a module defined for "' + key + '"');
    modules[key] = { bundleRequire: bundleRequire, bundleModuleKey: bundleModuleKey };
  }
  function get(key) {
    if (!has(key)) throw new Error('__osdBundles__ does not have a module defined for "' + key + '"');
    return modules[key].bundleRequire(modules[key].bundleModuleKey);
  }
  window.__osdBundles__ = { has: has, define: define, get: get };

  var urls = ${JSON.stringify(SCRIPTS.map((s) => bundlesBase + s))};
  var failed = false;
  urls.forEach(function (url, i) {
    var script = document.createElement('script');
    script.src = url;
    script.async = false;
    script.onerror = function () {
      failed = true;
      document.getElementById('osd_app').textContent = 'Failed to load ' + url;
    };
    if (i === urls.length - 1) {
      script.onload = function () {
        if (!failed) window.__osdBundles__.get('entry/core/public').__osdBootstrap__();
      };
    }
    document.body.appendChild(script);
  });
})();
`;
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pageHtml(basePath: string, locale: string, metadata: Record<string, unknown>, stylesheet: string): string {
  const buildNum = metadata.buildNumber as number;
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>OpenSearch Dashboards</title>
<link rel="stylesheet" href="${basePath}/${buildNum}${stylesheet}">
</head>
<body>
<osd-injected-metadata data="${escapeAttribute(JSON.stringify(metadata))}"></osd-injected-metadata>
<div id="osd_chrome"></div>
<div id="osd_app" class="app-wrapper"></div>
<script src="${basePath}/bootstrap.js"></script>
</body>
</html>
`;
}

export interface AppServerOptions {
  basePath?: string;
  /**
   * The plugin's browser bundle to serve, e.g. `target/public/siemInvestigations.plugin.js` of the
   * unpacked zip, so the host runs exactly what ships. Default: built from source on demand.
   */
  pluginBundle?: string;
  /** The plugin's manifest folder: its `requiredPlugins`/`optionalPlugins` decide which setup deps it gets. */
  manifestDir?: string;
  /** Documents for the Discover stand-in at `/app/dev-discover`; without it the page lists nothing. */
  discover?: DevDiscoverOptions;
  /** OSD's `uiSettings.overrides` (opensearch_dashboards.yml): `theme:darkMode`, `theme:version`. */
  uiSettings?: UiSettingsOverrides;
  /**
   * Serve as an OSD distributable does (`packageInfo.dist`, what analysts run): bundles under a build
   * number that changes with them, cached by the browser for a year without asking again
   * (dynamic_asset_response.ts). Default: as OSD in development — build number
   * `Number.MAX_SAFE_INTEGER`, an etag and `must-revalidate`, so every load asks (304).
   */
  dist?: boolean;
}

/** `uiPlugins[].plugin` of OSD's injected metadata: the parts of the manifest the browser reads. */
function discoveredPlugin(manifestDir: string) {
  const manifest = JSON.parse(fs.readFileSync(path.join(manifestDir, 'opensearch_dashboards.json'), 'utf8'));
  return { id: manifest.id, requiredPlugins: manifest.requiredPlugins ?? [], optionalPlugins: manifest.optionalPlugins ?? [] };
}

const bundleCache = new Map<string, { mtimeMs: number; size: number; etag: string; body: Buffer }>();

/** A bundle file and its etag (a hash of its content), read again only when it changed on disk. */
async function bundleFile(file: string): Promise<{ etag: string; body: Buffer }> {
  const stat = await fs.promises.stat(file);
  const cached = bundleCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  const body = await fs.promises.readFile(file);
  const entry = { mtimeMs: stat.mtimeMs, size: stat.size, etag: `"${createHash('sha1').update(body).digest('hex')}"`, body };
  bundleCache.set(file, entry);
  return entry;
}

/** A distributable's build number: one per set of bundles, so a rebuilt bundle is never served from a browser's cache. */
async function distBuildNumber(files: Array<{ file: string }>): Promise<number> {
  const hash = createHash('sha1');
  for (const f of files) hash.update((await bundleFile(f.file)).etag);
  return parseInt(hash.digest('hex').slice(0, 8), 16);
}

export function createAppServer(host: ServerHost, opts: AppServerOptions = {}) {
  const basePath = opts.basePath ?? '';
  const dist = opts.dist === true;
  const files = { ...FILES };
  if (opts.pluginBundle) files[`/bundles/plugin/${PLUGIN_ID}/${PLUGIN_ID}.plugin.js`] = { file: opts.pluginBundle, type: 'application/javascript' };
  const plugin = discoveredPlugin(opts.manifestDir ?? REPO_ROOT);
  const discoverHits = opts.discover ? createDevDiscoverHandler(opts.discover) : undefined;
  const theme = themeOf(opts.uiSettings);
  let building: Promise<unknown> | null = null;
  const bundlesReady = () => {
    // A given plugin bundle is served as it is; only the host's own bundles are (re)built.
    const stale = staleBundles().filter((b) => !(opts.pluginBundle && b === 'plugin'));
    if (!stale.length) return Promise.resolve();
    building ??= buildAll(stale).finally(() => {
      building = null;
    });
    return building;
  };

  const scriptFiles = () => SCRIPTS.map((s) => files[s]);
  const buildNumber = async () => (dist ? distBuildNumber(scriptFiles()) : DEV_BUILD_NUMBER);

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': `${type}; charset=utf-8`,
      'cache-control': 'private, no-cache, no-store, must-revalidate',
      'x-content-type-options': 'nosniff',
      ...headers,
    });
    res.end(body);
  };

  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = basePath && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;

    if (pathname === '/' || pathname === '/app' || pathname === '/app/') {
      res.writeHead(302, { location: `${basePath}/app/${APP_ID}` });
      res.end();
      return true;
    }
    const app = /^\/app\/([^/]+)/.exec(pathname);
    if (app) {
      await bundlesReady();
      const buildNum = await buildNumber();
      send(
        res,
        200,
        'text/html',
        pageHtml(basePath, host.locale, {
          version: TARGET_OSD_VERSION,
          buildNumber: buildNum,
          dist,
          basePath,
          locale: host.locale,
          i18n: { translationsUrl: `${basePath}/translations/${encodeURIComponent(host.locale)}.json` },
          appId: decodeURIComponent(app[1]),
          uiPlugins: [{ id: PLUGIN_ID, plugin, config: host.browserConfig }],
          capabilities: await host.resolveCapabilities(req),
        }, theme.stylesheet),
        { 'content-security-policy': CONTENT_SECURITY_POLICY }
      );
      return true;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (discoverHits && (await discoverHits(req, res, new URL(pathname + url.search, url)))) return true;
    const translations = /^\/translations\/([^/]+)\.json$/.exec(pathname);
    if (translations) {
      // OSD's route (ui_render_mixin): no auth; only the configured locale exists.
      let requested = translations[1];
      try {
        requested = decodeURIComponent(requested);
      } catch {
        // left as it is: it cannot match a locale
      }
      const body = host.translations(requested);
      if (body === null) {
        send(res, 404, 'application/json', JSON.stringify({ statusCode: 404, error: 'Not Found', message: `Unknown locale: ${requested}` }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'must-revalidate', 'x-content-type-options': 'nosniff' });
        res.end(body);
      }
      return true;
    }
    if (pathname === '/bootstrap.js') {
      await bundlesReady();
      send(res, 200, 'application/javascript', bootstrapScript(`${basePath}/${await buildNumber()}`, theme.tag));
      return true;
    }
    // The bundles live under the build number, as OSD's bundle routes (core_app) serve them.
    const numbered = /^\/(\d+)(\/bundles\/.*)$/.exec(pathname);
    if (!numbered) return false;
    await bundlesReady();
    if (Number(numbered[1]) !== (await buildNumber())) return false; // another build's bundles: 404, as OSD
    const file = files[numbered[2]];
    if (file) {
      const { etag, body } = await bundleFile(file.file);
      // OSD's bundles route (dynamic_asset_response.ts): in a distributable, cached for a year
      // (the build number changes with the bundles); otherwise an etag of the file and
      // `must-revalidate`, so the browser keeps the bundle and asks if it changed.
      const headers: Record<string, string> = dist
        ? { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': `max-age=${365 * 24 * 3600}`, 'x-content-type-options': 'nosniff' }
        : { 'content-type': `${file.type}; charset=utf-8`, etag, 'cache-control': 'must-revalidate', 'x-content-type-options': 'nosniff' };
      const match = req.headers['if-none-match'];
      if (!dist && match && match.split(',').some((m) => m.trim() === etag)) {
        res.writeHead(304, headers);
        res.end();
      } else {
        res.writeHead(200, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
      }
      return true;
    }
    return false;
  };
}
