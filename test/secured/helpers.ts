import path from 'path';
import { Client } from '@opensearch-project/opensearch';
import { DevHostOptions, startDevHost, RunningDevHost } from '../../dev/host/dev_host';
import { prefixedSourcesConfig, uniquePrefix } from '../integration/helpers';

/**
 * The secured suite: OpenSearch 2.19 with the security plugin (dev/opensearch/opensearch.sh start
 * --secure) at OPENSEARCH_SECURE_URL, the users and roles of dev/opensearch/secure/config/, and the
 * dev host logging users in as OSD with the security dashboards plugin does.
 */
export const SECURE_URL = process.env.OPENSEARCH_SECURE_URL ?? '';
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** The test users (internal_users.yml); each password is `<user>-dev-pw`. */
export const USERS = ['admin', 'analyst_a', 'analyst_b', 'reader', 'viewer'] as const;
export type TestUser = (typeof USERS)[number];
export const password = (user: string) => `${user}-dev-pw`;
export const basic = (user: string, pw = password(user)) => `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}`;

/** Analyst A's DLS (roles.yml): only this account. */
export const ACCOUNT_X = '123456789012';
/** Documents of another account, added by the tests: nobody limited to ACCOUNT_X may see them. */
export const ACCOUNT_Y = '210987654321';

export function requireSecureUrl(): string {
  if (!SECURE_URL) {
    throw new Error('OPENSEARCH_SECURE_URL is not set: start the secured node (dev/opensearch/opensearch.sh start --secure) or run npm test');
  }
  return SECURE_URL;
}

export function adminClient(): Client {
  return new Client({ node: requireSecureUrl(), requestTimeout: 120_000, auth: { username: 'admin', password: password('admin') } });
}

export interface SecuredHost extends RunningDevHost {
  prefix: string;
  /** The plugin's HTTP API as `user` (HTTP basic), in `tenant` if given (the `securitytenant` header). */
  as<T = any>(user: string | { user: string; password: string } | null, method: string, apiPath: string, body?: unknown, opts?: { tenant?: string }): Promise<{ status: number; body: T; text: string }>;
  cleanup(): Promise<void>;
}

export async function startSecuredHost(
  name: string,
  config: Record<string, unknown> = {},
  prefix = uniquePrefix(`sec-${name}`),
  serveStatic?: DevHostOptions['serveStatic']
): Promise<SecuredHost> {
  const host = await startDevHost({
    serveStatic,
    port: 0,
    opensearchUrl: requireSecureUrl(),
    pluginDir: REPO_ROOT,
    quiet: true,
    config: { ...prefixedSourcesConfig(prefix), ...config },
    security: { internalUser: { username: 'kibanaserver', password: password('kibanaserver') } },
  });
  const as: SecuredHost['as'] = async (who, method, apiPath, body, opts = {}) => {
    const headers: Record<string, string> = { 'osd-xsrf': 'true' };
    if (who) headers.authorization = typeof who === 'string' ? basic(who) : basic(who.user, who.password);
    if (opts.tenant !== undefined) headers.securitytenant = opts.tenant;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(host.url + apiPath, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, text };
  };
  return { ...host, prefix, as, cleanup: () => host.close() };
}

/** Deletes the prefixed indices and templates (as admin). */
export async function deletePrefixed(client: Client, prefix: string): Promise<void> {
  await client.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
  await client.transport.request({ method: 'DELETE', path: `/_index_template/${prefix}*` }).catch(() => undefined);
  await client.transport.request({ method: 'DELETE', path: `/_component_template/${prefix}*` }).catch(() => undefined);
}
