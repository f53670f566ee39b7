/**
 * The dev host's browser core: builds `CoreSetup`/`CoreStart` with only what the plugin uses
 * (http, notifications.toasts, chrome.setBreadcrumbs, application), loads every UI plugin the way
 * OSD's plugin_reader does (`__osdBundles__.get('plugin/<id>/public').plugin` must be a function),
 * runs setup then start, and mounts the app the URL names with OSD's mount parameters.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserHistory } from 'history';
import { EuiEmptyPrompt, EuiPage, EuiPageBody } from '@elastic/eui';
import { i18n } from '@osd/i18n';
import { I18nProvider } from '@osd/i18n/react';
import { createApplication } from './application';
import { createChrome } from './chrome';
import { DEV_DISCOVER_APP_ID, mountDevDiscover } from './dev_discover_app';
import { createDiscoverSetup, createExploreSetup } from './discover_registries';
import { createBasePath, createHttp } from './http';

/** What the server injects into the page (`<osd-injected-metadata data="…">`), as OSD does. */
interface InjectedMetadata {
  version: string;
  /** OSD's `buildNumber`: the release's build in a distributable, `Number.MAX_SAFE_INTEGER` otherwise. */
  buildNumber: number;
  /** Served as a distributable (`env.packageInfo.dist`). */
  dist: boolean;
  basePath: string;
  appId: string;
  uiPlugins: Array<{ id: string; plugin?: { requiredPlugins: string[]; optionalPlugins: string[] }; config?: Record<string, unknown> }>;
  capabilities: Record<string, unknown>;
  /** The configured `i18n.locale` and where its translation is served (OSD's rendering service). */
  locale: string;
  i18n: { translationsUrl: string };
}

interface PublicPlugin {
  setup(core: unknown, deps: Record<string, unknown>): unknown;
  start?(core: unknown, deps: Record<string, unknown>): unknown;
}

declare global {
  interface Window {
    __osdBundles__: { define(key: string, bundleRequire: (key?: unknown) => unknown, bundleModuleKey?: unknown): void; get(key: string): any };
    __osdDevHost__?: { unmountApp(): void };
  }
}

function readMetadata(): InjectedMetadata {
  const el = document.querySelector('osd-injected-metadata');
  if (!el) throw new Error('osd-injected-metadata is missing from the page');
  return JSON.parse(el.getAttribute('data') ?? '{}');
}

function readPlugin(id: string): (ctx: unknown) => PublicPlugin {
  const mod = window.__osdBundles__.get(`plugin/${id}/public`);
  if (!mod || typeof mod.plugin !== 'function') throw new Error(`Definition of plugin "${id}" should be a function.`);
  return mod.plugin;
}

function showFatal(error: unknown) {
  const el = document.getElementById('osd_app')!;
  el.textContent = '';
  const pre = document.createElement('pre');
  pre.setAttribute('data-test-subj', 'fatalError');
  pre.style.cssText = 'margin:24px;padding:16px;background:#F8E9E9;color:#BD271E;white-space:pre-wrap';
  pre.textContent = `OpenSearch Dashboards did not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
  el.appendChild(pre);
}

async function bootstrap() {
  const meta = readMetadata();
  // As OSD's bootstrap: the locale's translations are loaded before any plugin runs.
  await i18n.load(meta.i18n.translationsUrl);
  const basePath = createBasePath(meta.basePath);
  const http = createHttp(basePath, meta.version);
  const application = createApplication(basePath, meta.capabilities);
  const chrome = createChrome('OpenSearch Dashboards');

  createRoot(document.getElementById('osd_chrome')!).render(
    <>
      <chrome.Header />
      <chrome.Toasts />
    </>
  );

  let resolveStart!: (v: unknown) => void;
  const startServices = new Promise((resolve) => (resolveStart = resolve));
  const notifications = { toasts: chrome.toasts };
  const coreSetup = { application: application.setup, http, notifications, getStartServices: () => startServices };
  // OSD's I18nService: `i18n.Context` gives a subtree the loaded locale (I18nProvider).
  const i18nStart = { Context: ({ children }: { children?: React.ReactNode }) => <I18nProvider>{children}</I18nProvider> };
  const coreStart = { application: application.start, http, notifications, chrome: chrome.start, i18n: i18nStart };

  // The host's own stand-ins for the Discover and Explore plugins: their setup contracts, and a
  // page that renders what was registered with them (as OSD's discover plugin registers its app).
  const discover = createDiscoverSetup();
  const explore = createExploreSetup();
  const hostContracts: Record<string, unknown> = { discover: discover.contract, explore: explore.contract };
  application.setup.register({
    id: DEV_DISCOVER_APP_ID,
    title: 'Discover (dev host)',
    mount: (params: unknown) => mountDevDiscover((params as { element: HTMLElement }).element, { http, chrome: chrome.start, discover, explore }),
  });

  const plugins = meta.uiPlugins.map(({ id, plugin, config }) => ({
    id,
    // As OSD: a plugin's setup deps are the plugins its manifest lists, when they are present.
    dependsOn: [...(plugin?.requiredPlugins ?? []), ...(plugin?.optionalPlugins ?? [])],
    instance: readPlugin(id)({
      opaqueId: Symbol(id),
      env: { mode: { dev: true, prod: false, name: 'development' }, packageInfo: { version: meta.version, branch: 'dev', buildNum: meta.buildNumber, buildSha: 'dev', dist: meta.dist } },
      config: { get: () => config ?? {} },
    }),
  }));
  const setupContracts: Record<string, unknown> = {};
  const depsOf = (p: { dependsOn: string[] }, contracts: Record<string, unknown>) =>
    Object.fromEntries(p.dependsOn.filter((d) => d in contracts).map((d) => [d, contracts[d]]));
  for (const p of plugins) setupContracts[p.id] = await p.instance.setup(coreSetup, depsOf(p, { ...hostContracts, ...setupContracts }));
  application.endSetup();
  const startContracts: Record<string, unknown> = {};
  for (const p of plugins) startContracts[p.id] = await p.instance.start?.(coreStart, {});
  resolveStart([coreStart, {}, {}]);

  const app = application.apps.get(meta.appId);
  const element = document.getElementById('osd_app')!;
  if (!app) {
    // As OSD's AppNotFound: the dev host runs only this plugin (Discover links land here).
    createRoot(element).render(
      <EuiPage>
        <EuiPageBody>
          <EuiEmptyPrompt
            iconType="alert"
            title={<h2>Application Not Found</h2>}
            body={<p data-test-subj="appNotFound">No application with the id "{meta.appId}" is registered in the dev host.</p>}
          />
        </EuiPageBody>
      </EuiPage>
    );
    return;
  }
  document.title = `${app.title} - OpenSearch Dashboards`;
  const appBasePath = basePath.prepend(`/app/${app.id}`);
  const unmount = await app.mount({
    element,
    history: createBrowserHistory({ basename: appBasePath }),
    appBasePath,
    onAppLeave: () => undefined,
    setHeaderActionMenu: chrome.setHeaderActionMenu,
  });
  window.__osdDevHost__ = { unmountApp: () => unmount() };
}

window.__osdBundles__.define('entry/core/public', () => ({
  __osdBootstrap__: () => bootstrap().catch(showFatal),
}));
