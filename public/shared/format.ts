import { i18n } from '@osd/i18n';

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

/** A count in the user's locale (OSD's `i18n.locale`). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(i18n.getLocale()).format(n);
}

/** `1h`, `24h`, `7d` → a label for the window controls. */
export function durationLabel(d: string): string {
  const m = /^(\d+)([mhd])$/.exec(d);
  if (!m) return d;
  return i18n.translate('siemInvestigations.shared.format.duration', { defaultMessage: '{unit, select, m {{n, plural, one {# minute} other {# minutes}}} h {{n, plural, one {# hour} other {# hours}}} other {{n, plural, one {# day} other {# days}}}}', values: { n: Number(m[1]), unit: m[2] } });
}
