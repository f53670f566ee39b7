/**
 * `core.application` of the browser: apps registered during setup only, URLs built like OSD's
 * `getAppUrl`/`appendAppPath` (src/core/public/application/utils.ts), navigation by URL.
 */
import type { BasePath } from './http';

export interface RegisteredApp {
  id: string;
  title: string;
  appRoute?: string;
  mount: (params: unknown) => (() => void) | Promise<() => void>;
  [key: string]: unknown;
}

function removeSlashes(url: string, { trailing = false }: { trailing?: boolean } = {}): string {
  url = url.replace(/\/{2,}/g, '/');
  return trailing ? url.replace(/\/$/, '') : url;
}

export function appendAppPath(appBasePath: string, path = ''): string {
  const p = path === '' || path.startsWith('#') || path.startsWith('?') ? path : `/${path}`;
  return removeSlashes(`${appBasePath}${p}`, { trailing: p.indexOf('#') === -1 });
}

export function createApplication(basePath: BasePath, capabilities: Record<string, unknown>) {
  const apps = new Map<string, RegisteredApp>();
  let setupDone = false;

  const appPath = (appId: string) => {
    const route = apps.get(appId)?.appRoute;
    return route ? `/${route.replace(/^\//, '')}` : `/app/${appId}`;
  };
  const getUrlForApp = (appId: string, { path, absolute = false }: { path?: string; absolute?: boolean } = {}) => {
    const relative = basePath.prepend(appendAppPath(appPath(appId), path));
    return absolute ? new URL(relative, window.location.href).toString() : relative;
  };
  const navigateToUrl = async (url: string) => {
    window.location.assign(url);
  };

  return {
    apps,
    /** OSD forbids registering apps after setup. */
    endSetup: () => {
      setupDone = true;
    },
    setup: {
      register: (app: RegisteredApp) => {
        if (setupDone) throw new Error('Applications cannot be registered after "setup"');
        if (apps.has(app.id)) throw new Error(`An application is already registered with the id "${app.id}"`);
        apps.set(app.id, app);
      },
    },
    start: {
      capabilities,
      getUrlForApp,
      navigateToApp: async (appId: string, { path, replace }: { path?: string; replace?: boolean } = {}) => {
        const url = getUrlForApp(appId, { path });
        if (replace) window.location.replace(url);
        else window.location.assign(url);
      },
      navigateToUrl,
    },
  };
}
