import http from 'http';
import { AddressInfo } from 'net';
import type { Client } from '@opensearch-project/opensearch';
import { createHttpServer } from './http_server';
import { loadServerPlugin, ServerHost, ServerHostOptions } from './core_server';
import { createOsdOpenSearchClient, OpenSearchSettings } from './opensearch_client';
import { createSavedObjectsClientFactory } from './saved_objects_client';

export interface DevHostOptions {
  port: number;
  host?: string;
  opensearchUrl: string;
  pluginDir: string;
  config?: Record<string, unknown>;
  /** OSD's `opensearch.*` timeouts; OSD's defaults when absent. */
  opensearch?: OpenSearchSettings;
  /** The saved objects index (OSD's `.kibana`); the host's saved objects client uses the host's OpenSearch client. */
  savedObjectsIndex?: string;
  /** Replaces the saved objects client (tests that count calls); the default is the host's own. */
  createSavedObjectsClient?: ServerHostOptions['createSavedObjectsClient'];
  serveStatic?: (server: ServerHost) => Parameters<typeof createHttpServer>[0]['serveStatic'];
  quiet?: boolean;
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
  const host = await loadServerPlugin({
    pluginDir: opts.pluginDir,
    opensearch,
    config: opts.config ?? {},
    createSavedObjectsClient: opts.createSavedObjectsClient ?? createSavedObjectsClientFactory(opensearch, { index: opts.savedObjectsIndex }),
    log,
  });
  const server = createHttpServer({
    router: host.router,
    createContext: host.createContext,
    serveStatic: opts.serveStatic?.(host),
    logger: { info: (m) => log('info', m), error: (m) => log('error', m instanceof Error ? m.stack ?? m.message : m) },
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
    },
  };
}
