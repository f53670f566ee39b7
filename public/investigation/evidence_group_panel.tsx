import React from 'react';
import { EuiBadge, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import { sourceForGroup } from '../../common/discover_url';
import { DocRef, EvidenceGroup, EvidenceHit, InvestigationWindow } from '../../common/types';
import { FocusedEntity, hitMentions } from './entity_match';
import { THEME } from '../shared/palette';
import { useAppServices } from '../services/app_services';
import { EvidenceTable } from './evidence_table';
import { FacetList } from './facet_list';
import { OpenInDiscoverButton } from '../shared/open_in_discover_button';
import { UnreadCallout } from '../shared/unread_callout';
import { i18n } from '@osd/i18n';
import { FormattedMessage } from '@osd/i18n/react';

export interface EvidenceGroupPanelProps {
  group: EvidenceGroup;
  window: InvestigationWindow;
  focused: FocusedEntity | null;
  /** Just navigated to from the story: drawn with an accent so the eye finds it. */
  highlighted: boolean;
  onInspect(ref: DocRef): void;
  onAddToCase?(group: EvidenceGroup, hit: EvidenceHit): void;
}

/** One question, the query that answers it, and the answer: counts, breakdowns, documents. */
export function EvidenceGroupPanel({ group, window, focused, highlighted, onInspect, onAddToCase }: EvidenceGroupPanelProps) {
  const { sources } = useAppServices();
  const filtering = focused !== null && focused.type !== 'finding';
  const hits = filtering ? group.hits.filter((h) => hitMentions(h, focused.value)) : group.hits;
  // Counted exactly, but the breakdown and rows come from the documents collected before the bound.
  const partial = !!group.breakdownIsPartial && !group.totalIsLowerBound;
  const collected = group.collected ?? group.total;
  return (
    <EuiPanel
      id={`evidence-${group.id}`}
      data-test-subj="evidenceGroup"
      data-evidence-group={group.id}
      hasBorder
      paddingSize="m"
      style={{ scrollMarginTop: 96, ...(highlighted ? { boxShadow: `0 0 0 2px ${THEME.primary}` } : {}) }}
    >
      <EuiFlexGroup gutterSize="s" alignItems="flexStart" justifyContent="spaceBetween" responsive={false}>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h3 data-test-subj="evidenceQuestion">{group.question}</h3>
          </EuiTitle>
          <EuiText size="xs" color="subdued">
            {group.title} · <code>{group.indexPattern}</code>
            {group.hop > 1 ? i18n.translate('siemInvestigations.investigation.group.secondHop', { defaultMessage: ' · found by following the first results' }) : ''}
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiBadge color={group.total > 0 ? 'primary' : 'default'} data-test-subj="evidenceTotal">
                {i18n.translate('siemInvestigations.investigation.group.hitsAtLeast', { defaultMessage: '{lowerBound, select, true {{total, number}+ hits} other {{total, plural, one {# hit} other {# hits}}}}', values: { total: group.total, lowerBound: String(!!group.totalIsLowerBound) } })}
              </EuiBadge>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <OpenInDiscoverButton group={group} window={window} />
            </EuiFlexItem>
          </EuiFlexGroup>
        </EuiFlexItem>
      </EuiFlexGroup>
      {group.error && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut size="s" color="danger" iconType="alert" title={i18n.translate('siemInvestigations.investigation.evidenceGroupPanel.thisSearchDidNot', { defaultMessage: 'This search did not complete; its evidence may be missing.' })}>
            <p>{group.error}</p>
          </EuiCallOut>
        </>
      )}
      {group.unread && (
        <>
          <EuiSpacer size="s" />
          <UnreadCallout unread={group.unread} context="evidenceGroup" data-test-subj="evidenceUnread" />
        </>
      )}
      {group.totalIsLowerBound && (group.breakdownIsPartial || !group.unread) && (
        <>
          <EuiSpacer size="s" />
          <EuiText size="xs" color="subdued" data-test-subj="evidenceLowerBound">
            <p>
              {i18n.translate('siemInvestigations.investigation.evidenceGroupPanel.tooManyMatchesTo', { defaultMessage: 'Too many matches to count in time: OpenSearch stopped after a bound number of documents per shard, so this count and the facet counts below are lower bounds, and the rows are the best of the documents it read. Discover counts them all.' })}</p>
          </EuiText>
        </>
      )}
      {partial && (
        <>
          <EuiSpacer size="s" />
          <EuiText size="xs" color="subdued" data-test-subj="evidencePartialBreakdown">
            <p>
              {i18n.translate('siemInvestigations.investigation.group.partialBreakdown', {
                defaultMessage:
                  'Counted {total, plural, one {# hit} other {# hits}}; the breakdown, the table and the timeline are built from the first {collected, number} collected (OpenSearch stops collecting at a bound number of documents per shard). Discover shows them all.',
                values: { total: group.total, collected },
              })}
            </p>
          </EuiText>
        </>
      )}
      {group.total === 0 && !group.error ? (
        // Not read in full (the callout above says which indices): not "no matching documents".
        group.unread ? null : (
          <EuiText size="s" color="subdued">
            <EuiSpacer size="s" />
            <p>{i18n.translate('siemInvestigations.investigation.evidenceGroupPanel.noMatchingDocumentsIn', { defaultMessage: 'No matching documents in this window.' })}</p>
          </EuiText>
        )
      ) : (
        <>
          <EuiSpacer size="m" />
          <FacetList facets={group.facets} total={partial ? collected : group.total} />
          {group.facets.some((f) => f.buckets.length) && <EuiSpacer size="m" />}
          {filtering && (
            <EuiText size="xs" color="subdued">
              <p>
                <FormattedMessage
                  id="siemInvestigations.investigation.group.focusedRows"
                  defaultMessage="{rows, plural, one {# row} other {# rows}} of {all, number} mention {value}."
                  values={{ rows: hits.length, all: group.hits.length, value: <strong>{focused.value}</strong> }}
                />
              </p>
            </EuiText>
          )}
          <EvidenceTable
            hits={hits}
            columns={group.columns}
            timeField={sourceForGroup(group, sources).timeField}
            onInspect={onInspect}
            onAddToCase={onAddToCase ? (hit) => onAddToCase(group, hit) : undefined}
          />
          {group.total > group.hits.length && (
            <EuiText size="xs" color="subdued">
              <p>
                {partial ? i18n.translate('siemInvestigations.investigation.group.truncatedPartial', { defaultMessage: 'The table holds {shown, number} of the {collected, number} documents collected; Discover shows all {total, number}.', values: { shown: group.hits.length, collected, total: group.total } }) : i18n.translate('siemInvestigations.investigation.group.truncatedAtLeast', { defaultMessage: 'The table holds the {shown, number} most relevant of {lowerBound, select, true {{total, number}+ hits} other {{total, plural, one {# hit} other {# hits}}}}; Discover shows them all.', values: { shown: group.hits.length, total: group.total, lowerBound: String(!!group.totalIsLowerBound) } })}
              </p>
            </EuiText>
          )}
        </>
      )}
    </EuiPanel>
  );
}
