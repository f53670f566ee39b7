import { CASE_SEVERITIES, CASE_SORT_FIELDS, CASE_STATUSES, CasesFindQuery, CaseSeverity, CaseStatus } from '../../common/case_types';

export const CASES_PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/** The cases list's search, filters, sort and page (the API's query), kept in the hash query like the findings page's. */
export type CasesState = Omit<CasesFindQuery, 'search'> & { search: string };

export const DEFAULT_CASES_STATE: CasesState = {
  search: '',
  status: [],
  severity: [],
  tag: [],
  assignee: [],
  page: 1,
  perPage: 20,
  sortField: 'updatedAt',
  sortOrder: 'desc',
};

function oneOf<T extends string>(values: readonly T[], v: string | null, fallback: T): T {
  return values.includes(v as T) ? (v as T) : fallback;
}

export function readCasesState(search: string): CasesState {
  const p = new URLSearchParams(search);
  const d = DEFAULT_CASES_STATE;
  const int = (v: string | null, fallback: number) => (v && /^\d+$/.test(v) ? Number(v) : fallback);
  const perPage = int(p.get('perPage'), d.perPage);
  // Tags and assignees are free text (they may hold commas): one query key per value.
  return {
    search: p.get('search') ?? d.search,
    status: p.getAll('status').filter((s): s is CaseStatus => CASE_STATUSES.includes(s as CaseStatus)),
    severity: p.getAll('severity').filter((s): s is CaseSeverity => CASE_SEVERITIES.includes(s as CaseSeverity)),
    tag: p.getAll('tag').filter(Boolean),
    assignee: p.getAll('assignee').filter(Boolean),
    page: Math.max(1, int(p.get('page'), d.page)),
    perPage: CASES_PAGE_SIZE_OPTIONS.includes(perPage) ? perPage : d.perPage,
    sortField: oneOf(CASE_SORT_FIELDS, p.get('sortField'), d.sortField),
    sortOrder: p.get('sortOrder') === 'asc' ? 'asc' : 'desc',
  };
}

/** Only what differs from the defaults, so the plain URL stays plain. */
export function writeCasesState(state: CasesState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_CASES_STATE;
  if (state.search) p.set('search', state.search);
  for (const key of ['status', 'severity', 'tag', 'assignee'] as const) for (const v of state[key]) p.append(key, v);
  if (state.page !== d.page) p.set('page', String(state.page));
  if (state.perPage !== d.perPage) p.set('perPage', String(state.perPage));
  if (state.sortField !== d.sortField) p.set('sortField', state.sortField);
  if (state.sortOrder !== d.sortOrder) p.set('sortOrder', state.sortOrder);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function hasFilters(state: CasesState): boolean {
  return Boolean(state.search || state.status.length || state.severity.length || state.tag.length || state.assignee.length);
}
