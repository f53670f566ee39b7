import { CASE_LIMITS, CASE_SEVERITIES, CASE_STATUSES, CasesFindQuery, CasesFindResponse, CaseSummary } from '../../../common/case_types';
import { badRequest } from '../../lib/errors';
import { toSummary } from '../service';
import { CasesClientArgs } from './types';

/**
 * The cases list. No query string is ever built from the filters: the saved objects `find` gets
 * structured options only (the type, and `search` as OSD's own saved-object search on title and
 * description), returning at most CASE_LIMITS.listScan cases with their summary fields; status,
 * severity, tag and assignee filters, sorting and paging happen here. More matches than that → 400.
 */
export async function find(args: CasesClientArgs, query: CasesFindQuery): Promise<CasesFindResponse> {
  const { total, cases } = await args.service.findSummaries(query.search, CASE_LIMITS.listScan);
  if (total > CASE_LIMITS.listScan) {
    throw badRequest(
      `${total} cases match, more than the ${CASE_LIMITS.listScan} the list can filter and sort; add search text to narrow them down`
    );
  }
  return selectCases(cases.map(toSummary), query);
}

const RANK = {
  severity: Object.fromEntries(CASE_SEVERITIES.map((s, i) => [s, i])) as Record<string, number>,
  status: Object.fromEntries(CASE_STATUSES.map((s, i) => [s, i])) as Record<string, number>,
};

/** Filters (a case matches a filter if it has any of its values), sorts (ties by id, for stable pages) and pages. */
export function selectCases(cases: CaseSummary[], query: CasesFindQuery): CasesFindResponse {
  const anyOf = (wanted: string[], have: string[]) => wanted.length === 0 || wanted.some((w) => have.includes(w));
  const matching = cases.filter(
    (c) =>
      anyOf(query.status, [c.status]) &&
      anyOf(query.severity, [c.severity]) &&
      anyOf(query.tag, c.tags) &&
      anyOf(query.assignee, c.assignees)
  );
  const direction = query.sortOrder === 'asc' ? 1 : -1;
  const key = (c: CaseSummary): string | number => {
    switch (query.sortField) {
      case 'severity':
        return RANK.severity[c.severity] ?? -1;
      case 'status':
        return RANK.status[c.status] ?? -1;
      case 'title':
        return c.title.toLocaleLowerCase();
      default:
        return Date.parse(c[query.sortField]) || 0;
    }
  };
  const sorted = matching
    .map((c) => ({ c, k: key(c) }))
    .sort((a, b) => (a.k < b.k ? -direction : a.k > b.k ? direction : a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
    .map(({ c }) => c);
  const start = (query.page - 1) * query.perPage;
  return { total: matching.length, cases: sorted.slice(start, start + query.perPage) };
}
