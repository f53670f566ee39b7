import { i18n } from '@osd/i18n';

/**
 * Words shared by the rules' story sentences, in the server's locale (OSD's `i18n.locale`). Each
 * rule's own sentence is one message of the rule (id and English default next to its query), with
 * the values put in; only lists and times are built here.
 */

/** `2021-04-27 10:21:19 UTC`: analysts compare times across sources, always in UTC. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return i18n.translate('siemInvestigations.story.unknownTime', { defaultMessage: 'an unknown time' });
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

/** `a, b and c`; past `max` items, `a, b, c and 2 more` (in Japanese `a、b、c ほか2件`). */
export function list(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const separator = i18n.translate('siemInvestigations.story.list.separator', { defaultMessage: ', ' });
  if (more > 0) return i18n.translate('siemInvestigations.story.list.andMore', { defaultMessage: '{items} and {more} more', values: { items: shown.join(separator), more } });
  if (shown.length <= 1) return shown.join('');
  return i18n.translate('siemInvestigations.story.list.last', { defaultMessage: '{items} and {last}', values: { items: shown.slice(0, -1).join(separator), last: shown[shown.length - 1] } });
}

/**
 * `3 objects`: English only. Left for the sentences of the sources merged last (S3 access logs,
 * CloudTrail S3 data events, Windows and Linux OS logs, Security Hub controls and packages), which
 * are not yet ICU messages: they stay English in every locale until converted (docs/ui.md).
 */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
