import type http from 'http';
import { Client } from '@opensearch-project/opensearch';
import type { SavedObjectsType } from '../../server/types';
import { buildMappings } from './saved_objects_client';
import { OSD_OPENSEARCH_DEFAULTS } from './opensearch_client';

/**
 * What OSD does for a plugin when the OpenSearch security plugin and its Dashboards plugin
 * (security-dashboards-plugin) are installed, reduced to what this plugin sees:
 *
 * - **Login.** HTTP basic: a request without credentials, or with credentials the security plugin
 *   refuses (`_plugins/_security/authinfo` answers 401), gets a bare 401 and nothing else. Security
 *   dashboards checks the credentials the same way (authinfo with the request's headers).
 * - **Identity to OpenSearch.** `asCurrentUser` is the root client with the request's headers named in
 *   `opensearch.requestHeadersWhitelist` (OSD default: `authorization`, `securitytenant`), copied
 *   verbatim; OSD's scoped saved objects repository uses that same client, so the security plugin's
 *   multi-tenancy rewrites `.kibana` to the tenant's index. The dev host has no tenancy logic of its own.
 * - **The server's own user** (`kibanaserver`, `opensearch.username`/`password`) is `asInternalUser`:
 *   OSD's `.kibana` migration and security dashboards' `tenant_template` (index template for the
 *   tenant indices, with the saved object types' mappings); nothing a user asked for.
 * - **The tenant the user picked.** Security dashboards keeps it in the session and sends it as
 *   `securitytenant` (`__user__` for the private tenant, empty for the global one); a URL with
 *   `security_tenant=<tenant>` (a share link, a tenant switch) selects it. Here: the
 *   `security_tenant` cookie set from that parameter, unless the request has its own header.
 *   Security dashboards' `GET /api/v1/multitenancy/tenant` answers the session's tenant (the plugin's
 *   share links put it in their URL).
 * - **Read-only tenants.** Security dashboards registers core's read-only service: a user whose
 *   current tenant is read-only for them (authinfo `tenants[tenant] === false`; private tenants are
 *   always writable) is read-only, and `hideForReadonly` switches the given capabilities off.
 */
export interface DevHostSecurityOptions {
  /** OSD's `opensearch.username` / `opensearch.password`: the server's internal user. */
  internalUser: { username: string; password: string };
  /** OSD's `opensearch.requestHeadersWhitelist`. */
  requestHeadersWhitelist?: string[];
}

export const DEFAULT_REQUEST_HEADERS_WHITELIST = ['authorization', 'securitytenant'];
const AUTHINFO_PATH = '/_plugins/_security/authinfo';
const GLOBAL_TENANT = 'global_tenant';
/** The index the security plugin's multi-tenancy maps to tenant indices (its config.yml `kibana.index`). */
export const SECURED_SAVED_OBJECTS_INDEX = '.kibana';

export interface AuthInfo {
  user_name: string;
  user_requested_tenant: string | null;
  roles: string[];
  tenants: Record<string, boolean>;
}

type Headers = http.IncomingHttpHeaders | Readonly<Record<string, string | string[] | undefined>>;

export interface DevHostSecurity {
  internalClient: Client;
  /** The request's `asCurrentUser` client. */
  asScoped(req: { headers: Headers }): Client;
  /** Sends the 401 itself and returns false when the request may not go on. */
  authenticate(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
  /** Security dashboards' `tenant_template`, as the internal user. */
  setupTenantTemplate(types: SavedObjectsType[]): Promise<void>;
  readonlyService: {
    isReadonly(request: { headers: Headers }): Promise<boolean>;
    hideForReadonly<C extends Record<string, unknown>>(request: { headers: Headers }, capabilities: C, hide: Record<string, Record<string, boolean>>): Promise<C>;
  };
  close(): Promise<void>;
}

export function whitelistedHeaders(headers: Headers, whitelist: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of whitelist) {
    const v = headers[name.toLowerCase()];
    if (typeof v === 'string') out[name.toLowerCase()] = v;
    else if (Array.isArray(v) && v.length) out[name.toLowerCase()] = v.join(', ');
  }
  return out;
}

const TENANT_COOKIE = 'security_tenant';
const TENANT_PATH = '/api/v1/multitenancy/tenant';

/** Security dashboards' names in `security_tenant=`: `private` and `global` are aliases. */
export function tenantHeaderValue(picked: string): string {
  const t = picked.trim();
  if (t.toLowerCase() === 'private' || t === '__user__') return '__user__';
  if (t === '' || t.toLowerCase() === 'global' || t === GLOBAL_TENANT) return '';
  return t;
}

function applyPickedTenant(req: http.IncomingMessage, res: http.ServerResponse): void {
  const fromUrl = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get(TENANT_COOKIE);
  if (fromUrl !== null) {
    const value = tenantHeaderValue(fromUrl);
    res.setHeader('set-cookie', `${TENANT_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax`);
    if (req.headers.securitytenant === undefined) req.headers.securitytenant = value;
    return;
  }
  if (req.headers.securitytenant !== undefined) return;
  const cookie = String(req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${TENANT_COOKIE}=`));
  if (cookie) req.headers.securitytenant = decodeURIComponent(cookie.slice(TENANT_COOKIE.length + 1));
}

export function createDevHostSecurity(root: Client, opensearchUrl: string, opts: DevHostSecurityOptions, requestTimeout: number): DevHostSecurity {
  const whitelist = opts.requestHeadersWhitelist ?? DEFAULT_REQUEST_HEADERS_WHITELIST;
  const internalClient = new Client({ ...OSD_OPENSEARCH_DEFAULTS, node: opensearchUrl, requestTimeout, pingTimeout: requestTimeout, auth: opts.internalUser });
  const asScoped = (req: { headers: Headers }) => root.child({ headers: whitelistedHeaders(req.headers, whitelist) } as any) as Client;

  const authinfo = async (req: { headers: Headers }): Promise<AuthInfo> => {
    const { body } = await asScoped(req).transport.request({ method: 'GET', path: AUTHINFO_PATH });
    return body as AuthInfo;
  };

  const unauthorized = (res: http.ServerResponse) => {
    // Security dashboards' basic auth answers API calls without a session with a bare 401.
    res.writeHead(401, {
      'content-type': 'application/json; charset=utf-8',
      'www-authenticate': 'Basic realm="OpenSearch Dashboards", charset="UTF-8"',
      'cache-control': 'private, no-cache, no-store, must-revalidate',
    });
    res.end(JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' }));
  };

  return {
    internalClient,
    asScoped,
    async authenticate(req, res) {
      applyPickedTenant(req, res);
      if (!/^basic /i.test(String(req.headers.authorization ?? ''))) {
        unauthorized(res);
        return false;
      }
      try {
        await authinfo(req);
        if (req.method === 'GET' && new URL(req.url ?? '/', 'http://127.0.0.1').pathname === TENANT_PATH) {
          // A string body, as security dashboards' route answers it; '' is the global tenant.
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-cache, no-store, must-revalidate' });
          res.end(JSON.stringify(String(req.headers.securitytenant ?? '')));
          return false;
        }
        return true;
      } catch (e) {
        const status = (e as { meta?: { statusCode?: number } }).meta?.statusCode;
        if (status === 401 || status === 403) {
          unauthorized(res);
          return false;
        }
        throw e;
      }
    },
    async setupTenantTemplate(types) {
      const i = SECURED_SAVED_OBJECTS_INDEX;
      await internalClient.indices.putIndexTemplate({
        name: 'tenant_template',
        body: {
          priority: 2147483647,
          index_patterns: [`${i}_-*_*`, ...'0123456789'.split('').map((d) => `${i}_${d}*_*`)],
          template: { settings: { number_of_shards: 1, auto_expand_replicas: '0-1' }, mappings: buildMappings(types) },
        },
      } as any);
    },
    readonlyService: {
      async isReadonly(request) {
        try {
          const info = await authinfo(request);
          const tenant = info.user_requested_tenant || GLOBAL_TENANT;
          if (tenant === '__user__' || tenant === info.user_name) return false;
          return !info.tenants?.[tenant];
        } catch {
          // As security dashboards: not read-only when it cannot tell (OpenSearch still refuses
          // writes to a tenant the user may only read).
          return false;
        }
      },
      async hideForReadonly(request, capabilities, hide) {
        if (!(await this.isReadonly(request))) return capabilities;
        const out: Record<string, unknown> = { ...capabilities };
        for (const [app, flags] of Object.entries(hide)) out[app] = { ...(out[app] as Record<string, boolean> | undefined), ...flags };
        return out as typeof capabilities;
      },
    },
    close: () => internalClient.close(),
  };
}
