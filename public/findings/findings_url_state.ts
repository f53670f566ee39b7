import { Severity } from '../../common/types';

export type FindingsSortField = 'timestamp' | 'severity';

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/** The findings page's filters, kept in the hash query so "back" and shared links restore them. */
export interface FindingsState {
  from: string;
  to: string;
  query: string;
  severity: Severity[];
  /** 1-based, as the API counts pages. */
  page: number;
  perPage: number;
  sortField: FindingsSortField;
  sortOrder: 'asc' | 'desc';
}

export const DEFAULT_FINDINGS_STATE: FindingsState = {
  from: 'now-7d',
  to: 'now',
  query: '',
  severity: [],
  page: 1,
  perPage: 20,
  sortField: 'timestamp',
  sortOrder: 'desc',
};

const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

export function readFindingsState(search: string): FindingsState {
  const p = new URLSearchParams(search);
  const d = DEFAULT_FINDINGS_STATE;
  const int = (v: string | null, fallback: number) => (v && /^\d+$/.test(v) ? Number(v) : fallback);
  const perPage = int(p.get('perPage'), d.perPage);
  return {
    from: p.get('from') || d.from,
    to: p.get('to') || d.to,
    query: p.get('query') ?? d.query,
    severity: (p.get('severity') ?? '').split(',').filter((s): s is Severity => SEVERITIES.includes(s as Severity)),
    page: Math.max(1, int(p.get('page'), d.page)),
    perPage: PAGE_SIZE_OPTIONS.includes(perPage) ? perPage : d.perPage,
    sortField: p.get('sortField') === 'severity' ? 'severity' : 'timestamp',
    sortOrder: p.get('sortOrder') === 'asc' ? 'asc' : 'desc',
  };
}

/** Only what differs from the defaults, so the plain URL stays plain. */
export function writeFindingsState(state: FindingsState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_FINDINGS_STATE;
  if (state.from !== d.from) p.set('from', state.from);
  if (state.to !== d.to) p.set('to', state.to);
  if (state.query) p.set('query', state.query);
  if (state.severity.length) p.set('severity', state.severity.join(','));
  if (state.page !== d.page) p.set('page', String(state.page));
  if (state.perPage !== d.perPage) p.set('perPage', String(state.perPage));
  if (state.sortField !== d.sortField) p.set('sortField', state.sortField);
  if (state.sortOrder !== d.sortOrder) p.set('sortOrder', state.sortOrder);
  const s = p.toString();
  return s ? `?${s}` : '';
}
