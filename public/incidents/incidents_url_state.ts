/** The Incidents view's state in the URL: `#/?from=now-7d&to=now&window=24h&page=1`. */
export interface IncidentsState {
  from: string;
  to: string;
  /** Empty: the server's configured window. */
  window: string;
  page: number;
  perPage: number;
}

export const WINDOW_CHOICES = ['1h', '6h', '24h', '3d', '7d'] as const;
const DEFAULTS: IncidentsState = { from: 'now-7d', to: 'now', window: '', page: 1, perPage: 10 };

export function readIncidentsState(search: string): IncidentsState {
  const q = new URLSearchParams(search);
  const int = (v: string | null, fallback: number, max: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
  };
  const window = q.get('window') ?? '';
  return {
    from: q.get('from') || DEFAULTS.from,
    to: q.get('to') || DEFAULTS.to,
    window: (WINDOW_CHOICES as readonly string[]).includes(window) ? window : '',
    page: int(q.get('page'), 1, 1000),
    perPage: int(q.get('perPage'), DEFAULTS.perPage, 50),
  };
}

export function writeIncidentsState(s: IncidentsState): string {
  const q = new URLSearchParams();
  if (s.from !== DEFAULTS.from) q.set('from', s.from);
  if (s.to !== DEFAULTS.to) q.set('to', s.to);
  if (s.window) q.set('window', s.window);
  if (s.page !== 1) q.set('page', String(s.page));
  if (s.perPage !== DEFAULTS.perPage) q.set('perPage', String(s.perPage));
  const text = q.toString();
  return text ? `?${text}` : '';
}
