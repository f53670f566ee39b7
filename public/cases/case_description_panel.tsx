import React, { useState } from 'react';
import { EuiButton, EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiFormRow, EuiPanel, EuiSpacer, EuiTab, EuiTabs, EuiTextArea } from '@elastic/eui';
import { CASE_LIMITS } from '../../common/case_types';
import { CaseEditor } from './use_case_editor';
import { CaseMarkdown } from './case_markdown';
import { SectionTitle } from '../shared/section_title';
import { i18n } from '@osd/i18n';

/** The description in Markdown; "Edit" keeps the text as a draft until saved or cancelled. */
export function CaseDescriptionPanel({ editor }: { editor: CaseEditor }) {
  const c = editor.case!;
  const draft = editor.draft.description;
  const [preview, setPreview] = useState(false);
  return (
    <EuiPanel paddingSize="l" data-test-subj="caseDescriptionPanel">
      <EuiFlexGroup gutterSize="s" alignItems="center" justifyContent="spaceBetween" responsive={false}>
        <EuiFlexItem grow={false}>
          <SectionTitle>{i18n.translate('siemInvestigations.cases.caseDescriptionPanel.description', { defaultMessage: 'Description' })}</SectionTitle>
        </EuiFlexItem>
        {draft === undefined && editor.canSave && (
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty size="s" iconType="pencil" onClick={() => editor.setDraft({ description: c.description })} data-test-subj="editCaseDescription">
              {i18n.translate('siemInvestigations.cases.caseDescriptionPanel.edit', { defaultMessage: 'Edit' })}</EuiButtonEmpty>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      {draft === undefined ? (
        <CaseMarkdown text={c.description} emptyText={i18n.translate('siemInvestigations.cases.description.empty', { defaultMessage: 'No description yet.' })} data-test-subj="caseDescription" />
      ) : (
        <>
          <EuiTabs size="s">
            <EuiTab isSelected={!preview} onClick={() => setPreview(false)}>
              {i18n.translate('siemInvestigations.cases.caseDescriptionPanel.write', { defaultMessage: 'Write' })}</EuiTab>
            <EuiTab isSelected={preview} onClick={() => setPreview(true)} data-test-subj="previewCaseDescription">
              {i18n.translate('siemInvestigations.cases.caseDescriptionPanel.preview', { defaultMessage: 'Preview' })}</EuiTab>
          </EuiTabs>
          <EuiSpacer size="s" />
          {preview ? (
            <CaseMarkdown text={draft} emptyText={i18n.translate('siemInvestigations.cases.description.nothingToPreview', { defaultMessage: 'Nothing to preview.' })} />
          ) : (
            <EuiFormRow fullWidth helpText={i18n.translate('siemInvestigations.cases.description.help', { defaultMessage: 'Markdown, up to {max, number} characters.', values: { max: CASE_LIMITS.descriptionLength } })}>
              <EuiTextArea
                fullWidth
                rows={8}
                aria-label={i18n.translate('siemInvestigations.cases.caseDescriptionPanel.description2', { defaultMessage: 'Description' })}
                value={draft}
                maxLength={CASE_LIMITS.descriptionLength}
                onChange={(e) => editor.setDraft({ description: e.target.value })}
                data-test-subj="caseDescriptionInput"
              />
            </EuiFormRow>
          )}
          <EuiSpacer size="s" />
          <EuiFlexGroup gutterSize="s" justifyContent="flexEnd" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiButtonEmpty size="s" color="text" onClick={() => editor.discard(['description'])}>
                {i18n.translate('siemInvestigations.cases.caseDescriptionPanel.cancel', { defaultMessage: 'Cancel' })}</EuiButtonEmpty>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButton size="s" fill isLoading={editor.saving} onClick={() => void editor.save({ description: draft })} data-test-subj="saveCaseDescription">
                {i18n.translate('siemInvestigations.cases.caseDescriptionPanel.saveDescription', { defaultMessage: 'Save description' })}</EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
        </>
      )}
    </EuiPanel>
  );
}
