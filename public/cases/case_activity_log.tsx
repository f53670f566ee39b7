import { i18n } from '@osd/i18n';
import React from 'react';
import { EuiText } from '@elastic/eui';
import { CaseActivity } from '../../common/case_types';
import { describeActivity } from '../shared/case_labels';
import { formatTime } from '../shared/format';
import { THEME } from '../shared/palette';

/** Who did what when, as the server recorded it; newest first. */
export function CaseActivityLog({ activity }: { activity: CaseActivity[] }) {
  const entries = activity.map((a, i) => ({ a, i })).reverse();
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 480, overflowY: 'auto' }} tabIndex={0} aria-label={i18n.translate('siemInvestigations.cases.activity.listLabel', { defaultMessage: 'Activity' })} data-test-subj="caseActivity">
      {entries.map(({ a, i }) => (
        <li key={i} style={{ padding: '6px 0', borderBottom: `1px solid ${THEME.border}` }} data-test-subj="caseActivityEntry" data-action={a.action}>
          <EuiText size="xs" color="subdued">
            {formatTime(a.at)} UTC
          </EuiText>
          <EuiText size="s" style={{ overflowWrap: 'anywhere' }}>
            <strong>{a.by}</strong> {describeActivity(a)}
          </EuiText>
        </li>
      ))}
    </ol>
  );
}
