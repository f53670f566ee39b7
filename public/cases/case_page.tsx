import { formatNumber } from '../shared/format';
import React, { useState } from 'react';
import { RouteComponentProps } from 'react-router-dom';
import { EuiButton, EuiEmptyPrompt, EuiFlexGroup, EuiFlexItem, EuiLoadingContent, EuiNotificationBadge, EuiPage, EuiPageBody, EuiPanel, EuiProgress, EuiSpacer } from '@elastic/eui';
import { DocRef } from '../../common/types';
import { CaseActivityLog } from './case_activity_log';
import { CaseAttachmentsTable } from './case_attachments_table';
import { CaseComments } from './case_comments';
import { CaseConflictCallout } from './case_conflict_callout';
import { CaseRepairedCallout } from './case_repaired_callout';
import { CaseDescriptionPanel } from './case_description_panel';
import { CaseDetailsPanel } from './case_details_panel';
import { CaseTasksPanel } from './case_tasks_panel';
import { CaseObservablesPanel } from './case_observables_panel';
import { CaseHeader } from './case_header';
import { CaseNotFound } from './case_not_found';
import { CaseItemsPagination, useCaseItemsPager } from './case_items_pager';
import { DocumentFlyout } from '../shared/document_flyout';
import { SectionTitle } from '../shared/section_title';
import { useBreadcrumbs } from '../shared/use_breadcrumbs';
import { useCaseEditor } from './use_case_editor';
import { MergedCaseCallout, useMergedCaseRedirect } from './merge_case_modal';
import { decodePathSegment } from '../routes';
import { i18n } from '@osd/i18n';

export function CasePage({ match }: RouteComponentProps<{ id: string }>) {
  const id = decodePathSegment(match.params.id);
  const editor = useCaseEditor(id);
  const [flyoutRef, setFlyoutRef] = useState<DocRef | null>(null);
  const c = editor.case;
  useMergedCaseRedirect(id, c);
  useBreadcrumbs([{ text: i18n.translate('siemInvestigations.cases.casePage.cases', { defaultMessage: 'Cases' }), path: '/cases' }, { text: c?.title ?? i18n.translate('siemInvestigations.cases.casePage.breadcrumb', { defaultMessage: 'Case' }) }]);

  if (!c) {
    const notFound = editor.loadError?.status === 404 || editor.loadError?.status === 403;
    return (
      <EuiPage>
        <EuiPageBody>
          {notFound ? (
            <CaseNotFound caseId={id} />
          ) : editor.loadError ? (
            <EuiEmptyPrompt
              iconType="alert"
              color="danger"
              title={<h2>{i18n.translate('siemInvestigations.cases.casePage.theCaseCouldNot', { defaultMessage: 'The case could not be loaded' })}</h2>}
              body={<p data-test-subj="caseLoadError">{editor.loadError.message}</p>}
              actions={
                <EuiButton iconType="refresh" onClick={() => void editor.reload()}>
                  {i18n.translate('siemInvestigations.cases.casePage.tryAgain', { defaultMessage: 'Try again' })}</EuiButton>
              }
            />
          ) : (
            <EuiPanel paddingSize="l" data-test-subj="caseLoading">
              <EuiLoadingContent lines={3} />
              <EuiSpacer size="l" />
              <EuiLoadingContent lines={6} />
            </EuiPanel>
          )}
        </EuiPageBody>
      </EuiPage>
    );
  }

  return <CaseView editor={editor} flyoutRef={flyoutRef} setFlyoutRef={setFlyoutRef} />;
}

function CaseView({ editor, flyoutRef, setFlyoutRef }: { editor: ReturnType<typeof useCaseEditor>; flyoutRef: DocRef | null; setFlyoutRef(ref: DocRef | null): void }) {
  const c = editor.case!;
  const attachments = useCaseItemsPager(c, 'attachments');
  const comments = useCaseItemsPager(c, 'comments');
  const activity = useCaseItemsPager(c, 'activity');
  return (
    <EuiPage>
      <EuiPageBody data-test-subj="caseView" data-case-id={c.id}>
        {(editor.loading || editor.saving) && <EuiProgress size="xs" color="accent" position="fixed" />}
        {editor.conflict && (
          <>
            <CaseConflictCallout loading={editor.loading} onReload={() => void editor.reload()} />
            <EuiSpacer size="m" />
          </>
        )}
        <MergedCaseCallout key={c.id} target={c} />
        <CaseHeader editor={editor} />
        <EuiSpacer size="m" />
        <CaseRepairedCallout repaired={c.repaired} />
        <EuiFlexGroup gutterSize="m" alignItems="flexStart">
          <EuiFlexItem grow={3} style={{ minWidth: 0 }}>
            <CaseDescriptionPanel editor={editor} />
            <EuiSpacer size="m" />
            <EuiPanel paddingSize="l">
              <SectionTitle>
                {i18n.translate('siemInvestigations.cases.page.evidence', { defaultMessage: 'Evidence' })} <EuiNotificationBadge color="subdued">{formatNumber(attachments.total)}</EuiNotificationBadge>
              </SectionTitle>
              <EuiSpacer size="s" />
              <CaseAttachmentsTable attachments={attachments.items} onInspect={setFlyoutRef} />
              <CaseItemsPagination pager={attachments} noun={i18n.translate('siemInvestigations.cases.casePage.attachments', { defaultMessage: 'Attachments' })} />
            </EuiPanel>
            <EuiSpacer size="m" />
            <EuiPanel paddingSize="l">
              <SectionTitle>{i18n.translate('siemInvestigations.cases.casePage.comments', { defaultMessage: 'Comments' })}</SectionTitle>
              <EuiSpacer size="m" />
              <CaseItemsPagination pager={comments} noun={i18n.translate('siemInvestigations.cases.casePage.comments2', { defaultMessage: 'Comments' })} />
              <CaseComments comments={comments.items} onAdd={editor.canSave ? editor.addComment : undefined} />
            </EuiPanel>
            <EuiSpacer size="m" />
            <CaseObservablesPanel caseId={c.id} canSave={editor.canSave} />
          </EuiFlexItem>
          <EuiFlexItem grow={1} style={{ minWidth: 300 }}>
            <CaseDetailsPanel editor={editor} />
            <EuiSpacer size="m" />
            <CaseTasksPanel editor={editor} />
            <EuiSpacer size="m" />
            <EuiPanel paddingSize="l">
              <SectionTitle>{i18n.translate('siemInvestigations.cases.casePage.activity', { defaultMessage: 'Activity' })}</SectionTitle>
              <EuiSpacer size="s" />
              <CaseActivityLog activity={activity.items} />
              <CaseItemsPagination pager={activity} noun={i18n.translate('siemInvestigations.cases.casePage.entries', { defaultMessage: 'Entries' })} />
            </EuiPanel>
          </EuiFlexItem>
        </EuiFlexGroup>
        {flyoutRef && <DocumentFlyout docRef={flyoutRef} onClose={() => setFlyoutRef(null)} />}
      </EuiPageBody>
    </EuiPage>
  );
}
