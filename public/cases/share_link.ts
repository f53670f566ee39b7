import { APP_ID } from '../../common/constants';
import { casePath } from '../routes';
import { ApplicationStart } from '../types';

/**
 * Adds `security_tenant=<tenant>` before the hash, as the security plugin's own share links do
 * (public/services/shared-link.ts): the tenant in the query wins over the reader's cookie, so the
 * link opens the case in the tenant it lives in. A URL that already names a tenant is kept.
 */
export function withTenant(url: string, tenant: string | null): string {
  if (!tenant) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  if (/[?&]security_tenant=/i.test(base)) return url;
  return `${base}${base.includes('?') ? '&' : '?'}security_tenant=${encodeURIComponent(tenant)}${hash}`;
}

/** The absolute URL of a case (base path and workspace included by `getUrlForApp`). */
export function caseShareUrl(application: Pick<ApplicationStart, 'getUrlForApp'>, caseId: string, tenant: string | null): string {
  return withTenant(application.getUrlForApp(APP_ID, { path: `#${casePath(caseId)}`, absolute: true }), tenant);
}
