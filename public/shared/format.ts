/** `2021-04-27 10:21:19`: analysts compare times across sources, so the app shows UTC everywhere. */
export function formatTime(iso: string | undefined, withZone = false): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const text = new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
  return withZone ? `${text} UTC` : text;
}

/** A flattened field value as one line of text (log values are shown as text, never as markup). */
export function fieldText(value: string | string[] | undefined | null): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  return value === '' ? '""' : value;
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : words}`;
}

/** A count that may be a lower bound (counting stopped at a limit): `200,000+ hits`. */
export function pluralAtLeast(n: number, lowerBound: boolean | undefined, word: string, words = `${word}s`): string {
  return lowerBound ? `${n.toLocaleString('en-US')}+ ${words}` : plural(n, word, words);
}

/** `1h`, `24h`, `7d` → a label for the window controls. */
export function durationLabel(d: string): string {
  const m = /^(\d+)([mhd])$/.exec(d);
  if (!m) return d;
  const unit = { m: 'minute', h: 'hour', d: 'day' }[m[2] as 'm' | 'h' | 'd'];
  return plural(Number(m[1]), unit);
}
