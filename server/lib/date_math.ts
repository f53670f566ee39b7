const UNIT_MS: Record<string, number> = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5, M: 2592e6, y: 31536e6 };

/**
 * The instant an ISO date or OpenSearch date math (`now-7d`, `now/d`) stands for, to check a range
 * before sending it. Rounding (`/d`) is ignored and months/years are taken as 30/365 days: close
 * enough to bound a range, never used to query.
 */
export function approximateInstant(value: string, now = Date.now()): number {
  if (!value.startsWith('now')) return Date.parse(value);
  let t = now;
  for (const m of value.slice(3).replace(/\/[smhdwMy]$/, '').matchAll(/([+-])(\d+)([smhdwMy])/g)) {
    t += (m[1] === '+' ? 1 : -1) * Number(m[2]) * UNIT_MS[m[3]];
  }
  return t;
}
