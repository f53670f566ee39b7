import http from 'http';
import { AddressInfo } from 'net';
import type { Client } from '@opensearch-project/opensearch';
import { createHttpServer } from './http_server';
import { loadServerPlugin, ServerHost, ServerHostOptions } from './core_server';
import { createOsdOpenSearchClient, OpenSearchSettings, OSD_OPENSEARCH_DEFAULTS } from './opensearch_client';
import { createSavedObjectsClientFactory } from './saved_objects_client';
import { createDevHostSecurity, DevHostSecurityOptions, SECURED_SAVED_OBJECTS_INDEX } from './security';

export interface DevHostOptions {
  port: number;
  host?: string;
  opensearchUrl: string;
  pluginDir: string;
  config?: Record<string, unknown>;
  /** OSD's `i18n.*` settings: `locale` (default `en`) is the one locale of server and browser. */
  i18n?: { locale?: string };
  /** OSD's `opensearch.*` timeouts; OSD's defaults when absent. */
  opensearch?: OpenSearchSettings;
  /** The saved objects index (OSD's `.kibana`); the host's saved objects client uses the host's OpenSearch client. */
  savedObjectsIndex?: string;
  /** Replaces the saved objects client (tests that count calls); the default is the host's own. */
  createSavedObjectsClient?: ServerHostOptions['createSavedObjectsClient'];
  serveStatic?: (server: ServerHost) => Parameters<typeof createHttpServer>[0]['serveStatic'];
  quiet?: boolean;
  /**
   * OpenSearch with the security plugin: log in with HTTP basic, queries and saved objects as the
   * user, the tenant from `securitytenant` (security.ts). Cases go to `.kibana` unless
   * `createSavedObjectsClient` is given.
   */
  security?: DevHostSecurityOptions;
}

export interface RunningDevHost {
  url: string;
  server: http.Server;
  host: ServerHost;
  opensearch: Client;
  close(): Promise<void>;
}

/** Loads the plugin through OSD's contracts and serves it over HTTP. */
export async function startDevHost(opts: DevHostOptions): Promise<RunningDevHost> {
  const opensearch = createOsdOpenSearchClient(opts.opensearchUrl, opts.opensearch);
  const log = (level: string, msg: string) => {
    if (!opts.quiet || level === 'error' || level === 'fatal') console.log(`[${new Date().toISOString()}][${level}]${msg}`);
  };
  const security = opts.security ? createDevHostSecurity(opensearch, opts.opensearchUrl, opts.security, opts.opensearch?.requestTimeout ?? OSD_OPENSEARCH_DEFAULTS.requestTimeout) : undefined;
  const host = await loadServerPlugin({
    pluginDir: opts.pluginDir,
    opensearch,
    config: opts.config ?? {},
    locale: opts.i18n?.locale,
    createSavedObjectsClient:
      opts.createSavedObjectsClient ??
      (security
        ? createSavedObjectsClientFactory(security.internalClient, { index: SECURED_SAVED_OBJECTS_INDEX, asScoped: security.asScoped })
        : createSavedObjectsClientFactory(opensearch, { index: opts.savedObjectsIndex })),
    log,
    security,
  });
  await security?.setupTenantTemplate(host.savedObjectTypes);
  const server = createHttpServer({
    router: host.router,
    createContext: host.createContext,
    serveStatic: opts.serveStatic?.(host),
    logger: { info: (m) => log('info', m), error: (m) => log('error', m instanceof Error ? m.stack ?? m.message : m) },
    authenticate: security?.authenticate,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    server,
    host,
    opensearch,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await opensearch.close();
      await security?.close();
    },
  };
}
