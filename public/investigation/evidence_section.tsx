import React from 'react';
import { EuiIcon, EuiNotificationBadge, EuiSpacer, EuiTab, EuiTabs } from '@elastic/eui';
import { i18n } from '@osd/i18n';
import { DocRef, EvidenceGroup, EvidenceHit, InvestigationWindow, SourceId, SOURCE_IDS } from '../../common/types';
import { FocusedEntity } from './entity_match';
import { useAppServices } from '../services/app_services';
import { EvidenceGroupPanel } from './evidence_group_panel';

export interface EvidenceSectionProps {
  evidence: EvidenceGroup[];
  window: InvestigationWindow;
  focused: FocusedEntity | null;
  selectedSource: SourceId;
  highlightedGroup: string | null;
  onSelectSource(source: SourceId): void;
  onInspect(ref: DocRef): void;
  onAddToCase?(group: EvidenceGroup, hit: EvidenceHit): void;
}

/** Evidence per log source, one tab each, the groups of a source stacked in the tab. */
export function EvidenceSection({ evidence, window, focused, selectedSource, highlightedGroup, onSelectSource, onInspect, onAddToCase }: EvidenceSectionProps) {
  const { sources } = useAppServices();
  const present = SOURCE_IDS.filter((s) => evidence.some((g) => g.source === s));
  const active = present.includes(selectedSource) ? selectedSource : present[0];
  return (
    <div data-test-subj="evidenceSection">
      <EuiTabs>
        {present.map((source) => {
          const hits = evidence.filter((g) => g.source === source).reduce((n, g) => n + g.total, 0);
          // Some search of this source could not read all its shards: its count is not the whole story.
          const unread = evidence.some((g) => g.source === source && g.unread);
          return (
            <EuiTab key={source} isSelected={source === active} onClick={() => onSelectSource(source)} data-test-subj={`evidenceTab-${source}`}>
              {sources[source].label}{' '}
              <EuiNotificationBadge color={hits ? 'accent' : 'subdued'}>{hits > 999 ? '999+' : hits}</EuiNotificationBadge>
              {unread ? (
                <>
                  {' '}
                  <EuiIcon type="alert" color="warning" data-test-subj={`evidenceTabUnread-${source}`} aria-label={i18n.translate('siemInvestigations.investigation.evidenceTab.unread', { defaultMessage: 'Some shards could not be read' })} />
                </>
              ) : null}
            </EuiTab>
          );
        })}
      </EuiTabs>
      <EuiSpacer size="m" />
      {evidence
        .filter((g) => g.source === active)
        .map((g) => (
          <React.Fragment key={g.id}>
            <EvidenceGroupPanel group={g} window={window} focused={focused} highlighted={g.id === highlightedGroup} onInspect={onInspect} onAddToCase={onAddToCase} />
            <EuiSpacer size="m" />
          </React.Fragment>
        ))}
    </div>
  );
}
