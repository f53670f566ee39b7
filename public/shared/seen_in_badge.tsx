import React from 'react';
import { EuiBadge } from '@elastic/eui';
import { i18n } from '@osd/i18n';
import { CLOSE_REASON_LABELS, CloseReason } from '../../common/case_types';
import { SeenInCases } from '../../common/incident_types';

// The message ids keep their first home (the incident card), so existing translations hold.
const seenIn = (count: number) => i18n.translate('siemInvestigations.incidents.seenIn', { defaultMessage: 'Seen in {count, plural, one {# case} other {# cases}}', values: { count } });
const seenInClosed = (count: number, reason: string) =>
  i18n.translate('siemInvestigations.incidents.seenInClosed', { defaultMessage: 'Seen in {count, plural, one {# case} other {# cases}} (last closed as {reason})', values: { count, reason } });
const closed = () => i18n.translate('siemInvestigations.incidents.closed', { defaultMessage: 'closed' });

/** "Seen in N cases (last closed as benign positive…)". */
export function seenInLabel(seen: SeenInCases): string {
  if (!seen.lastClosed) return seenIn(seen.count);
  const reason = seen.lastClosed.closeReason ? CLOSE_REASON_LABELS[seen.lastClosed.closeReason as CloseReason] ?? seen.lastClosed.closeReason : closed();
  return seenInClosed(seen.count, `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
}

/** The badge of an incident card or a findings row whose entities are observables of earlier cases; nothing when none. */
export function SeenInBadge({ seen }: { seen?: SeenInCases }) {
  if (!seen?.count) return null;
  return (
    <EuiBadge color="hollow" iconType="folderCheck" data-test-subj="seenInCases" title={seen.lastClosed?.title}>
      {seenInLabel(seen)}
    </EuiBadge>
  );
}
