import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { RouteComponentProps } from 'react-router-dom';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiEmptyPrompt,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingContent,
  EuiPage,
  EuiPageBody,
  EuiPanel,
  EuiProgress,
  EuiSpacer,
} from '@elastic/eui';
import { LIMITS } from '../../common/constants';
import { DocRef, SourceId } from '../../common/types';
import { AttackStory } from '../components/attack_story';
import { CoverageCallout } from '../components/coverage_callout';
import { DocumentFlyout } from '../components/document_flyout';
import { EntityChips } from '../components/entity_chips';
import { EntityGraph } from '../components/entity_graph';
import { EvidenceSection } from '../components/evidence_section';
import { InvestigationHeader } from '../components/investigation_header';
import { InvestigationTimeline } from '../components/investigation_timeline';
import { SectionTitle } from '../components/section_title';
import { useBreadcrumbs } from '../hooks/use_breadcrumbs';
import { useRequest } from '../hooks/use_request';
import { FocusedEntity, timelineMentions } from '../lib/entity_match';
import { ENTITY_LABELS } from '../lib/palette';
import { decodePathSegment, investigatePath } from '../routes';
import { useAppServices } from '../services/app_services';

type Props = RouteComponentProps<{ index: string; id: string }>;

export function InvestigationPage({ match, location, history }: Props) {
  const { api, sources } = useAppServices();
  const ref: DocRef = useMemo(
    () => ({ index: decodePathSegment(match.params.index), id: decodePathSegment(match.params.id) }),
    [match.params.index, match.params.id]
  );
  const search = new URLSearchParams(location.search);
  const before = search.get('before') || LIMITS.defaultWindowBefore;
  const after = search.get('after') || LIMITS.defaultWindowAfter;

  const { data, error, loading, reload } = useRequest(
    JSON.stringify([ref, before, after]),
    (signal) => api.investigate({ finding: ref, window: { before, after } }, signal),
    'Could not investigate the finding'
  );

  const [focused, setFocused] = useState<FocusedEntity | null>(null);
  const [source, setSource] = useState<SourceId>('guardduty');
  const [highlighted, setHighlighted] = useState<{ id: string; at: number } | null>(null);
  const [flyoutRef, setFlyoutRef] = useState<DocRef | null>(null);

  useBreadcrumbs([{ text: 'Findings', path: '/' }, { text: data?.finding.type ?? 'Investigation' }]);

  const showGroup = useCallback(
    (groupId: string) => {
      const group = data?.evidence.find((g) => g.id === groupId);
      if (!group) return;
      setSource(group.source);
      setHighlighted({ id: groupId, at: Date.now() });
    },
    [data]
  );

  useEffect(() => {
    if (!highlighted) return;
    document.getElementById(`evidence-${highlighted.id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [highlighted]);

  const timeline = useMemo(() => {
    if (!data) return [];
    if (!focused || focused.type === 'finding') return data.timeline;
    return timelineMentions(data.timeline, data.evidence, focused.value);
  }, [data, focused]);

  if (!data) {
    return (
      <EuiPage>
        <EuiPageBody>
          {error ? (
            <EuiEmptyPrompt
              iconType="alert"
              color="danger"
              title={<h2>This finding could not be investigated</h2>}
              body={<p data-test-subj="investigationError">{error}</p>}
              actions={[
                <EuiButton key="retry" onClick={reload} iconType="refresh">
                  Try again
                </EuiButton>,
                <EuiButtonEmpty key="back" onClick={() => history.push('/')}>
                  Back to findings
                </EuiButtonEmpty>,
              ]}
            />
          ) : (
            <EuiPanel paddingSize="l" data-test-subj="investigationLoading">
              <EuiLoadingContent lines={3} />
              <EuiSpacer size="l" />
              <EuiLoadingContent lines={6} />
            </EuiPanel>
          )}
        </EuiPageBody>
      </EuiPage>
    );
  }

  return (
    <EuiPage>
      <EuiPageBody data-test-subj="investigationView">
        {loading && <EuiProgress size="xs" color="accent" position="fixed" />}
        <InvestigationHeader
          investigation={data}
          before={before}
          after={after}
          loading={loading}
          onWindowChange={(w) => (w.before === before && w.after === after ? reload() : history.push(investigatePath(ref, w)))}
        />
        <EuiSpacer size="m" />
        <CoverageCallout coverage={data.coverage} sources={sources} />
        <EuiFlexGroup gutterSize="m" alignItems="flexStart">
          <EuiFlexItem grow={3}>
            <EuiPanel paddingSize="l">
              <SectionTitle>Attack story</SectionTitle>
              <EuiSpacer size="m" />
              <AttackStory story={data.story} evidence={data.evidence} window={data.window} onShowGroup={showGroup} />
            </EuiPanel>
          </EuiFlexItem>
          <EuiFlexItem grow={2}>
            <EuiPanel paddingSize="l">
              <SectionTitle>Entities</SectionTitle>
              <EuiSpacer size="m" />
              <EntityChips entities={data.entities} focused={focused} onFocus={setFocused} />
            </EuiPanel>
          </EuiFlexItem>
        </EuiFlexGroup>
        <EuiSpacer size="m" />
        {focused && (
          <>
            <EuiCallOut size="s" iconType="filter" title={`Focused on ${ENTITY_LABELS[focused.type].toLowerCase()} ${focused.value}`} data-test-subj="focusCallout">
              <EuiButtonEmpty size="xs" flush="left" onClick={() => setFocused(null)}>
                Show everything again
              </EuiButtonEmpty>
            </EuiCallOut>
            <EuiSpacer size="m" />
          </>
        )}
        <EuiPanel paddingSize="l">
          <SectionTitle>Entity graph</SectionTitle>
          <EuiSpacer size="m" />
          <EntityGraph graph={data.graph} focused={focused} onFocus={setFocused} />
        </EuiPanel>
        <EuiSpacer size="m" />
        <EuiPanel paddingSize="l">
          <SectionTitle>Timeline</SectionTitle>
          <EuiSpacer size="m" />
          <InvestigationTimeline events={timeline} onInspect={setFlyoutRef} />
        </EuiPanel>
        <EuiSpacer size="m" />
        <EuiPanel paddingSize="l">
          <SectionTitle>Evidence</SectionTitle>
          <EuiSpacer size="s" />
          <EvidenceSection
            evidence={data.evidence}
            window={data.window}
            focused={focused}
            selectedSource={source}
            highlightedGroup={highlighted?.id ?? null}
            onSelectSource={setSource}
            onInspect={setFlyoutRef}
          />
        </EuiPanel>
        {flyoutRef && <DocumentFlyout docRef={flyoutRef} onClose={() => setFlyoutRef(null)} />}
      </EuiPageBody>
    </EuiPage>
  );
}
