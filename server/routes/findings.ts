import { API_PATHS, LIMITS } from '../../common/constants';
import { Severity } from '../../common/types';
import { FindingsQuery, listFindings } from '../findings/list_findings';
import { approximateInstant } from '../lib/date_math';
import { respondError } from '../lib/respond';
import { withUnread } from '../lib/unread_shards';
import { DATE_OR_MATH, fail, integer, object, oneOf, optionalString, stringList, validator } from '../lib/validation';
import { RouteDeps } from './types';

const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export const validateFindingsQuery = validator<FindingsQuery>((data) => {
  const q = object(data, ['from', 'to', 'query', 'severity', 'page', 'perPage', 'sortField', 'sortOrder'], 'query');
  const date = (v: unknown, name: string, fallback: string) =>
    optionalString(v, name, { max: 64, pattern: DATE_OR_MATH, patternHint: 'must be an ISO 8601 date or date math such as now-7d' }) ?? fallback;
  const severity = stringList(q.severity, 'severity').map((s) => oneOf(s, 'severity', SEVERITIES));
  const page = integer(q.page, 'page', 1, 1000, 1);
  const perPage = integer(q.perPage, 'perPage', 1, LIMITS.maxPerPage, 20);
  if (page * perPage > 10000) fail('page × perPage may not exceed 10000; narrow the time range or filters instead');
  const text = optionalString(q.query, 'query', { max: LIMITS.maxTextFilterLength, min: 0 })?.trim();
  const from = date(q.from, 'from', 'now-7d');
  const to = date(q.to, 'to', 'now');
  const span = approximateInstant(to) - approximateInstant(from);
  if (Number.isNaN(span)) fail('from and to must be valid dates');
  if (span < 0) fail('from must not be after to');
  return {
    from,
    to,
    ...(text ? { query: text } : {}),
    severity,
    page,
    perPage,
    sortField: q.sortField === undefined ? 'timestamp' : oneOf(q.sortField, 'sortField', ['timestamp', 'severity'] as const),
    sortOrder: q.sortOrder === undefined ? 'desc' : oneOf(q.sortOrder, 'sortOrder', ['asc', 'desc'] as const),
  };
});

export function registerFindingsRoute({ router, getSources, logger, readerOf }: RouteDeps): void {
  router.get({ path: API_PATHS.findings, validate: { query: validateFindingsQuery } }, async (context, request, response) => {
    try {
      const reader = readerOf(context);
      const body = await listFindings(reader, request.query, getSources().guardduty);
      // Shards the search could not read (or a timeout): the findings of those indices may be missing.
      return response.ok({ body: withUnread(body, reader.unread()) });
    } catch (e) {
      return respondError(response, e, logger);
    }
  });
}
