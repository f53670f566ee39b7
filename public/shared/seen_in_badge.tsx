import React from 'react';
import { EuiBadge } from '@elastic/eui';
import { i18n } from '@osd/i18n';
import { CLOSE_REASON_LABELS, CloseReason } from '../../common/case_types';
import { SeenInCases } from '../../common/incident_types';

// The message ids keep their first home (the incident card), so existing translations hold.
const seenIn = (count: number) => i18n.translate('siemInvestigations.incidents.seenIn', { defaultMessage: 'Seen in {count, plural, one {# case} other {# cases}}', values: { count } });
const seenInClosed = (count: number, reason: string) =>
  i18n.translate('siemInvestigations.incidents.seenInClosed', { defaultMessage: 'Seen in {count, plural, one {# case} other {# cases}} (last closed as {reason})', values: { count, reason } });
const seenInAtLeast = (count: number) =>
  i18n.translate('siemInvestigations.incidents.seenInAtLeast', { defaultMessage: 'Seen in at least {count, plural, one {# case} other {# cases}}', values: { count } });
const seenInAtLeastClosed = (count: number, reason: string) =>
  i18n.translate('siemInvestigations.incidents.seenInAtLeastClosed', {
    defaultMessage: 'Seen in at least {count, plural, one {# case} other {# cases}} (last closed as {reason})',
    values: { count, reason },
  });
const atLeastTitle = () =>
  i18n.translate('siemInvestigations.incidents.seenInAtLeastTitle', { defaultMessage: 'An entity is shared with more cases than one lookup reads: the most recently seen were counted.' });
const closed = () => i18n.translate('siemInvestigations.incidents.closed', { defaultMessage: 'closed' });

/** "Seen in N cases (last closed as benign positive…)"; "Seen in at least N cases" when the lookup was bounded. */
export function seenInLabel(seen: SeenInCases): string {
  if (!seen.lastClosed) return seen.atLeast ? seenInAtLeast(seen.count) : seenIn(seen.count);
  const reason = seen.lastClosed.closeReason ? CLOSE_REASON_LABELS[seen.lastClosed.closeReason as CloseReason] ?? seen.lastClosed.closeReason : closed();
  const lower = `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  return seen.atLeast ? seenInAtLeastClosed(seen.count, lower) : seenInClosed(seen.count, lower);
}

/** The badge of an incident card or a findings row whose entities are observables of earlier cases; nothing when none. */
export function SeenInBadge({ seen }: { seen?: SeenInCases }) {
  if (!seen?.count) return null;
  return (
    <EuiBadge
      color="hollow"
      iconType="folderCheck"
      data-test-subj="seenInCases"
      data-at-least={seen.atLeast ? 'true' : undefined}
      title={[seen.lastClosed?.title, seen.atLeast ? atLeastTitle() : undefined].filter(Boolean).join(' — ') || undefined}
    >
      {seenInLabel(seen)}
    </EuiBadge>
  );
}
