import { API_PATHS } from '../../common/constants';
import { INCIDENT_LIMITS } from '../../common/incident_types';
import { parseDuration } from '../correlation/window';
import { CorrelationConfig } from '../incidents/correlation_config';
import { listIncidents } from '../incidents/list_incidents';
import { GroupingCache } from '../incidents/grouping_cache';
import { isSecurityPluginAbsent } from '../cases/current_user';
import { OpenSearchReader } from '../lib/opensearch_reader';
import { ObservableStore } from '../cases/observables';
import { approximateInstant } from '../lib/date_math';
import { respondError } from '../lib/respond';
import { withUnread } from '../lib/unread_shards';
import { DATE_OR_MATH, fail, integer, object, optionalString, validator } from '../lib/validation';
import { RouteDeps } from './types';

export interface IncidentsRequestQuery {
  from: string;
  to: string;
  window?: string;
  page: number;
  perPage: number;
}

export const validateIncidentsQuery = validator<IncidentsRequestQuery>((data) => {
  const q = object(data, ['from', 'to', 'window', 'page', 'perPage'], 'query');
  const date = (v: unknown, name: string, fallback: string) =>
    optionalString(v, name, { max: 64, pattern: DATE_OR_MATH, patternHint: 'must be an ISO 8601 date or date math such as now-7d' }) ?? fallback;
  const from = date(q.from, 'from', 'now-7d');
  const to = date(q.to, 'to', 'now');
  const span = approximateInstant(to) - approximateInstant(from);
  if (Number.isNaN(span)) fail('from and to must be valid dates');
  if (span < 0) fail('from must not be after to');
  const window = optionalString(q.window, 'window', { max: 10 });
  if (window !== undefined) {
    let ms = 0;
    try {
      ms = parseDuration(window, 'window');
    } catch (e) {
      fail((e as Error).message);
    }
    if (ms > INCIDENT_LIMITS.maxWindowMs) fail('window may be at most 7d');
  }
  return {
    from,
    to,
    ...(window ? { window } : {}),
    page: integer(q.page, 'page', 1, 1000, 1),
    perPage: integer(q.perPage, 'perPage', 1, INCIDENT_LIMITS.maxPerPage, 20),
  };
});

/**
 * Who the reader is, for the paging cache: the security plugin's user, roles, backend roles and
 * tenant; one fixed identity without the security plugin (nobody is authenticated, every query
 * sees the same); `undefined` (no caching) when that cannot be told.
 */
export async function readerIdentity(reader: OpenSearchReader): Promise<string | undefined> {
  try {
    const a = (await reader.request('GET', '/_plugins/_security/authinfo')) as Record<string, unknown> | undefined;
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String).sort() : []);
    if (typeof a?.user_name !== 'string') return undefined;
    return JSON.stringify([a.user_name, list(a.roles), list(a.backend_roles), typeof a.user_requested_tenant === 'string' ? a.user_requested_tenant : null]);
  } catch (e) {
    return isSecurityPluginAbsent(e) ? 'no-security-plugin' : undefined;
  }
}

export function registerIncidentsRoute({ router, getSources, logger, readerOf, getCorrelation }: RouteDeps & { getCorrelation: () => CorrelationConfig }): void {
  const cache = new GroupingCache();
  router.get({ path: API_PATHS.incidents, validate: { query: validateIncidentsQuery } }, async (context, request, response) => {
    try {
      const cfg = getCorrelation();
      const q = request.query;
      const window = q.window ?? cfg.window;
      const reader = readerOf(context);
      // "Seen in N cases": one search over the case observables for the page's incidents, beside the members' search.
      const store = new ObservableStore(context.core.savedObjects.client, reader.budget, { exclusions: cfg.exclusions, iocTypes: cfg.iocTypes });
      const body = await listIncidents(
        reader,
        { from: q.from, to: q.to, window, windowMs: parseDuration(window, 'window'), page: q.page, perPage: q.perPage },
        getSources().guardduty,
        cfg.exclusions,
        cfg.maxFindings,
        { cache, identity: readerIdentity(reader) },
        (groups) => store.seenIn(groups)
      );
      // The grouping's unread shards (kept for the pages that reuse it) and those of this request's searches.
      return response.ok({ body: withUnread(body, reader.unread()) });
    } catch (e) {
      return respondError(response, e, logger);
    }
  });
}
