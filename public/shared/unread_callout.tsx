import React from 'react';
import { i18n } from '@osd/i18n';
import { EuiCallOut } from '@elastic/eui';
import { UnreadShards } from '../../common/types';

/**
 * What is missing when shards were not read (`unread` on an answer): the findings list, the
 * Incidents page, an investigation and one evidence group say it with this one callout, in the words
 * analysts know from Discover ("1 of 3 shards failed").
 */
export type UnreadContext = 'findings' | 'incidents' | 'investigation' | 'evidenceGroup';

const consequence = (context: UnreadContext): string => {
  switch (context) {
    case 'findings':
      return i18n.translate('siemInvestigations.unread.findings', { defaultMessage: 'Findings in these indices may be missing from this list.' });
    case 'incidents':
      return i18n.translate('siemInvestigations.unread.incidents', { defaultMessage: 'Findings of these indices are not in the incidents shown.' });
    case 'investigation':
      return i18n.translate('siemInvestigations.unread.investigation', {
        defaultMessage: 'Evidence from these indices is missing: a source that shows no evidence may not have been fully read. The evidence groups affected say so.',
      });
    case 'evidenceGroup':
      return i18n.translate('siemInvestigations.unread.evidenceGroup', {
        defaultMessage: 'This search’s documents in these indices are missing: its counts are lower bounds, and no evidence here does not mean there is none.',
      });
  }
};

export function unreadTitle(unread: UnreadShards): string {
  if (!unread.shards) return i18n.translate('siemInvestigations.unread.timedOutTitle', { defaultMessage: 'A search timed out: results are partial' });
  return unread.of !== undefined
    ? i18n.translate('siemInvestigations.unread.titleOf', {
        defaultMessage: '{shards, number} of {of, plural, one {# shard} other {# shards}} failed',
        values: { shards: unread.shards, of: unread.of },
      })
    : i18n.translate('siemInvestigations.unread.title', { defaultMessage: '{shards, plural, one {# shard} other {# shards}} failed', values: { shards: unread.shards } });
}

export const UnreadCallout: React.FC<{ unread: UnreadShards; context: UnreadContext; 'data-test-subj'?: string }> = ({ unread, context, ...rest }) => (
  <EuiCallOut color="warning" iconType="alert" size="s" title={unreadTitle(unread)} data-test-subj={rest['data-test-subj'] ?? 'unreadCallout'}>
    {unread.shards ? (
      <p>
        {i18n.translate('siemInvestigations.unread.body', {
          defaultMessage: 'OpenSearch could not read {indices}: {reason}.',
          values: {
            indices: unread.indices.length ? unread.indices.join(', ') : i18n.translate('siemInvestigations.unread.someIndices', { defaultMessage: 'some indices' }),
            reason: unread.reason,
          },
        })}{' '}
        {consequence(context)}
      </p>
    ) : null}
    {unread.timedOut ? (
      <p>{i18n.translate('siemInvestigations.unread.timedOut', { defaultMessage: 'A search stopped at its time limit before every shard had answered; what those shards hold is missing.' })}</p>
    ) : null}
  </EuiCallOut>
);
