import path from 'path';
import type http from 'http';
import type { Client } from '@opensearch-project/opensearch';
import { Router } from './router';
import type { DevHostSecurity } from './security';

/**
 * The server half of OSD core that the plugin sees: the initializer context, `CoreSetup` and the
 * per-request handler context. Only what the plugin uses, with OSD's names and shapes.
 */
export interface SavedObjectTypeRegistration {
  name: string;
  [key: string]: unknown;
}

export interface ServerHost {
  router: Router;
  savedObjectTypes: SavedObjectTypeRegistration[];
  capabilities: Record<string, Record<string, boolean>>;
  /** OSD's `capabilities.resolveCapabilities(request)`: the providers' capabilities through the switchers. */
  resolveCapabilities: (req: { headers: http.IncomingHttpHeaders | Readonly<Record<string, unknown>> }) => Promise<Record<string, Record<string, boolean>>>;
  /** The config keys the plugin's `config.exposeToBrowser` names, as OSD injects them into the page. */
  browserConfig: Record<string, unknown>;
  createContext: (req: http.IncomingMessage) => unknown;
}

export interface ServerHostOptions {
  /** Folder holding `server/` (the source tree, or the unpacked plugin from the built zip). */
  pluginDir: string;
  opensearch: Client;
  /** The plugin's config slice (`siem_investigations.*`). */
  config: Record<string, unknown>;
  /** Builds the saved objects client for one request, once types are registered. */
  createSavedObjectsClient?: (types: SavedObjectTypeRegistration[], req: http.IncomingMessage) => unknown;
  log?: (level: string, msg: string) => void;
  /** With the security plugin: the request's `asCurrentUser` client and core's read-only service (security.ts). */
  security?: Pick<DevHostSecurity, 'asScoped' | 'readonlyService' | 'internalClient'>;
}

function logger(log: ServerHostOptions['log'], ctx: string[]) {
  const write = (level: string) => (m: string | Error) => log?.(level, `[${ctx.join('.')}] ${m instanceof Error ? m.stack ?? m.message : m}`);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), fatal: write('fatal') };
}

export async function loadServerPlugin(opts: ServerHostOptions): Promise<ServerHost> {
  // Exactly what OSD's plugin loader does: require `<plugin>/server`, call the named `plugin` export.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(path.join(opts.pluginDir, 'server'));
  if (!('plugin' in mod)) throw new Error(`Plugin at ${opts.pluginDir} does not export "plugin" definition.`);
  if (typeof mod.plugin !== 'function') throw new Error(`Definition of plugin at ${opts.pluginDir} should be a function.`);

  const router = new Router();
  const savedObjectTypes: SavedObjectTypeRegistration[] = [];
  const capabilityProviders: Array<() => Record<string, Record<string, boolean>>> = [];
  type Capabilities = Record<string, Record<string, boolean>>;
  const capabilitySwitchers: Array<(request: any, capabilities: Capabilities) => Partial<Capabilities> | Promise<Partial<Capabilities>>> = [];
  let resolveStart: (start: unknown) => void = () => undefined;
  const startServices = new Promise<unknown>((resolve) => (resolveStart = resolve));

  const initializerContext = {
    opaqueId: Symbol('siemInvestigations'),
    env: { mode: { dev: true, prod: false, name: 'development' }, packageInfo: { version: '3.8.0' } },
    logger: { get: (...ctx: string[]) => logger(opts.log, ['plugins', 'siemInvestigations', ...ctx]) },
    config: {
      create: () => ({ subscribe: (fn: (v: unknown) => void) => (fn(opts.config), { unsubscribe() {} }) }),
      createIfExists: () => ({ subscribe: (fn: (v: unknown) => void) => (fn(opts.config), { unsubscribe() {} }) }),
    },
  };
  const instance = mod.plugin(initializerContext);
  if (!instance || typeof instance.setup !== 'function') throw new Error('Instance of plugin does not define "setup" function.');

  let setupDone = false;
  const coreSetup = {
    http: {
      createRouter: () => router,
      basePath: { serverBasePath: '', get: () => '', prepend: (p: string) => p, remove: (p: string) => p },
    },
    savedObjects: {
      registerType: (type: SavedObjectTypeRegistration) => {
        if (setupDone) throw new Error('cannot call `registerType` after service startup.');
        if (savedObjectTypes.some((t) => t.name === type.name)) throw new Error(`Type '${type.name}' is already registered`);
        savedObjectTypes.push(type);
      },
    },
    capabilities: {
      registerProvider: (p: () => Record<string, Record<string, boolean>>) => capabilityProviders.push(p),
      registerSwitcher: (s: (typeof capabilitySwitchers)[number]) => capabilitySwitchers.push(s),
    },
    // Core's read-only service; security dashboards registers the one that knows tenants.
    security: { readonlyService: () => opts.security?.readonlyService ?? { isReadonly: async () => false, hideForReadonly: async (_r: unknown, c: unknown) => c } },
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
  const browserConfig = Object.fromEntries(Object.entries(opts.config).filter(([k]) => exposed[k] === true));

  return {
    router,
    savedObjectTypes,
    capabilities,
    resolveCapabilities,
    browserConfig,
    createContext: (req) => ({
      core: {
        // Without the security plugin the current user is whoever runs the dev host.
        opensearch: { client: { asCurrentUser: opts.security?.asScoped(req) ?? opts.opensearch, asInternalUser: internal } },
        savedObjects: { client: opts.createSavedObjectsClient?.(savedObjectTypes, req), typeRegistry: { getAllTypes: () => savedObjectTypes } },
      },
    }),
  };
}
