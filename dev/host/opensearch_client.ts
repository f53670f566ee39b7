import { Client, ClientOptions } from '@opensearch-project/opensearch';

/**
 * The OpenSearch client behind `context.core.opensearch.client` and the saved objects client,
 * configured as OSD configures its own with the default `opensearch.*` settings:
 * src/core/server/opensearch/opensearch_config.ts (`requestTimeout` 30s, `pingTimeout` defaults to
 * `requestTimeout`, sniffing off) and client/client_config.ts (`parseClientOptions` passes those and
 * sets no `maxRetries`, so opensearch-js's default of 3 retries applies). A hung OpenSearch
 * therefore costs up to 4 × 30 s per call here, as in OSD, unless the caller passes its own
 * per-request `requestTimeout`/`maxRetries`.
 */
export const OSD_OPENSEARCH_DEFAULTS = {
  requestTimeout: 30_000,
  pingTimeout: 30_000,
  /** Not set by OSD: the opensearch-js default. */
  maxRetries: 3,
  sniffOnStart: false,
  sniffInterval: false,
  sniffOnConnectionFault: false,
} as const;

/** `opensearch.requestTimeout` / `opensearch.pingTimeout` of opensearch_dashboards.yml, in milliseconds. */
export interface OpenSearchSettings {
  requestTimeout?: number;
  pingTimeout?: number;
}

export function createOsdOpenSearchClient(node: string, settings: OpenSearchSettings = {}): Client {
  const requestTimeout = settings.requestTimeout ?? OSD_OPENSEARCH_DEFAULTS.requestTimeout;
  const options: ClientOptions = {
    ...OSD_OPENSEARCH_DEFAULTS,
    node,
    requestTimeout,
    // OSD: `pingTimeout: schema.duration({ defaultValue: schema.siblingRef('requestTimeout') })`.
    pingTimeout: settings.pingTimeout ?? requestTimeout,
  };
  return new Client(options);
}
