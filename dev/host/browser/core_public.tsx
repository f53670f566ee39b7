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
import { createApplication } from './application';
import { createChrome } from './chrome';
import { createBasePath, createHttp } from './http';

/** What the server injects into the page (`<osd-injected-metadata data="…">`), as OSD does. */
interface InjectedMetadata {
  version: string;
  basePath: string;
  appId: string;
  uiPlugins: Array<{ id: string; config?: Record<string, unknown> }>;
  capabilities: Record<string, unknown>;
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
  const coreStart = { application: application.start, http, notifications, chrome: chrome.start };

  const plugins = meta.uiPlugins.map(({ id, config }) => ({
    id,
    instance: readPlugin(id)({
      opaqueId: Symbol(id),
      env: { mode: { dev: true, prod: false, name: 'development' }, packageInfo: { version: meta.version, branch: 'dev', buildNum: 0, buildSha: 'dev', dist: false } },
      config: { get: () => config ?? {} },
    }),
  }));
  const setupContracts: Record<string, unknown> = {};
  for (const p of plugins) setupContracts[p.id] = await p.instance.setup(coreSetup, {});
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
