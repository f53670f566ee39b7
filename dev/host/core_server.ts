import path from 'path';
import Module from 'module';
import type http from 'http';
import type { Client } from '@opensearch-project/opensearch';
import { CONFIG_PATH, TARGET_OSD_VERSION } from '../../common/constants';
import type { CoreSetup, CoreStart, Logger, OpenSearchClient, PluginInitializerContext, RequestHandlerContext, SavedObjectsClientContract, SavedObjectsType } from '../../server/types';
import { Type } from './config_schema';
import { initServerTranslations, translationsResponse } from './i18n/host';
import { Router } from './router';
import type { DevHostSecurity } from './security';

/**
 * Outside OSD, `@osd/config-schema` and `@osd/i18n` resolve to this repository's stand-ins (jest
 * maps them the same way); inside an OSD checkout the real packages are found first and used.
 */
const STAND_INS: Record<string, string> = {
  '@osd/config-schema': require.resolve('./config_schema'),
  '@osd/i18n': require.resolve('./i18n/index'),
};

function provideOsdPackages(pluginDir: string): void {
  const m = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; __osdStandIns?: Set<string> };
  const missing = Object.keys(STAND_INS).filter((name) => {
    if (m.__osdStandIns?.has(name)) return false;
    try {
      require.resolve(name, { paths: [pluginDir] });
      return false;
    } catch {
      return true; // not inside OSD
    }
  });
  if (!missing.length) return;
  const resolve = m._resolveFilename;
  m._resolveFilename = function (request: string, ...rest: unknown[]) {
    return missing.includes(request) ? STAND_INS[request] : resolve.call(this, request, ...rest);
  };
  m.__osdStandIns = new Set([...(m.__osdStandIns ?? []), ...missing]);
}

/**
 * What OSD's plugin service does with the plugin's `config` export: the schema must be a config
 * schema Type, and the `siem_investigations.*` settings are validated by it (defaults applied,
 * unknown keys refused) before the plugin sees them.
 */
export function validatePluginConfig(descriptor: { schema?: unknown } | undefined, raw: Record<string, unknown>): Record<string, unknown> {
  if (!descriptor) return raw;
  if (!(descriptor.schema instanceof Type)) throw new Error('Configuration schema expected to be an instance of Type');
  return descriptor.schema.validate(raw, { dev: true, prod: false }, `config validation of [${CONFIG_PATH}]`) as Record<string, unknown>;
}

/**
 * The server half of OSD core that the plugin sees: the initializer context, `CoreSetup` and the
 * per-request handler context, typed by the plugin's own contract types (server/types.ts), so
 * that what the host offers and what the plugin expects cannot drift apart silently.
 */
export interface ServerHost {
  router: Router;
  savedObjectTypes: SavedObjectsType[];
  capabilities: Record<string, Record<string, boolean>>;
  /** OSD's `capabilities.resolveCapabilities(request)`: the providers' capabilities through the switchers. */
  resolveCapabilities: (req: { headers: http.IncomingHttpHeaders | Readonly<Record<string, unknown>> }) => Promise<Record<string, Record<string, boolean>>>;
  /** The config keys the plugin's `config.exposeToBrowser` names, as OSD injects them into the page. */
  browserConfig: Record<string, unknown>;
  createContext: (req: http.IncomingMessage) => RequestHandlerContext;
  /** The configured `i18n.locale`. */
  locale: string;
  /** `GET /translations/<locale>.json`: the configured locale's translation as JSON, or null for another locale (404). */
  translations: (locale: string) => string | null;
}

export interface ServerHostOptions {
  /** Folder holding `server/` (the source tree, or the unpacked plugin from the built zip). */
  pluginDir: string;
  opensearch: Client;
  /** The plugin's config slice (`siem_investigations.*`). */
  config: Record<string, unknown>;
  /** OSD's `i18n.locale` (opensearch_dashboards.yml): the locale server code translates in; default `en`. */
  locale?: string;
  /** Builds the saved objects client for one request, once types are registered. */
  createSavedObjectsClient?: (types: SavedObjectsType[], req: http.IncomingMessage) => SavedObjectsClientContract;
  log?: (level: string, msg: string) => void;
  /** With the security plugin: the request's `asCurrentUser` client and core's read-only service (security.ts). */
  security?: Pick<DevHostSecurity, 'asScoped' | 'readonlyService' | 'internalClient'>;
}

function logger(log: ServerHostOptions['log'], ctx: string[]): Logger {
  const write = (level: string) => (m: string | Error) => log?.(level, `[${ctx.join('.')}] ${m instanceof Error ? m.stack ?? m.message : m}`);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A context whose saved objects client fails loudly when the host was given none. */
const noSavedObjects = new Proxy({} as SavedObjectsClientContract, {
  get: () => () => Promise.reject(new Error('this dev host has no saved objects client')),
});

export async function loadServerPlugin(opts: ServerHostOptions): Promise<ServerHost> {
  // Exactly what OSD's plugin loader does: require `<plugin>/server`, call the named `plugin` export.
  provideOsdPackages(opts.pluginDir);
  // As OSD's i18n mixin, before any plugin code runs: the plugins' translations for `i18n.locale`.
  const locale = opts.locale ?? 'en';
  await initServerTranslations(opts.pluginDir, locale);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(path.join(opts.pluginDir, 'server'));
  if (!('plugin' in mod)) throw new Error(`Plugin at ${opts.pluginDir} does not export "plugin" definition.`);
  if (typeof mod.plugin !== 'function') throw new Error(`Definition of plugin at ${opts.pluginDir} should be a function.`);
  const config = validatePluginConfig(mod.config, opts.config);

  const router = new Router();
  const savedObjectTypes: SavedObjectsType[] = [];
  const capabilityProviders: Array<() => Record<string, Record<string, boolean>>> = [];
  type Capabilities = Record<string, Record<string, boolean>>;
  const capabilitySwitchers: Array<(request: any, capabilities: Capabilities) => Partial<Capabilities> | Promise<Partial<Capabilities>>> = [];
  let resolveStart: (start: [CoreStart, unknown, unknown]) => void = () => undefined;
  const startServices = new Promise<[CoreStart, unknown, unknown]>((resolve) => (resolveStart = resolve));

  const initializerContext: PluginInitializerContext = {
    env: { mode: { dev: true, prod: false }, packageInfo: { version: TARGET_OSD_VERSION } },
    logger: { get: (...ctx: string[]) => logger(opts.log, ['plugins', 'siemInvestigations', ...ctx]) },
    config: {
      create: <T>() => ({ subscribe: (fn: (v: T) => void) => (fn(config as T), { unsubscribe() {} }) }),
    },
  };
  const instance = mod.plugin(initializerContext);
  if (!instance || typeof instance.setup !== 'function') throw new Error('Instance of plugin does not define "setup" function.');

  let setupDone = false;
  const coreSetup: CoreSetup = {
    http: { createRouter: () => router, basePath: { serverBasePath: '' } },
    savedObjects: {
      registerType: (type) => {
        if (setupDone) throw new Error('cannot call `registerType` after service startup.');
        if (savedObjectTypes.some((t) => t.name === type.name)) throw new Error(`Type '${type.name}' is already registered`);
        savedObjectTypes.push(type);
      },
    },
    capabilities: {
      registerProvider: (p) => capabilityProviders.push(p),
      registerSwitcher: (s) => capabilitySwitchers.push(s),
    },
    // Core's read-only service; security dashboards registers the one that knows tenants.
    security: { readonlyService: () => opts.security?.readonlyService ?? { hideForReadonly: async (_r, capabilities) => capabilities } },
    getStartServices: () => startServices,
  };
  await instance.setup(coreSetup, {});
  setupDone = true;

  const capabilities: Record<string, Record<string, boolean>> = {};
  for (const p of capabilityProviders) Object.assign(capabilities, p());
  // OSD's resolver: each switcher sees the capabilities so far; only known keys are changed.
  const resolveCapabilities: ServerHost['resolveCapabilities'] = async (req) => {
    let resolved: Capabilities = JSON.parse(JSON.stringify(capabilities));
    for (const switcher of capabilitySwitchers) {
      const changes = await switcher(req, resolved);
      const next: Capabilities = { ...resolved };
      for (const [app, flags] of Object.entries(changes ?? {})) {
        if (!next[app] || !flags) continue;
        next[app] = { ...next[app] };
        for (const [k, v] of Object.entries(flags)) if (k in next[app] && typeof v === 'boolean') next[app][k] = v;
      }
      resolved = next;
    }
    return resolved;
  };

  const internal = opts.security?.internalClient ?? opts.opensearch;
  const coreStart = { opensearch: { client: { asInternalUser: internal } }, capabilities: { resolveCapabilities } };
  resolveStart([coreStart, {}, {}]);
  await instance.start?.(coreStart, {});

  const exposed: Record<string, boolean> = mod.config?.exposeToBrowser ?? {};
  const browserConfig = Object.fromEntries(Object.entries(config).filter(([k]) => exposed[k] === true));

  return {
    router,
    savedObjectTypes,
    capabilities,
    resolveCapabilities,
    browserConfig,
    locale,
    translations: (requested) => translationsResponse(opts.pluginDir, requested),
    createContext: (req) => ({
      core: {
        // Without the security plugin the current user is whoever runs the dev host. (Cast: the
        // plugin's transport typing is narrower than opensearch-js's own.)
        opensearch: { client: { asCurrentUser: (opts.security?.asScoped(req) ?? opts.opensearch) as unknown as OpenSearchClient } },
        savedObjects: { client: opts.createSavedObjectsClient?.(savedObjectTypes, req) ?? noSavedObjects },
      },
    }),
  };
}
