import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiLink, EuiText } from '@elastic/eui';
import { EvidenceGroup, InvestigationWindow, StorySentence } from '../../common/types';
import { OpenInDiscoverButton } from '../shared/open_in_discover_button';
import { i18n } from '@osd/i18n';

export interface AttackStoryProps {
  story: StorySentence[];
  evidence: EvidenceGroup[];
  window: InvestigationWindow;
  onShowGroup(groupId: string): void;
}

/** The written account of the incident; every sentence links to the evidence that proves it. */
export function AttackStory({ story, evidence, window, onShowGroup }: AttackStoryProps) {
  const byId = new Map(evidence.map((g) => [g.id, g]));
  return (
    <ol data-test-subj="attackStory" style={{ margin: 0, paddingLeft: 20, listStyle: 'decimal' }}>
      {story.map((sentence, i) => {
        const groups = sentence.evidence.map((id) => byId.get(id)).filter((g): g is EvidenceGroup => !!g);
        const primary = groups.find((g) => g.total > 0) ?? groups[0];
        return (
          <li key={i} data-test-subj="storySentence" style={{ marginBottom: 10 }}>
            <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false}>
              <EuiFlexItem>
                <EuiText size="s">
                  <p style={{ marginBottom: 2 }}>{sentence.text}</p>
                </EuiText>
                {groups.length > 0 && (
                  <EuiText size="xs" color="subdued">
                    {i18n.translate('siemInvestigations.investigation.story.evidence', { defaultMessage: 'Evidence:' })}{' '}
                    {groups.map((g, j) => (
                      <React.Fragment key={g.id}>
                        {j > 0 && ' · '}
                        <EuiLink onClick={() => onShowGroup(g.id)} data-test-subj="storyEvidenceLink" data-evidence-group={g.id}>
                          {i18n.translate('siemInvestigations.investigation.story.groupHitsAtLeast', { defaultMessage: '{title} ({lowerBound, select, true {{total, number}+ hits} other {{total, plural, one {# hit} other {# hits}}}})', values: { title: g.title, total: g.total, lowerBound: String(!!g.totalIsLowerBound) } })}
                        </EuiLink>
                      </React.Fragment>
                    ))}
                  </EuiText>
                )}
              </EuiFlexItem>
              {primary && (
                <EuiFlexItem grow={false}>
                  <OpenInDiscoverButton group={primary} window={window} iconOnly />
                </EuiFlexItem>
              )}
            </EuiFlexGroup>
          </li>
        );
      })}
    </ol>
  );
}
