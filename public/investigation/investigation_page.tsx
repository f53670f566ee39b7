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
import { AddAttachmentRequest } from '../../common/case_types';
import { LIMITS } from '../../common/constants';
import { DocRef, EvidenceGroup, EvidenceHit, SourceId } from '../../common/types';
import { AddToCaseModal } from '../add_to_case/add_to_case_modal';
import { AttackStory } from './attack_story';
import { CoverageCallout } from './coverage_callout';
import { UnreadCallout } from '../shared/unread_callout';
import { OmittedEntitiesCallout } from './omitted_entities_callout';
import { DocumentFlyout } from '../shared/document_flyout';
import { EntityChips } from './entity_chips';
import { EntityGraph } from './entity_graph';
import { EvidenceSection } from './evidence_section';
import { InvestigationChecks } from './investigation_checks';
import { InvestigationHeader } from './investigation_header';
import { InvestigationTimeline } from './investigation_timeline';
import { SectionTitle } from '../shared/section_title';
import { useBreadcrumbs } from '../shared/use_breadcrumbs';
import { useRequest } from '../shared/use_request';
import { useCanSaveCases } from '../shared/capabilities';
import { attachmentTypeOf } from '../../common/sources';
import { FocusedEntity, timelineMentions } from './entity_match';
import { fieldText, formatTime } from '../shared/format';
import { entityLabel } from '../shared/palette';
import { decodePathSegment, investigatePath, readMembers } from '../routes';
import { INCIDENT_STRINGS } from '../incidents/strings';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

type Props = RouteComponentProps<{ index: string; id: string }>;

interface AttachRequest {
  attachment: AddAttachmentRequest;
  description: string;
}

/** "CloudTrail event of 2021-04-27 10:21:19: PutBucketAcl · success · 34.219.77.88". */
function describeHit(group: EvidenceGroup, hit: EvidenceHit, label: string): string {
  const values = group.columns
    .filter((c) => c !== group.timeField)
    .map((c) => hit.fields[c])
    .filter((v) => v !== undefined && v !== '')
    .slice(0, 4)
    .map((v) => fieldText(v));
  return i18n.translate('siemInvestigations.investigation.page.hitDescription', { defaultMessage: '{source} document of {time}: {values}', values: { source: label, time: formatTime(hit.timestamp, true), values: values.join(' · ') } });
}

export function InvestigationPage({ match, location, history }: Props) {
  const { api, sources } = useAppServices();
  const canSave = useCanSaveCases();
  const ref: DocRef = useMemo(
    () => ({ index: decodePathSegment(match.params.index), id: decodePathSegment(match.params.id) }),
    [match.params.index, match.params.id]
  );
  const search = new URLSearchParams(location.search);
  const before = search.get('before') || LIMITS.defaultWindowBefore;
  const after = search.get('after') || LIMITS.defaultWindowAfter;

  const members = useMemo(() => readMembers(location.search), [location.search]);
  const { data, error, loading, reload } = useRequest(
    JSON.stringify([ref, before, after, members]),
    (signal) => api.investigate({ finding: ref, window: { before, after }, ...(members.length ? { members } : {}) }, signal),
    i18n.translate('siemInvestigations.investigation.page.failed', { defaultMessage: 'Could not investigate the finding' })
  );

  const [focused, setFocused] = useState<FocusedEntity | null>(null);
  const [source, setSource] = useState<SourceId>('guardduty');
  const [highlighted, setHighlighted] = useState<{ id: string; at: number } | null>(null);
  const [flyoutRef, setFlyoutRef] = useState<DocRef | null>(null);
  const [attach, setAttach] = useState<AttachRequest | null>(null);

  useBreadcrumbs([{ text: i18n.translate('siemInvestigations.investigation.investigationPage.findings', { defaultMessage: 'Findings' }), path: '/' }, { text: data?.finding.type ?? i18n.translate('siemInvestigations.investigation.page.breadcrumb', { defaultMessage: 'Investigation' }) }]);

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
              title={<h2>{i18n.translate('siemInvestigations.investigation.investigationPage.thisFindingCouldNot', { defaultMessage: 'This finding could not be investigated' })}</h2>}
              body={<p data-test-subj="investigationError">{error}</p>}
              actions={[
                <EuiButton key="retry" onClick={reload} iconType="refresh">
                  {i18n.translate('siemInvestigations.investigation.investigationPage.tryAgain', { defaultMessage: 'Try again' })}</EuiButton>,
                <EuiButtonEmpty key="back" onClick={() => history.push('/')}>
                  {i18n.translate('siemInvestigations.investigation.investigationPage.backToFindings', { defaultMessage: 'Back to findings' })}</EuiButtonEmpty>,
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

  // Evidence beyond the finding itself: a hit, or a search that failed (its panel says so).
  // A group whose search failed or could not read every shard is shown, with its warning: not "nothing found".
  const hasEvidence = data.evidence.some((g) => g.total > 0 || !!g.error || !!g.unread);
  const checksPanel = <InvestigationChecks playbook={data.playbook} checks={data.checks ?? []} onShowGroup={showGroup} />;

  return (
    <EuiPage>
      <EuiPageBody data-test-subj="investigationView">
        {loading && <EuiProgress size="xs" color="accent" position="fixed" />}
        <InvestigationHeader
          investigation={data}
          before={before}
          after={after}
          loading={loading}
          onWindowChange={(w) => (w.before === before && w.after === after ? reload() : history.push(investigatePath(ref, w, members)))}
          onAddToCase={
            canSave ? () => setAttach({ attachment: { type: 'finding', ref: data.finding.ref }, description: i18n.translate('siemInvestigations.investigation.page.attachDescription', { defaultMessage: 'GuardDuty finding: {title}', values: { title: data.finding.title } }) }) : undefined
          }
        />
        <EuiSpacer size="m" />
        {data.members?.length ? (
          <EuiCallOut size="s" iconType="branch" title={INCIDENT_STRINGS.membersCallout(data.members.length)} data-test-subj="incidentMembersCallout">
            <p>{data.members.map((m) => m.type).join(' · ')}</p>
          </EuiCallOut>
        ) : null}
        {data.unread ? (
          <>
            <UnreadCallout unread={data.unread} context="investigation" data-test-subj="investigationUnread" />
            <EuiSpacer size="s" />
          </>
        ) : null}
        <CoverageCallout coverage={data.coverage} sources={sources} asked={data.checks?.map((c) => c.source)} />
        <OmittedEntitiesCallout omitted={data.omittedEntities ?? []} />
        <EuiFlexGroup gutterSize="m" alignItems="flexStart">
          <EuiFlexItem grow={3}>
            <EuiPanel paddingSize="l">
              <SectionTitle>{i18n.translate('siemInvestigations.investigation.investigationPage.attackStory', { defaultMessage: 'Attack story' })}</SectionTitle>
              <EuiSpacer size="m" />
              <AttackStory story={data.story} evidence={data.evidence} window={data.window} onShowGroup={showGroup} />
            </EuiPanel>
          </EuiFlexItem>
          <EuiFlexItem grow={2}>
            <EuiPanel paddingSize="l">
              <SectionTitle>{i18n.translate('siemInvestigations.investigation.investigationPage.entities', { defaultMessage: 'Entities' })}</SectionTitle>
              <EuiSpacer size="m" />
              <EntityChips entities={data.entities} focused={focused} onFocus={setFocused} />
            </EuiPanel>
          </EuiFlexItem>
        </EuiFlexGroup>
        <EuiSpacer size="m" />
        {focused && (
          <>
            <EuiCallOut size="s" iconType="filter" title={i18n.translate('siemInvestigations.investigation.page.focused', { defaultMessage: 'Focused on {type} {value}', values: { type: entityLabel(focused.type).toLowerCase(), value: focused.value } })} data-test-subj="focusCallout">
              <EuiButtonEmpty size="xs" flush="left" onClick={() => setFocused(null)}>
                {i18n.translate('siemInvestigations.investigation.investigationPage.showEverythingAgain', { defaultMessage: 'Show everything again' })}</EuiButtonEmpty>
            </EuiCallOut>
            <EuiSpacer size="m" />
          </>
        )}
        <EuiPanel paddingSize="l">
          <SectionTitle>{i18n.translate('siemInvestigations.investigation.investigationPage.entityGraph', { defaultMessage: 'Entity graph' })}</SectionTitle>
          <EuiSpacer size="m" />
          <EntityGraph graph={data.graph} focused={focused} onFocus={setFocused} />
        </EuiPanel>
        <EuiSpacer size="m" />
        <EuiPanel paddingSize="l">
          <SectionTitle>{i18n.translate('siemInvestigations.investigation.investigationPage.timeline', { defaultMessage: 'Timeline' })}</SectionTitle>
          <EuiSpacer size="m" />
          <InvestigationTimeline events={timeline} onInspect={setFlyoutRef} />
        </EuiPanel>
        <EuiSpacer size="m" />
        <EuiPanel paddingSize="l" data-test-subj="evidencePanel">
          <SectionTitle>{i18n.translate('siemInvestigations.investigation.investigationPage.evidence', { defaultMessage: 'Evidence' })}</SectionTitle>
          <EuiSpacer size="s" />
          {!hasEvidence ? (
            <>
              <EuiCallOut size="s" iconType="iInCircle" title={i18n.translate('siemInvestigations.investigation.investigationPage.nothingWasFoundBeyond', { defaultMessage: 'Nothing was found beyond the finding itself' })} data-test-subj="noEvidenceCallout">
                <p>{i18n.translate('siemInvestigations.investigation.investigationPage.theseAreTheQuestions', { defaultMessage: 'These are the questions the playbook asked, and why each came back empty or could not be asked.' })}</p>
              </EuiCallOut>
              <EuiSpacer size="m" />
              {checksPanel}
            </>
          ) : (
            <EvidenceSection
              evidence={data.evidence}
              window={data.window}
              focused={focused}
              selectedSource={source}
              highlightedGroup={highlighted?.id ?? null}
              onSelectSource={setSource}
              onInspect={setFlyoutRef}
              onAddToCase={
                canSave
                  ? (group, hit) =>
                      setAttach({ attachment: { type: attachmentTypeOf(group.source), ref: hit.ref }, description: describeHit(group, hit, sources[group.source].label) })
                  : undefined
              }
            />
          )}
        </EuiPanel>
        {hasEvidence && (
          <>
            <EuiSpacer size="m" />
            <EuiPanel paddingSize="l" data-test-subj="checksPanel">
              <SectionTitle>{i18n.translate('siemInvestigations.investigation.investigationPage.whatWasChecked', { defaultMessage: 'What was checked' })}</SectionTitle>
              <EuiSpacer size="s" />
              {checksPanel}
            </EuiPanel>
          </>
        )}
        {flyoutRef && <DocumentFlyout docRef={flyoutRef} onClose={() => setFlyoutRef(null)} />}
        {attach && canSave && <AddToCaseModal {...attach} suggestedTitle={data.finding.title} findingType={data.finding.type} onClose={() => setAttach(null)} />}
      </EuiPageBody>
    </EuiPage>
  );
}
